/**
 * Injection payloads for the hostile-input tests. Each one tries to end the construct it lands in
 * (a JSDoc block, a `//` comment, a string or template literal, a line) and run code that touches
 * one of the sentinel identifiers below. If any sentinel ever shows up in the generated code as an
 * identifier (rather than inside a string, a comment or as a declared property name), something
 * from the spec became code.
 *
 * Payloads never consist of a sentinel alone: the generator legitimately turns names into
 * identifiers (`pwned` as an operationId would become a function `pwned`), so every sentinel is
 * surrounded by other words and case conversion can never produce the bare sentinel.
 */

/** Identifiers that no clean client contains and every code-shaped payload below tries to introduce. */
export const sentinels: readonly string[] = ["pwned", "injected"];

export interface Payload {
  /** Short readable label, used in test titles. */
  label: string;
  /** Payloads of one category share a spec (each in its own slot), to keep the suite fast. */
  category: string;
  value: string;
}

const hundredKilobytes = 100 * 1024;

/** `unit` repeated until the text is `length` UTF-16 code units long. */
function repeatTo(unit: string, length: number): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

export const payloads: readonly Payload[] = [
  // Comment closers and openers.
  { label: "comment closer", category: "comments", value: "*/" },
  { label: "comment opener", category: "comments", value: "/*" },
  { label: "comment breakout", category: "comments", value: "*/ export const pwned = 1; /*" },
  { label: "jsdoc opener breakout", category: "comments", value: "/** @type {string} */ export const injected = 1; /**" },
  { label: "interface breakout", category: "comments", value: "*/ }; globalThis.pwned = 1; export interface Evil { /*" },
  { label: "line comment breakout", category: "comments", value: "x\nexport const pwned = 1; //" },
  { label: "html comment", category: "comments", value: "<!-- globalThis.pwned = 1 -->" },
  // String and template closers.
  { label: "double quote", category: "string and template closers", value: '"' },
  { label: "double quote breakout", category: "string and template closers", value: '"; globalThis.pwned = 1; "' },
  { label: "single quote breakout", category: "string and template closers", value: "'; globalThis.pwned = 1; '" },
  { label: "backtick breakout", category: "string and template closers", value: "`; globalThis.pwned = 1; `" },
  { label: "template expression", category: "string and template closers", value: "${globalThis.pwned = 1}" },
  { label: "type breakout", category: "string and template closers", value: '"]: 1 }; export const pwned = { "' },
  { label: "brace breakout", category: "string and template closers", value: "}); globalThis.injected = 1; ({" },
  // Line and paragraph separators.
  { label: "carriage return", category: "line and paragraph separators", value: "a\rexport const pwned = 1;\r" },
  { label: "crlf", category: "line and paragraph separators", value: "a\r\nexport const injected = 1;\r\n" },
  { label: "line feed", category: "line and paragraph separators", value: "\nexport const pwned = 1;\n" },
  { label: "line separator", category: "line and paragraph separators", value: "a\u2028export const pwned = 1;\u2028b" },
  { label: "paragraph separator", category: "line and paragraph separators", value: "a\u2029export const injected = 1;\u2029b" },
  { label: "next line (NEL)", category: "line and paragraph separators", value: "a\u0085export const pwned = 1;\u0085b" },
  { label: "mixed separators closing a comment", category: "line and paragraph separators", value: "\u2028*/\u2029export const pwned = 1;\r\n/*\u0085" },
  // JSDoc tag lines.
  { label: "example tag line", category: "JSDoc tag lines", value: "\n@example evil" },
  { label: "tag lines with code", category: "JSDoc tag lines", value: "text\n@example globalThis.pwned = 1\n * @deprecated injected\n@type {globalThis.pwned}" },
  { label: "leading tag", category: "JSDoc tag lines", value: "@see https://evil.example/ @param pwned" },
  // HTML and markdown.
  { label: "html", category: "HTML and markdown", value: '<b>bold</b> <img src=x onerror="globalThis.pwned=1"> &amp; &lt;' },
  { label: "script close", category: "HTML and markdown", value: "</script><script>globalThis.pwned = 1</script>" },
  { label: "markdown", category: "HTML and markdown", value: "# Title\n\n```ts\nglobalThis.pwned = 1;\n```\n[link](javascript:globalThis.injected=1) **bold** _it_" },
  // Backslashes and escape sequences.
  { label: "backslash", category: "backslashes and escapes", value: "\\" },
  { label: "trailing backslash", category: "backslashes and escapes", value: "ends with a backslash \\" },
  { label: "escaped quote text", category: "backslashes and escapes", value: "\\u0022; globalThis.pwned = 1; //" },
  { label: "escape sequences", category: "backslashes and escapes", value: '\\"; globalThis.pwned = 1; \\n \\x41 \\0 \\u{1F600} \\' },
  { label: "escaped comment closer", category: "backslashes and escapes", value: "*\\/ *\\\\/ export const injected = 1; /\\*" },
  // NUL and control characters.
  { label: "nul", category: "NUL and control characters", value: "a\u0000b" },
  { label: "control characters", category: "NUL and control characters", value: "\u0001\u0007\b\t\u000b\f\u001b[31mred\u001b[0m\u007f\u009f" },
  { label: "nul closing a comment", category: "NUL and control characters", value: "*\u0000/ export const pwned = 1; /\u0000*" },
  // Huge strings.
  { label: "100 KB of letters", category: "huge strings", value: repeatTo("abcdefghij", hundredKilobytes) },
  { label: "100 KB of payload", category: "huge strings", value: repeatTo('*/ "${globalThis.pwned}" `\\` \n@x \u2028', hundredKilobytes) },
  // Object.prototype names.
  { label: "__proto__", category: "Object.prototype names", value: "__proto__" },
  { label: "constructor", category: "Object.prototype names", value: "constructor" },
  { label: "toString", category: "Object.prototype names", value: "toString" },
  { label: "hasOwnProperty", category: "Object.prototype names", value: "hasOwnProperty" },
  { label: "prototype", category: "Object.prototype names", value: "prototype" },
  // Reserved words and words with meaning in TypeScript.
  { label: "class", category: "reserved words", value: "class" },
  { label: "delete", category: "reserved words", value: "delete" },
  { label: "await", category: "reserved words", value: "await" },
  { label: "yield", category: "reserved words", value: "yield" },
  { label: "eval", category: "reserved words", value: "eval" },
  { label: "arguments", category: "reserved words", value: "arguments" },
  { label: "default", category: "reserved words", value: "default" },
  { label: "enum", category: "reserved words", value: "enum" },
  { label: "let", category: "reserved words", value: "let" },
  { label: "undefined", category: "reserved words", value: "undefined" },
  { label: "null", category: "reserved words", value: "null" },
  { label: "NaN", category: "reserved words", value: "NaN" },
  { label: "import", category: "reserved words", value: "import" },
  { label: "satisfies", category: "reserved words", value: "satisfies" },
  { label: "globalThis", category: "reserved words", value: "globalThis" },
  // Emoji and non-BMP characters.
  { label: "emoji", category: "emoji and unusual Unicode", value: "😀" },
  { label: "emoji family (ZWJ)", category: "emoji and unusual Unicode", value: "👨‍👩‍👧‍👦 family" },
  { label: "non-BMP letters", category: "emoji and unusual Unicode", value: "𝒳𝓎𝓏 𐐀𐐨" },
  { label: "lone surrogates", category: "emoji and unusual Unicode", value: "a\ud800b\udc00c" },
  { label: "bidi override and zero width", category: "emoji and unusual Unicode", value: "\u202Eexport const pwned = 1;\u202C\u200B\uFEFF" },
  { label: "unicode escape in identifier", category: "emoji and unusual Unicode", value: "pwn\\u0065d = globalThis.injected" },
  { label: "superscript and circled digits", category: "emoji and unusual Unicode", value: "x² ½ ①" },
  { label: "combining marks", category: "emoji and unusual Unicode", value: "e\u0301\u0301\u0301 Z\u0351\u0352" },
];

/** Payloads usable as a component name: the OpenAPI 3.1 schema limits those to ^[a-zA-Z0-9._-]+$. */
export const componentNamePattern = /^[a-zA-Z0-9._-]+$/;

/**
 * Names that collide once case-converted to identifiers: each group lands in one spec as component
 * names, property names, parameter names, operationIds, enum values and security scheme names.
 */
export const collisionGroups: readonly (readonly string[])[] = [
  ["foo-bar", "foo_bar", "fooBar", "FooBar", "foo.bar", "FOO_BAR", "foo--bar", "Foo-Bar"],
  ["Item", "item", "ITEM", "item_", "_item", "item-", "1item", "Item2"],
  ["getItemResult", "GetItemResult", "get-item-params", "GetItemParams", "GetItemError", "getItem", "createClient", "request"],
  ["Promise", "Error", "Record", "Client", "ApiError", "Array", "String", "Date"],
];
