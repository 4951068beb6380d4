import { describe, expect, it } from "vitest";
import type { ResponseKind } from "../../generator/model/apiModel.js";
import { streamItemSchema } from "../../generator/model/streamItems.js";

const Delta = { type: "object", properties: { text: { type: "string" } } };
const jsonData = (schema: unknown, mediaType = "application/json") => ({ type: "string", contentMediaType: mediaType, contentSchema: schema });

/** OpenAPI 3.2's itemSchema: what schema the model reads for each item of a stream (undefined: the media type's `schema`). */
const rows: [string, { kind: ResponseKind; media: Record<string, unknown>; want: unknown }][] = [
  ["no itemSchema: the media type's schema", { kind: "sse", media: { schema: Delta }, want: undefined }],
  ["itemSchema on a JSON response is not a stream's", { kind: "json", media: { itemSchema: Delta }, want: undefined }],
  ["JSON lines: each line's value", { kind: "ndjson", media: { itemSchema: Delta }, want: Delta }],
  ["an event whose data is plain text", { kind: "sse", media: { itemSchema: { properties: { data: { type: "string" } } } }, want: { properties: { data: { type: "string" } } } }],
  [
    "an event whose data is JSON: data is its contentSchema",
    { kind: "sse", media: { itemSchema: { properties: { event: { const: "delta" }, data: jsonData(Delta) } } }, want: { properties: { event: { const: "delta" }, data: Delta } } },
  ],
  ["a +json content type counts as JSON", { kind: "sse", media: { itemSchema: { properties: { data: jsonData(Delta, "application/vnd.acme+json") } } } , want: { properties: { data: Delta } } }],
  ["a contentSchema without contentMediaType is read as JSON", { kind: "sse", media: { itemSchema: { properties: { data: { contentSchema: Delta } } } }, want: { properties: { data: Delta } } }],
  [
    "data that is not JSON keeps its text type",
    { kind: "sse", media: { itemSchema: { properties: { data: jsonData(Delta, "text/csv") } } }, want: { properties: { data: jsonData(Delta, "text/csv") } } },
  ],
  [
    "each branch of a oneOf, the sentinel untouched",
    {
      kind: "sse",
      media: { itemSchema: { oneOf: [{ properties: { data: jsonData(Delta) } }, { properties: { data: { const: "[DONE]" } } }] } },
      want: { oneOf: [{ properties: { data: Delta } }, { properties: { data: { const: "[DONE]" } } }] },
    },
  ],
];

describe("streamItemSchema", () => {
  it.each(rows)("%s", (_case, { kind, media, want }) => {
    const found = streamItemSchema(media, kind);
    expect(found?.schema).toEqual(want);
    if (want !== undefined) expect(found?.field).toBe("itemSchema");
  });

  it("leaves the spec's own objects as they were", () => {
    const itemSchema = { oneOf: [{ properties: { data: jsonData(Delta) } }] };
    const before = structuredClone(itemSchema);
    streamItemSchema({ itemSchema }, "sse");
    expect(itemSchema).toEqual(before);
  });
});
