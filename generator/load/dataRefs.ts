import { isJsonObject, type JsonObject } from "./walkJson.js";

/**
 * Examples, defaults, enums, consts and extension values are data: a `$ref` key there is part of
 * the value, never a reference (GitHub's SCIM examples hold `"$ref": "https://api.github.com/scim/…"`,
 * a member's URL). The ref parser follows every `$ref` it meets, so while a document passes
 * through it such keys are renamed (`hideDataRefs`), and renamed back afterwards (`restoreDataRefs`).
 */
const hiddenRefKey = "$ref\u0000data";

/** Keys whose value, in a spec object, is a map from names the author chose to spec objects. */
const nameMapKeys = new Set([
  "paths", "webhooks", "callbacks", "schemas", "responses", "parameters", "requestBodies", "headers",
  "securitySchemes", "links", "pathItems", "content", "encoding", "variables", "properties",
  "patternProperties", "dependentSchemas", "$defs", "definitions",
]);

/** Name maps that are spec objects too: an `x-` key there is an extension, not a name. */
const extensibleNameMaps = new Set(["paths", "responses", "callbacks"]);

/** Keys whose value, in a spec object, is data. (`examples` is data as a 3.1 schema's array, names otherwise.) */
const dataKeys = new Set(["example", "default", "enum", "const", "value"]);

/** Hides every data `$ref` key in a freshly parsed document (or file); returns how many it hid. */
export function hideDataRefs(document: JsonObject): number {
  let hidden = 0;
  visitSpecObject(document, (data) => (hidden += renameKeys(data, "$ref", hiddenRefKey)));
  return hidden;
}

/** Gives data `$ref` keys back their name; walks dereferenced (cyclic) documents too. */
export function restoreDataRefs(document: unknown, seen = new Set<object>()): void {
  if (document === null || typeof document !== "object" || seen.has(document)) return;
  seen.add(document);
  if (isJsonObject(document) && Object.hasOwn(document, hiddenRefKey)) renameKey(document, hiddenRefKey, "$ref");
  for (const value of Object.values(document)) restoreDataRefs(value, seen);
}

function visitSpecObject(node: unknown, onData: (data: unknown) => void): void {
  if (Array.isArray(node)) return node.forEach((item) => visitSpecObject(item, onData));
  if (!isJsonObject(node)) return;
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith("x-") || dataKeys.has(key) || (key === "examples" && Array.isArray(value))) onData(value);
    else if (nameMapKeys.has(key) || key === "examples") visitNameMap(value, extensibleNameMaps.has(key), onData);
    else visitSpecObject(value, onData);
  }
}

function visitNameMap(node: unknown, extensible: boolean, onData: (data: unknown) => void): void {
  if (!isJsonObject(node)) return visitSpecObject(node, onData);
  for (const [name, value] of Object.entries(node)) {
    if (extensible && name.startsWith("x-")) onData(value);
    else visitSpecObject(value, onData);
  }
}

/** Renames `from` to `to` in every object inside a data value; returns how many objects it changed. */
function renameKeys(data: unknown, from: string, to: string): number {
  if (Array.isArray(data)) return data.reduce<number>((count, item) => count + renameKeys(item, from, to), 0);
  if (!isJsonObject(data)) return 0;
  let renamed = 0;
  if (Object.hasOwn(data, from)) {
    renameKey(data, from, to);
    renamed++;
  }
  for (const value of Object.values(data)) renamed += renameKeys(value, from, to);
  return renamed;
}

/** Renames one key in place, keeping the key order (examples are shown as written). */
function renameKey(object: JsonObject, from: string, to: string): void {
  const entries = Object.entries(object);
  for (const [key] of entries) delete object[key];
  for (const [key, value] of entries) object[key === from ? to : key] = value;
}
