import { ts } from "ts-morph";

/**
 * Splits text into words at non-alphanumeric characters and at case humps:
 * "deployModel" -> deploy, Model; "HTTPServer" -> HTTP, Server; "x-rate_limit" -> x, rate, limit.
 */
export function splitWords(text: string): string[] {
  return text
    .replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, "$1 $2")
    .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, "$1 $2")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== "");
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/**
 * Words joined with each word capitalized; acronyms keep their case ("HTTPServer" stays). Text in
 * SCREAMING_SNAKE_CASE (every word upper case, two or more) is words, not acronyms:
 * "IN_PROGRESS" -> InProgress, not INPROGRESS.
 */
export function toPascalCase(text: string): string {
  let cased = pascalCased.get(text);
  if (cased === undefined) {
    const words = splitWords(text);
    const screaming = words.length > 1 && words.every((word) => word === word.toUpperCase() && /\p{Lu}/u.test(word));
    cased = (screaming ? words.map((word) => word.toLowerCase()) : words).map(capitalize).join("");
    pascalCased.set(text, cased);
  }
  return cased;
}

/** Every property key and name hint passes through toPascalCase, the same keys over and over: each is split once. */
const pascalCased = new Map<string, string>();

export function toCamelCase(text: string): string {
  const pascal = toPascalCase(text);
  const leadingUpper = /^\p{Lu}+(?=\p{Lu}\p{Ll}|$|\P{L})/u.exec(pascal)?.[0];
  if (leadingUpper !== undefined && leadingUpper.length > 1) {
    return leadingUpper.toLowerCase() + pascal.slice(leadingUpper.length);
  }
  return pascal.charAt(0).toLowerCase() + pascal.slice(1);
}

const asciiIdentifier = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const asciiOnly = /^[\x00-\x7f]*$/;

/** True when the TypeScript scanner reads `text` as one identifier (reserved words included). */
function isIdentifierText(text: string): boolean {
  // In ASCII the scanner's identifiers are exactly these; other text asks it code point by code point.
  if (asciiIdentifier.test(text)) return true;
  if (asciiOnly.test(text)) return false;
  const codePoints = [...text].map((char) => char.codePointAt(0)!);
  const [first, ...rest] = codePoints;
  if (first === undefined || !ts.isIdentifierStart(first, ts.ScriptTarget.ESNext)) return false;
  return rest.every((codePoint) => ts.isIdentifierPart(codePoint, ts.ScriptTarget.ESNext));
}

/** True when the TypeScript compiler accepts `text` as a binding name. */
export function isValidIdentifier(text: string): boolean {
  return isIdentifierText(text) && !isReservedWord(text);
}

/** Reserved words and strict-mode future reserved words, taken from the compiler's own token ranges. */
const reservedWords: ReadonlySet<string> = new Set(
  [
    [ts.SyntaxKind.FirstReservedWord, ts.SyntaxKind.LastReservedWord],
    [ts.SyntaxKind.FirstFutureReservedWord, ts.SyntaxKind.LastFutureReservedWord],
  ].flatMap(([first, last]) =>
    Array.from({ length: last! - first! + 1 }, (_, offset) => ts.tokenToString(first! + offset) ?? ""),
  ),
);

/** ES modules also reserve `await`; strict mode forbids binding `arguments` and `eval`. */
const moduleReservedWords: ReadonlySet<string> = new Set(["await", "arguments", "eval"]);

function isReservedWord(text: string): boolean {
  return reservedWords.has(text) || moduleReservedWords.has(text);
}

const asciiIdentifierParts = /^[A-Za-z0-9_$]*$/;

/**
 * A valid identifier in the requested case from any text: characters the
 * compiler rejects are dropped, a leading digit gets "_", reserved words get "_" appended.
 */
export function toTypeScriptIdentifier(text: string, casing: "pascal" | "camel"): string {
  const cased = casing === "pascal" ? toPascalCase(text) : toCamelCase(text);
  // ASCII letters, digits, `_` and `$` are all identifier parts: only other text needs the scanner's verdict per character.
  const kept = asciiIdentifierParts.test(cased)
    ? cased
    : [...cased].filter((char) => ts.isIdentifierPart(char.codePointAt(0)!, ts.ScriptTarget.ESNext)).join("");
  if (kept === "") return "_";
  const safeStart = ts.isIdentifierStart(kept.codePointAt(0)!, ts.ScriptTarget.ESNext) ? kept : `_${kept}`;
  return isReservedWord(safeStart) ? `${safeStart}_` : safeStart;
}

/**
 * A key inside an object literal expression. `__proto__: x` (quoted or not) sets the
 * prototype instead of a property; the computed form defines an own property.
 */
export function toObjectLiteralKey(key: string): string {
  return key === "__proto__" ? `[${JSON.stringify(key)}]` : toPropertyKey(key);
}

/** A property key as TypeScript source: bare when valid, otherwise a string literal. */
export function toPropertyKey(key: string): string {
  return isIdentifierText(key) ? key : JSON.stringify(key);
}
