import { writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { typeExpression } from "../../generator/emit/typeExpression.js";
import { loadApi } from "../../generator/load/loadApi.js";
import { buildApiModel } from "../../generator/model/buildApiModel.js";
import { scratchDir } from "../scratchDir.js";

/** The model of a 3.1 document holding the schema `T` beside the named objects `A`, `B`, `C`. */
async function modelOf(schema: unknown) {
  const file = path.join(await scratchDir("schema-to-type"), "spec.json");
  const named = (key: string) => ({ type: "object", properties: { [key]: { type: "string" } } });
  const schemas = { A: named("a"), B: named("b"), C: named("c"), T: schema };
  const document = { openapi: "3.1.0", info: { title: "t", version: "1" }, paths: {}, components: { schemas } };
  await writeFile(file, JSON.stringify(document));
  return buildApiModel(await loadApi(file));
}

/** The type the model gives `T`, spelled on one line. */
async function spelled(schema: unknown): Promise<string> {
  const { model } = await modelOf(schema);
  return typeExpression(model.types.find((type) => type.name === "T")!.type).replaceAll(/\s+/g, " ");
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const string = { type: "string" };

describe("schemaToType: one keyword family", () => {
  it.each<[string, { given: unknown; want: string }]>([
    ["no keywords", { given: {}, want: "unknown" }],
    ["a string", { given: string, want: "string" }],
    ["binary content", { given: { type: "string", format: "binary" }, want: "Blob" }],
    ["an integer", { given: { type: "integer" }, want: "number" }],
    ["several types", { given: { type: ["string", "number"] }, want: "string | number" }],
    ["a type or null (3.1)", { given: { type: ["string", "null"] }, want: "string | null" }],
    ["nullable: true (3.0)", { given: { type: "string", nullable: true }, want: "string | null" }],
    ["an enum", { given: { enum: ["a", "b"] }, want: '"a" | "b"' }],
    ["a const", { given: { const: 1 }, want: "1" }],
    ["an enum beside its type: the values say it all", { given: { type: "string", enum: ["a"] }, want: '"a"' }],
    ["an array", { given: { type: "array", items: string }, want: "string[]" }],
    ["items without type", { given: { items: { type: "number" } }, want: "number[]" }],
    ["a tuple", { given: { type: "array", prefixItems: [string, { type: "number" }], minItems: 1, items: false }, want: "[string, number?]" }],
    [
      "an object",
      { given: { type: "object", properties: { a: string, b: { type: "number" } }, required: ["a"] }, want: "{ a: string; b?: number; }" },
    ],
    ["properties without type", { given: { properties: { a: string } }, want: "{ a?: string; }" }],
    // OpenAI's ResponseAudioDoneEvent requires `response_id` and never describes it.
    ["a required key no property declares", { given: { type: "object", properties: { a: string }, required: ["a", "b"] }, want: "{ a: string; b: unknown; }" }],
    ["an object of anything", { given: { type: "object" }, want: "Record<string, unknown>" }],
    ["a map", { given: { type: "object", additionalProperties: { type: "number" } }, want: "{ [key: string]: number; }" }],
    ["keys listed by propertyNames", { given: { type: "object", propertyNames: { enum: ["x", "y"] }, additionalProperties: string }, want: 'Partial<Record<"x" | "y", string>>' }],
    ["oneOf", { given: { oneOf: [string, ref("A")] }, want: "string | A" }],
    ["anyOf with null", { given: { anyOf: [ref("A"), { type: "null" }] }, want: "A | null" }],
    ["allOf", { given: { allOf: [ref("A"), ref("B")] }, want: "A & B" }],
    ["allOf with the schema's own properties", { given: { allOf: [ref("A")], properties: { x: string } }, want: "A & { x?: string; }" }],
    ["allOf requiring a key a named member declares", { given: { allOf: [ref("A")], required: ["a"] }, want: 'A & Required<Pick<A, "a">>' }],
  ])("%s", async (_case, { given, want }) => {
    expect(await spelled(given)).toBe(want);
  });
});

describe("schemaToType: keyword families composed (each contributes a part; the parts are intersected)", () => {
  it.each<[string, { given: unknown; want: string }]>([
    [
      "properties beside oneOf keep their properties and required",
      { given: { properties: { x: string }, required: ["x"], oneOf: [ref("A"), ref("B")] }, want: "{ x: string; } & (A | B)" },
    ],
    ["allOf beside oneOf", { given: { allOf: [ref("A")], oneOf: [ref("B"), ref("C")] }, want: "A & (B | C)" }],
    [
      "allOf, properties and anyOf together",
      { given: { allOf: [ref("A")], properties: { x: string }, anyOf: [ref("B"), ref("C")] }, want: "A & { x?: string; } & (B | C)" },
    ],
    ["oneOf beside anyOf", { given: { oneOf: [ref("A"), ref("B")], anyOf: [ref("C"), string] }, want: "(A | B) & (C | string)" }],
    ["a type beside oneOf", { given: { type: "boolean", oneOf: [{ const: true }, string] }, want: "boolean & (true | string)" }],
    ["an array type beside anyOf", { given: { type: "array", items: string, anyOf: [{ maxItems: 1 }, { minItems: 3 }] }, want: "string[]" }],
    ["values beside a choice", { given: { enum: ["a", "b", "c"], anyOf: [{ enum: ["a", "b"] }, { enum: ["c"] }] }, want: '("a" | "b" | "c") & ("a" | "b" | "c")' }],
    [
      "a nullable object beside oneOf",
      { given: { type: ["object", "null"], properties: { x: string }, oneOf: [ref("A"), ref("B")] }, want: "({ x?: string; } & (A | B)) | null" },
    ],
    ["null only when every part allows it", { given: { type: "object", properties: { x: string }, anyOf: [ref("A"), { type: "null" }] }, want: "{ x?: string; } & A" }],
    // `properties` with no `type` constrains objects only: null passes it, and the choice allows null.
    ["properties without a type beside a choice allowing null", { given: { properties: { x: string }, anyOf: [ref("A"), { type: "null" }] }, want: "({ x?: string; } & A) | null" }],
    ["an object without properties beside a choice says nothing more", { given: { type: "object", oneOf: [ref("A"), ref("B")] }, want: "A | B" }],
    ["additionalProperties: false beside allOf says nothing more", { given: { type: "object", additionalProperties: false, allOf: [ref("A")] }, want: "A" }],
  ])("%s", async (_case, { given, want }) => {
    expect(await spelled(given)).toBe(want);
  });
});

describe("schemaToType: a union containing unknown is unknown, and an unknown part adds nothing", () => {
  it.each<[string, { given: unknown; want: string }]>([
    ["an alternative that says nothing", { given: { anyOf: [string, { description: "anything" }] }, want: "unknown" }],
    ["alternatives that only validate", { given: { type: "string", oneOf: [{ format: "date" }, { format: "uri" }] }, want: "string" }],
    ["an allOf member that says nothing", { given: { allOf: [ref("A"), { description: "more" }] }, want: "A" }],
  ])("%s", async (_case, { given, want }) => {
    expect(await spelled(given)).toBe(want);
  });
});

describe("schemaToType: a choice of required lists (OpenAI's ImageRefParam)", () => {
  const object = { type: "object", properties: { a: string, b: string } };
  it.each<[string, { given: unknown; want: string }]>([
    [
      "anyOf of required lists beside properties: the object with each list's keys required",
      { given: { ...object, anyOf: [{ required: ["a"] }, { required: ["b"] }] }, want: "{ a: string; b?: string; } | { a?: string; b: string; }" },
    ],
    [
      "oneOf with the schema's own required",
      { given: { ...object, properties: { ...object.properties, c: string }, required: ["c"], oneOf: [{ required: ["a"] }, { required: ["a", "b"] }] }, want: "{ a: string; b?: string; c: string; } | { a: string; b: string; c: string; }" },
    ],
    [
      "a key no property declares stays out",
      { given: { ...object, anyOf: [{ required: ["a"] }, { required: ["z"] }] }, want: "{ a: string; b?: string; } | { a?: string; b?: string; }" },
    ],
    [
      "nullable",
      { given: { ...object, type: ["object", "null"], anyOf: [{ required: ["a"] }, { required: ["b"] }] }, want: "{ a: string; b?: string; } | { a?: string; b: string; } | null" },
    ],
    ["beside allOf (no object part of its own) the choice adds nothing", { given: { allOf: [ref("A")], anyOf: [{ required: ["a"] }, { required: ["b"] }] }, want: "A" }],
  ])("%s", async (_case, { given, want }) => {
    expect(await spelled(given)).toBe(want);
  });
});

describe("schemaToType: keywords no type can express are warned about at their pointer", () => {
  it.each<[string, { given: Record<string, unknown>; want: string[] }]>([
    ["not", { given: { type: "object", properties: { a: string }, not: { required: ["a"] } }, want: ["/components/schemas/T/not"] }],
    ["if/then/else: one warning, at if", { given: { type: "object", if: { required: ["a"] }, then: { required: ["b"] }, else: {} }, want: ["/components/schemas/T/if"] }],
    ["dependentRequired", { given: { type: "object", dependentRequired: { a: ["b"] } }, want: ["/components/schemas/T/dependentRequired"] }],
    ["contains", { given: { type: "array", contains: string }, want: ["/components/schemas/T/contains"] }],
    [
      "unevaluatedProperties: false (true allows everything)",
      { given: { allOf: [ref("A")], unevaluatedProperties: false, unevaluatedItems: true }, want: ["/components/schemas/T/unevaluatedProperties"] },
    ],
    ["inside a property", { given: { type: "object", properties: { a: { type: "string", not: { const: "" } } } }, want: ["/components/schemas/T/properties/a/not"] }],
    ["validation keywords go to the doc comment, not warnings", { given: { type: "string", pattern: "^a", maxLength: 3 }, want: [] }],
  ])("%s", async (_case, { given, want }) => {
    const { warnings } = await modelOf(given);
    const cannot = warnings.filter((warning) => warning.message.includes("cannot be expressed"));
    expect(cannot.map((warning) => warning.location.pointer)).toEqual(want);
  });
});
