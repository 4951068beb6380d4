import { describe, expect, it } from "vitest";
import { streamSwitchKey } from "../../generator/model/streamSwitch.js";

const body = (schema: unknown) => ({ content: { "application/json": { schema } } });
const object = (properties: Record<string, unknown>) => ({ type: "object", properties });

describe("streamSwitchKey", () => {
  it.each([
    ["a boolean named stream", object({ model: { type: "string" }, stream: { type: "boolean" } }), "stream"],
    ["a nullable boolean named Streaming", object({ Streaming: { type: ["boolean", "null"] } }), "Streaming"],
    ["the name wins over descriptions", object({ sse: { type: "boolean", description: "stream it" }, stream: { type: "boolean" } }), "stream"],
    ["the only boolean described as streaming", object({ echo: { type: "boolean" }, raw_output: { type: "boolean", description: "Send Server-Sent Events" } }), "raw_output"],
    ["a property of an allOf member", { allOf: [object({ a: { type: "string" } }), object({ stream: { type: "boolean" } })] }, "stream"],
    ["two booleans described as streaming (ambiguous)", object({ a: { type: "boolean", description: "stream" }, b: { type: "boolean", description: "stream" } }), undefined],
    ["a stream that is not a boolean", object({ stream: { type: "object" } }), undefined],
    ["a boolean only inside oneOf", { oneOf: [object({ stream: { type: "boolean" } })] }, undefined],
    ["no body schema", undefined, undefined],
  ])("%s", (_case, schema, expected) => {
    expect(streamSwitchKey(body(schema))).toBe(expected);
  });

  it("reads the JSON media type, not a form one listed first", () => {
    const requestBody = { content: { "multipart/form-data": { schema: object({}) }, "application/json": { schema: object({ stream: { type: "boolean" } }) } } };
    expect(streamSwitchKey(requestBody)).toBe("stream");
  });
});
