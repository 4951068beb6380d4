import { isJsonObject, type JsonObject } from "../load/walkJson.js";
import type { ResponseKind } from "./apiModel.js";

/**
 * OpenAPI 3.2 describes a stream by its items (`itemSchema` on the media type): each line of JSON
 * lines, or each server-sent event as an object of its fields (`event`, `data`, `id`, `retry`).
 * On the wire an event's `data` is text; 3.2 gives what the text holds as `contentSchema`
 * (`contentMediaType: application/json`), and the client parses JSON data, so `data` is read as
 * that schema. The result goes to the same rule as a 3.1 event-describing schema (eventStream.ts).
 * @see https://spec.openapis.org/oas/v3.2.0.html#special-considerations-for-server-sent-events
 */
export function streamItemSchema(media: JsonObject, kind: ResponseKind): { schema: unknown; field: "itemSchema" } | undefined {
  if ((kind !== "sse" && kind !== "ndjson") || !Object.hasOwn(media, "itemSchema")) return undefined;
  const itemSchema = media["itemSchema"];
  return { schema: kind === "sse" ? withParsedData(itemSchema) : itemSchema, field: "itemSchema" };
}

/** The event schema with each branch's `data` replaced by its `contentSchema` when that is JSON. */
function withParsedData(schema: unknown): unknown {
  if (!isJsonObject(schema)) return schema;
  for (const keyword of ["oneOf", "anyOf"]) {
    const branches = schema[keyword];
    if (Array.isArray(branches)) {
      const parsed = branches.map(withParsedData);
      return parsed.every((branch, index) => branch === branches[index]) ? schema : { ...schema, [keyword]: parsed };
    }
  }
  const properties = schema["properties"];
  if (!isJsonObject(properties) || !isJsonObject(properties["data"])) return schema;
  const content = jsonContentSchema(properties["data"]);
  return content === undefined ? schema : { ...schema, properties: { ...properties, data: content } };
}

function jsonContentSchema(data: JsonObject): unknown {
  const mediaType = data["contentMediaType"];
  const isJson = mediaType === undefined || (typeof mediaType === "string" && /^application\/([\w.+-]+\+)?json\b/i.test(mediaType));
  return isJson && data["contentSchema"] !== undefined ? data["contentSchema"] : undefined;
}
