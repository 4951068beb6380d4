import { describe, expect, it } from "vitest";
import type { NamedTypeModel, PropertyModel, TypeModel } from "../../generator/model/apiModel.js";
import { declaredType } from "../../generator/model/declaredType.js";

const string: TypeModel = { kind: "primitive", name: "string" };
const property: PropertyModel = { key: "id", required: true, readOnly: false, writeOnly: false, type: string, doc: {} };
const object = (properties: PropertyModel[], additionalProperties: Extract<TypeModel, { kind: "object" }>["additionalProperties"]): TypeModel => ({
  kind: "object",
  properties,
  additionalProperties,
});

const rows: [string, { given: TypeModel; want: NamedTypeModel["declaration"] }][] = [
  ["an object with properties", { given: object([property], "unspecified"), want: "interface" }],
  ["an object with properties and no others allowed", { given: object([property], "forbidden"), want: "interface" }],
  ["an object with only typed additionalProperties (an index signature)", { given: object([], string), want: "interface" }],
  ["an object with only `additionalProperties: {}`", { given: object([], { kind: "unknown" }), want: "interface" }],
  ["an object with no members (a Record alias, not `{}`)", { given: object([], "unspecified"), want: "alias" }],
  ["an object allowing no properties at all", { given: object([], "forbidden"), want: "alias" }],
  ["an enum", { given: { kind: "enum", members: [{ name: "A", value: "a" }] }, want: "enum" }],
  ["a nullable object", { given: { kind: "nullable", type: object([property], "unspecified") }, want: "alias" }],
  ["a union", { given: { kind: "union", members: [string, { kind: "ref", name: "A" }] }, want: "alias" }],
  ["an intersection of objects", { given: { kind: "intersection", members: [object([property], "unspecified")] }, want: "alias" }],
  ["a record", { given: { kind: "record", keys: string, values: string }, want: "alias" }],
  ["a ref", { given: { kind: "ref", name: "A" }, want: "alias" }],
  ["a primitive", { given: string, want: "alias" }],
];

describe("declaredType", () => {
  it.each(rows)("%s", (_, { given, want }) => {
    const draft = { name: "T", type: given, doc: { description: "d" }, location: { file: "spec.yaml", pointer: "/components/schemas/T" } };
    expect(declaredType(draft)).toEqual({ ...draft, declaration: want });
  });
});
