import { isJsonObject, type JsonObject } from "./walkJson.js";

/**
 * OpenAPI 3.2 documents are read like 3.1 ones (3.2 keeps 3.1's Schema Object and adds fields), but
 * neither swagger-parser nor its schemas know 3.2. For the schema check, a 3.2 document is shown as
 * 3.1 with the 3.2 fields the generator reads set aside: a media type's `itemSchema` (a stream's
 * items: SSE events, JSON lines), `itemEncoding` and `prefixEncoding`. Any other 3.2 field is
 * reported by 3.1's schema like any unknown field: a warning, or an error with `strict`.
 */
export function isOpenApi32(document: JsonObject): boolean {
  return typeof document["openapi"] === "string" && /^3\.2\.\d+$/.test(document["openapi"]);
}

const mediaTypeAdditions = ["itemSchema", "itemEncoding", "prefixEncoding"];

/** A copy of a 3.2 document as the 3.1 schema check sees it (the document itself is not changed). */
export function as31ForChecking(document: JsonObject): JsonObject {
  return { ...(withoutMediaTypeAdditions(document) as JsonObject), openapi: "3.1.2" };
}

/** Copies only the objects on the way to a `content` map's media types; shares everything else. */
function withoutMediaTypeAdditions(node: unknown, underContent = false): unknown {
  if (Array.isArray(node)) return node.map((item) => withoutMediaTypeAdditions(item));
  if (!isJsonObject(node)) return node;
  const copy: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (underContent) {
      copy[key] = isJsonObject(value) ? Object.fromEntries(Object.entries(value).filter(([field]) => !mediaTypeAdditions.includes(field))) : value;
      continue;
    }
    copy[key] = withoutMediaTypeAdditions(value, key === "content");
  }
  return copy;
}
