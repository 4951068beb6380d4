import { writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { typeExpression } from "../../generator/emit/typeExpression.js";
import { loadApi } from "../../generator/load/loadApi.js";
import { buildApiModel } from "../../generator/model/buildApiModel.js";
import { scratchDir } from "../scratchDir.js";

/** The model of a 3.1 document holding only `schemas`. */
async function modelOf(schemas: Record<string, unknown>) {
  const file = path.join(await scratchDir("all-of-tags"), "spec.json");
  const document = { openapi: "3.1.0", info: { title: "t", version: "1" }, paths: {}, components: { schemas } };
  await writeFile(file, JSON.stringify(document));
  return buildApiModel(await loadApi(file));
}

/** The type the model gives component `name`, spelled. */
async function spelled(schemas: Record<string, unknown>, name: string): Promise<string> {
  const { model } = await modelOf(schemas);
  return typeExpression(model.types.find((type) => type.name === name)!.type);
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
// OpenAI's shape: a base item fixes its tag, the "…Resource" adds what the API fills in.
const Base = { type: "object", properties: { type: { type: "string", enum: ["function_call_output"] }, output: { type: "string" } }, required: ["type"] };
const Resource = { allOf: [ref("Base"), { type: "object", properties: { id: { type: "string" } }, required: ["id"] }] };
const Other = { type: "object", properties: { type: { const: "other" } }, required: ["type"] };
const Untagged = { type: "object", properties: { type: { type: "string" } }, required: ["type"] };
const union = (members: string[], mapping?: Record<string, string>) => ({
  oneOf: members.map(ref),
  discriminator: { propertyName: "type", ...(mapping === undefined ? {} : { mapping }) },
});

describe("a discriminated branch's tag: the value it fixes, then the mapping, then its name", () => {
  it.each([
    [
      "a value fixed by an allOf member (not the component name)",
      { given: { Base, Resource, Other, U: union(["Resource", "Other"]) }, want: '(Resource & { type: "function_call_output" }) | (Other & { type: "other" })' },
    ],
    [
      "the fixed value before a mapping key",
      {
        given: { Base, Resource, Other, U: union(["Resource", "Other"], { legacy: "#/components/schemas/Resource" }) },
        want: '(Resource & { type: "function_call_output" }) | (Other & { type: "other" })',
      },
    ],
    [
      "a $ref with a description (an allOf wrapper) takes the value fixed inside",
      {
        given: { Base, Resource, Other, U: { oneOf: [{ ...ref("Resource"), description: "d" }, ref("Other")], discriminator: { propertyName: "type" } } },
        want: '(Resource & { type: "function_call_output" }) | (Other & { type: "other" })',
      },
    ],
    [
      "a branch that is not an object takes no tag (OpenAI's ToolChoiceParam)",
      {
        given: {
          Mode: { type: "string", enum: ["none", "auto", "required"] },
          Function: { type: "object", properties: { type: { type: "string", enum: ["function"] }, name: { type: "string" } }, required: ["type"] },
          U: { anyOf: [ref("Mode"), ref("Function")], discriminator: { propertyName: "type" } },
        },
        want: 'Mode | (Function & { type: "function" })',
      },
    ],
    [
      "the mapping keys when nothing is fixed",
      { given: { Untagged, Other, U: union(["Untagged", "Other"], { a: "Untagged", b: "#/components/schemas/Untagged" }) }, want: '(Untagged & { type: "a" | "b" }) | (Other & { type: "other" })' },
    ],
    [
      "a branch that does not require the property takes its tag as optional (OpenAI's EasyInputMessage)",
      {
        given: { Other, Easy: { type: "object", properties: { type: { type: "string", enum: ["message"] }, role: { type: "string" } }, required: ["role"] }, U: union(["Easy", "Other"]) },
        want: '(Easy & { type?: "message" }) | (Other & { type: "other" })',
      },
    ],
    [
      "a nullable enum's one value is the tag (3.1's anyOf with null, OpenAI's BetaItemReferenceParam)",
      {
        given: { Other, Ref: { type: "object", properties: { type: { anyOf: [{ type: "string", enum: ["item_reference"] }, { type: "null" }] } } }, U: union(["Ref", "Other"]) },
        want: '(Ref & { type?: "item_reference" }) | (Other & { type: "other" })',
      },
    ],
    ["the component name last", { given: { Untagged, Other, U: union(["Untagged", "Other"]) }, want: '(Untagged & { type: "Untagged" }) | (Other & { type: "other" })' }],
  ])("%s", async (_case, { given, want }) => {
    expect(await spelled(given, "U")).toBe(want);
  });
});

const Message = { type: "object", properties: { type: { type: "string", enum: ["message"] }, role: { type: "string" } } };

describe("required across allOf members", () => {
  it.each([
    [
      "a named member's key another member requires (OpenAI's BetaInputMessageResource)",
      {
        given: { Message, R: { allOf: [ref("Message"), { type: "object", properties: { id: { type: "string" } }, required: ["id", "type"] }] } },
        want: 'Message & { id: string; } & Required<Pick<Message, "type">>',
      },
    ],
    [
      "an inline member's key another member requires",
      {
        given: { R: { allOf: [{ type: "object", properties: { a: { type: "string" }, b: { type: "string" } } }, { type: "object", required: ["a"] }] } },
        want: "{ a: string; b?: string; } & Record<string, unknown>",
      },
    ],
    ["a key the schema itself requires beside allOf", { given: { Message, R: { allOf: [ref("Message")], required: ["role"] } }, want: 'Message & Required<Pick<Message, "role">>' }],
    [
      "nothing added when the declaring member requires the key already",
      {
        given: { Base: { ...Message, required: ["type"] }, R: { allOf: [ref("Base"), { type: "object", properties: { id: { type: "string" } }, required: ["type"] }] } },
        want: "Base & { id?: string; }",
      },
    ],
  ])("%s", async (_case, { given, want }) => {
    expect(await spelled(given, "R")).toBe(want);
  });

  it("an example without the key contradicts the schema", async () => {
    const member = { type: "object", properties: { id: { type: "string" } }, required: ["id", "type"] };
    const { warnings } = await modelOf({ Message, R: { allOf: [ref("Message"), member], example: { id: "m", role: "user" } } });
    expect(warnings.map((warning) => warning.message).filter((message) => message.startsWith("example"))).toEqual(['example contradicts its schema: (root): required property "type" is missing']);
  });
});
