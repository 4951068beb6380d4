export type JsonObject = Record<string, unknown>;

export function isJsonObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/**
 * Visits every object in a (tree-shaped, not yet dereferenced) JSON document with its path. The
 * path array is one array, changed as the walk goes (a copy per node costs more than the visit
 * on a large spec): read it during the visit, copy it to keep it.
 */
export function walkObjects(
  node: unknown,
  visit: (object: JsonObject, path: readonly (string | number)[]) => void,
  path: (string | number)[] = [],
): void {
  if (Array.isArray(node)) {
    for (let index = 0; index < node.length; index++) {
      path.push(index);
      walkObjects(node[index], visit, path);
      path.pop();
    }
    return;
  }
  if (!isJsonObject(node)) return;
  visit(node, path);
  for (const key of Object.keys(node)) {
    path.push(key);
    walkObjects(node[key], visit, path);
    path.pop();
  }
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
