import { describe, expect, it } from "vitest";
import type { PropertyModel, TypeModel } from "../../generator/model/apiModel.js";
import { typeExpression } from "../../generator/emit/typeExpression.js";

// typeExpression is the one place a model type is spelled: each row is one kind, or one way kinds nest.
const string: TypeModel = { kind: "primitive", name: "string" };
const number: TypeModel = { kind: "primitive", name: "number" };
const A: TypeModel = { kind: "ref", name: "A" };
const B: TypeModel = { kind: "ref", name: "B" };
const C: TypeModel = { kind: "ref", name: "C" };
const union = (...members: TypeModel[]): TypeModel => ({ kind: "union", members });
const intersection = (...members: TypeModel[]): TypeModel => ({ kind: "intersection", members });
const nullable = (type: TypeModel): TypeModel => ({ kind: "nullable", type });
const enumOf = (...values: (string | number | boolean | null)[]): TypeModel => ({
  kind: "enum",
  members: values.map((value) => ({ name: String(value), value })),
});
const property = (key: string, type: TypeModel, required = true): PropertyModel => ({
  key,
  required,
  readOnly: false,
  writeOnly: false,
  type,
  doc: {},
});
const object = (properties: PropertyModel[], additionalProperties: Extract<TypeModel, { kind: "object" }>["additionalProperties"] = "unspecified"): TypeModel => ({
  kind: "object",
  properties,
  additionalProperties,
});

describe("typeExpression", () => {
  it.each<[string, { given: TypeModel; want: string }]>([
    ["unknown", { given: { kind: "unknown" }, want: "unknown" }],
    ["never", { given: { kind: "never" }, want: "never" }],
    ["a primitive", { given: string, want: "string" }],
    ["binary content", { given: { kind: "binary" }, want: "Blob" }],
    ["a ref", { given: A, want: "A" }],
    ["an enum of one value", { given: enumOf("a"), want: '"a"' }],
    ["an enum of mixed values", { given: enumOf("a", 1, true, null), want: '"a" | 1 | true | null' }],
    ["an array", { given: { kind: "array", items: string }, want: "string[]" }],
    ["an array of a union", { given: { kind: "array", items: union(A, B) }, want: "(A | B)[]" }],
    ["an array of an intersection", { given: { kind: "array", items: intersection(A, B) }, want: "(A & B)[]" }],
    ["an array of a nullable", { given: { kind: "array", items: nullable(A) }, want: "(A | null)[]" }],
    ["an array of a multi-value enum", { given: { kind: "array", items: enumOf("a", "b") }, want: '("a" | "b")[]' }],
    ["an array of arrays", { given: { kind: "array", items: { kind: "array", items: number } }, want: "number[][]" }],
    ["a closed tuple", { given: { kind: "tuple", items: [string, number], minItems: 2, rest: null }, want: "[string, number]" }],
    [
      "a tuple with optional positions and a rest",
      { given: { kind: "tuple", items: [string, union(A, B)], minItems: 1, rest: A }, want: "[string, (A | B)?, ...A[]]" },
    ],
    ["a record over listed keys", { given: { kind: "record", keys: enumOf("a", "b"), values: number }, want: 'Partial<Record<"a" | "b", number>>' }],
    ["an object", { given: object([property("a", string), property("b", number, false)]), want: "{ a: string; b?: number; }" }],
    ["a key that is not an identifier is quoted", { given: object([property("x-rate", string)]), want: '{ "x-rate": string; }' }],
    ["an empty object", { given: object([]), want: "Record<string, unknown>" }],
    ["an empty object with additionalProperties: false", { given: object([], "forbidden"), want: "Record<string, never>" }],
    ["only additional properties", { given: object([], number), want: "{ [key: string]: number; }" }],
    [
      "an index signature admits the declared properties (and undefined for optional ones)",
      { given: object([property("a", string, false)], number), want: "{ a?: string; [key: string]: number | string | undefined; }" },
    ],
    ["additional properties of any type", { given: object([property("a", string)], { kind: "unknown" }), want: "{ a: string; [key: string]: unknown; }" }],
    ["a union", { given: union(A, B, string), want: "A | B | string" }],
    ["a union of intersections", { given: union(intersection(A, B), C), want: "(A & B) | C" }],
    ["an intersection", { given: intersection(A, B), want: "A & B" }],
    ["an intersection with a union", { given: intersection(A, union(B, C)), want: "A & (B | C)" }],
    ["an intersection with a nullable", { given: intersection(A, nullable(B)), want: "A & (B | null)" }],
    ["an intersection with a multi-value enum", { given: intersection(string, enumOf("a", "b")), want: 'string & ("a" | "b")' }],
    ["an intersection with an inline object", { given: intersection(A, object([property("a", string)])), want: "A & { a: string; }" }],
    ["a nullable", { given: nullable(A), want: "A | null" }],
    ["a nullable union", { given: nullable(union(A, B)), want: "A | B | null" }],
    ["a nullable intersection", { given: nullable(intersection(A, union(B, C))), want: "(A & (B | C)) | null" }],
    ["keys made required", { given: { kind: "requiredKeys", type: A, keys: ["a", "b-c"] }, want: 'Required<Pick<A, "a" | "b-c">>' }],
    [
      "a discriminated union pins each member to its tag",
      {
        given: { kind: "union", members: [A, intersection(B, C)], discriminator: { property: "type", values: [["a"], ["b", "c"]], required: [true, true] } },
        want: '(A & { type: "a" }) | (B & C & { type: "b" | "c" })',
      },
    ],
    [
      "a discriminated member with no tag stays as it is",
      { given: { kind: "union", members: [A, union(B, C)], discriminator: { property: "kind", values: [["a"], []], required: [true, true] } }, want: '(A & { kind: "a" }) | B | C' },
    ],
    [
      "a member that does not require its tag gets it as optional (OpenAI's EasyInputMessage)",
      {
        given: { kind: "union", members: [A, B], discriminator: { property: "type", values: [["a"], ["b"]], required: [false, true] } },
        want: '(A & { type?: "a" }) | (B & { type: "b" })',
      },
    ],
  ])("%s", (_case, { given, want }) => {
    expect(typeExpression(given).replaceAll(/\s+/g, " ")).toBe(want);
  });
});
