import { describe, expect, it } from "vitest";
import { toDocText, toStringLiteral } from "../../generator/emit/escape.js";

describe("toDocText", () => {
  it.each([
    ["plain text, trailing space  \n", "plain text, trailing space"],
    ["a */ b /* c", "a *\\/ b /\\* c"],
    ["mail me@example.com or @tag", "mail me@example.com or \\@tag"],
    ["@start", "\\@start"],
    ["one\r\ntwo\rthree\u2028four\u0085five", "one\ntwo\nthree\nfour\nfive"],
    ["nul *\u0000/ bell\u0007", "nul *\\/ bell"],
  ])("%j -> %j", (text, expected) => expect(toDocText(text)).toBe(expected));
});

describe("toStringLiteral", () => {
  it.each([
    ["plain", '"plain"'],
    ['quote " and \\', '"quote \\" and \\\\"'],
    ["line\u2028para\u2029", '"line\\u2028para\\u2029"'],
  ])("%j -> %s", (value, expected) => expect(toStringLiteral(value)).toBe(expected));
});
