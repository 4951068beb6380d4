import { describe, expect, it } from "vitest";
import { typeTextChange, unionMembers } from "../../generator/surface/typeTextChange.js";

describe("unionMembers", () => {
  it.each([
    ["string", ["string"]],
    ['"a" | "b" | null', ['"a"', '"b"', "null"]],
    // Bars inside brackets, generics, string literals and comments do not split.
    ["(A | B)[] | C", ["(A | B)[]", "C"]],
    ['Partial<Record<"x" | "y", number>> | undefined', ['Partial<Record<"x" | "y", number>>', "undefined"]],
    ['"a|b" | "c\\"|"', ['"a|b"', '"c\\"|"']],
    // Comments go (a JSDoc change is no type change) and spacing collapses; string literals keep theirs.
    ["{ /** a | b */ x: string } | D", ["{ x: string }", "D"]],
    ['{\n  /** doc */\n  a: "x  y";\n}', ['{ a: "x  y"; }']],
    ['(A & { kind: "a" | "b" }) | B', ['(A & { kind: "a" | "b" })', "B"]],
  ])("%s", (text, members) => {
    expect(unionMembers(text)).toEqual(members);
  });
});

describe("typeTextChange", () => {
  it.each([
    ["string", "string", undefined],
    ["A | B", "B | A", undefined],
    ["A", "A | B", "widened"],
    ["A | B", "A", "narrowed"],
    ["A | B", "A | C", "changed"],
    ["string", "number", "changed"],
    ["string", "unknown", "widened"],
    ["unknown", "string", "narrowed"],
    ["{ /** Old doc. */ note?: string; }", "{ /** New doc. */ note?: string; }", undefined],
    ['"a  b"', '"a b"', "changed"],
  ])("%s -> %s: %s", (before, after, direction) => {
    expect(typeTextChange(before, after)).toBe(direction);
  });
});
