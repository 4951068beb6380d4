export type JsonObject = Record<string, unknown>;

export function isJsonObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** Visits every object in a (tree-shaped, not yet dereferenced) JSON document with its path. */
export function walkObjects(
  node: unknown,
  visit: (object: JsonObject, path: (string | number)[]) => void,
  path: (string | number)[] = [],
): void {
  if (Array.isArray(node)) {
    node.forEach((item, index) => walkObjects(item, visit, [...path, index]));
    return;
  }
  if (!isJsonObject(node)) return;
  visit(node, path);
  for (const [key, value] of Object.entries(node)) walkObjects(value, visit, [...path, key]);
}

/** Structural equality of two JSON values, independent of key order. */
export function isDeepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, index) => isDeepEqual(item, b[index]));
  }
  if (!isJsonObject(a) || !isJsonObject(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => Object.hasOwn(b, key) && isDeepEqual(a[key], b[key]));
}
