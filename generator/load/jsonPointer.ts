/** RFC 6901: `~` and `/` inside a reference token are escaped as `~0` and `~1`. */
export function toJsonPointer(tokens: readonly (string | number)[]): string {
  return tokens.map((token) => "/" + String(token).replaceAll("~", "~0").replaceAll("/", "~1")).join("");
}

export function parseJsonPointer(pointer: string): string[] {
  if (pointer === "" || pointer === "#") return [];
  return pointer
    .replace(/^#/, "")
    .slice(1)
    .split("/")
    .map((token) => decodeURIComponent(token).replaceAll("~1", "/").replaceAll("~0", "~"));
}

export function resolveJsonPointer(root: unknown, pointer: string): unknown {
  let node: unknown = root;
  for (const token of parseJsonPointer(pointer)) {
    if (node === null || typeof node !== "object" || !Object.hasOwn(node, token)) return undefined;
    node = (node as Record<string, unknown>)[token];
  }
  return node;
}
