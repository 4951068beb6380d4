/**
 * The one home for turning spec text into TypeScript source text. Everything from a
 * spec that reaches the output passes through one of these functions.
 */

/** A string literal: JSON's escaping is valid TypeScript and covers quotes, backslashes and line breaks. */
export function toStringLiteral(value: string): string {
  // U+2028/2029 are legal in JSON strings and in ES2019+ literals, but escaping them keeps older tools happy.
  const json = JSON.stringify(value);
  return lineSeparators.test(json) ? json.replaceAll("\u2028", "\\u2028").replaceAll("\u2029", "\\u2029") : json;
}

const lineSeparators = /[\u2028\u2029]/;

/** An enum value as a TypeScript literal (usable both as a type and as an expression). */
export function toLiteral(value: string | number | boolean | null): string {
  if (typeof value === "string") return toStringLiteral(value);
  // JSON.stringify renders -0, 1e21 and friends as valid literals; a negative number is a valid literal type too.
  return JSON.stringify(value);
}

/**
 * Text inside a JSDoc block. Control characters go first (a NUL inside `*\u0000/` would otherwise
 * reassemble `*\/` after the escaping); then `*\/` cannot close the comment, `/*` cannot confuse
 * ts-morph's JSDoc printer (it mangles the tags that follow), an `@` after whitespace (where
 * TypeScript starts a tag, not only at a line start) cannot become a tag, and every line break
 * is a plain "\n".
 */
export function toDocText(text: string): string {
  // Most text has nothing to escape: one test instead of five replacements.
  if (!docEscapes.test(text)) return text.trimEnd();
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "")
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, "\n")
    .replaceAll("*/", "*\\/")
    .replaceAll("/*", "/\\*")
    .replace(/(^|\s)@/g, "$1\\@")
    .trimEnd();
}

/** Anything toDocText changes besides trailing whitespace: controls, line breaks other than "\n", comment delimiters, `@`. */
const docEscapes = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\r\u2028\u2029\u0085]|\*\/|\/\*|@/;

/** Text inside a `//` comment: one line, nothing that ends it. */
export function toLineCommentText(text: string): string {
  return text.replace(/[\r\n\u2028\u2029\u0085]+/g, " ");
}
