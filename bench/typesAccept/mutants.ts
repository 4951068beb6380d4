// Values one change away from a valid instance: a sample of what the types should reject.
import { isObject, type Json, type JsonObject } from "./json.js";

/**
 * Values near a valid instance, one change each (a key removed, a leaf of another JSON type, a string no
 * enum holds), at most `limit`, in a fixed order. Those the schema rejects are a sample of values the
 * type should reject too.
 */
export function mutants(value: Json, limit: number): { change: string; value: Json }[] {
  const found: { change: string; value: Json }[] = [];
  const replaceAt = (root: Json, path: (string | number)[], replacement: Json | undefined): Json => {
    if (path.length === 0) return replacement as Json;
    const [head, ...rest] = path;
    if (Array.isArray(root)) return root.map((item, index) => (index === head ? replaceAt(item, rest, replacement) : item));
    const copy: JsonObject = {};
    for (const [key, item] of Object.entries(root as JsonObject)) {
      if (key !== head) copy[key] = item;
      else if (rest.length > 0 || replacement !== undefined) copy[key] = replaceAt(item, rest, replacement);
    }
    return copy;
  };
  const walk = (node: Json, path: (string | number)[]) => {
    if (found.length >= limit) return;
    const at = `/${path.join("/")}`;
    if (Array.isArray(node)) node.slice(0, 2).forEach((item, index) => walk(item, [...path, index]));
    else if (isObject(node))
      for (const [key, item] of Object.entries(node)) {
        if (found.length >= limit) return;
        found.push({ change: `remove ${at === "/" ? "" : at}/${key}`, value: replaceAt(value, [...path, key], undefined) });
        walk(item, [...path, key]);
      }
    else if (typeof node === "string") {
      found.push({ change: `${at}: a number`, value: replaceAt(value, path, 12345) });
      found.push({ change: `${at}: another string`, value: replaceAt(value, path, "not-a-listed-value") });
    } else found.push({ change: `${at}: a string`, value: replaceAt(value, path, node === null ? 12345 : "not-a-listed-value") });
  };
  walk(value, []);
  return found.slice(0, limit);
}
