import { isJsonObject, type JsonObject } from "../load/walkJson.js";

/** What a raw schema says about its own shape, read the same way by every model builder. */

/** The `type` keyword as a list (3.1 allows several). */
export function declaredTypes(schema: JsonObject): string[] {
  const type = schema["type"];
  if (typeof type === "string") return [type];
  return Array.isArray(type) ? type.filter((name): name is string => typeof name === "string") : [];
}

/** Whether `allOf`, `oneOf` or `anyOf` composes the schema from other schemas. */
export function isComposed(schema: JsonObject): boolean {
  return ["allOf", "oneOf", "anyOf"].some((keyword) => Array.isArray(schema[keyword]));
}

/** The schema's `allOf` members that are schema objects. */
export function allOfParts(schema: JsonObject): JsonObject[] {
  return Array.isArray(schema["allOf"]) ? schema["allOf"].filter(isJsonObject) : [];
}

/** Property keys the schema declares, its `allOf` members' included. */
export function declaredKeys(schema: JsonObject, seen: Set<object> = new Set()): Set<string> {
  if (seen.has(schema)) return new Set();
  seen.add(schema);
  const own = isJsonObject(schema["properties"]) ? Object.keys(schema["properties"]) : [];
  return new Set([...own, ...allOfParts(schema).flatMap((part) => [...declaredKeys(part, seen)])]);
}

/** Keys the schema lists in `required`, its `allOf` members' included. */
export function requiredKeys(schema: JsonObject, seen: Set<object> = new Set()): Set<string> {
  if (seen.has(schema)) return new Set();
  seen.add(schema);
  const own = Array.isArray(schema["required"]) ? schema["required"].filter((key): key is string => typeof key === "string") : [];
  return new Set([...own, ...allOfParts(schema).flatMap((part) => [...requiredKeys(part, seen)])]);
}

/** `{type: "null"}`: the null alternative of a `oneOf`/`anyOf` (one with an `enum` lists its values instead). */
export function isNullSchema(schema: unknown): boolean {
  return isJsonObject(schema) && schema["type"] === "null" && Object.keys(schema).every((key) => key !== "enum");
}
