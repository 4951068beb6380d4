// JSON values and pointers, as the spec's examples and schemas are read.
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export const isObject = (value: unknown): value is JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);

export const decodeSegment = (segment: string) => segment.replaceAll("~1", "/").replaceAll("~0", "~");
export const encodeSegment = (segment: string) => segment.replaceAll("~", "~0").replaceAll("/", "~1");

export function atPointer(document: Json, pointer: string): Json | undefined {
  let node: Json | undefined = document;
  for (const raw of pointer.split("/").slice(1)) {
    const segment = decodeSegment(raw);
    if (Array.isArray(node)) node = node[Number(segment)];
    else if (isObject(node)) node = Object.hasOwn(node, segment) ? node[segment] : undefined;
    else return undefined;
  }
  return node;
}

/** A local `$ref` object is followed (only where the spec allows a Reference Object, never inside data). */
export function follow(document: Json, node: Json | undefined): Json | undefined {
  for (let hops = 0; isObject(node) && typeof node.$ref === "string" && hops < 10; hops++) {
    if (!node.$ref.startsWith("#/")) return undefined;
    node = atPointer(document, node.$ref.slice(1));
  }
  return node;
}

export function parseJson(text: string): Json | undefined {
  try {
    return JSON.parse(text) as Json;
  } catch {
    return undefined;
  }
}
