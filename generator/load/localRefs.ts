import { parseJsonPointer } from "./jsonPointer.js";
import { isJsonObject, type JsonObject } from "./walkJson.js";

/**
 * What the loader's own dereferencers (dereference.ts, validationView.ts) need to know about a
 * `$ref`. They stand in for the JSON Schema $Ref Parser only where it provably does the same:
 * every ref a plain `#/...` pointer that walks straight to an object. Anything else (a ref through
 * a ref, a percent-escape, a ref to the root or to a non-object) makes them give up, and the
 * caller asks the ref parser instead.
 */
export class UnsupportedRef extends Error {}

/** A `$ref` object as the ref parser follows it: a non-empty string value. */
export function isRefObject(value: unknown): value is JsonObject & { $ref: string } {
  return isJsonObject(value) && typeof value["$ref"] === "string" && value["$ref"] !== "";
}

/**
 * The ref parser keys its cache by the ref resolved as a URL, which percent-encodes some
 * characters: without `%` and the characters a URL fragment encodes, distinct refs stay distinct.
 */
const plainPointer = /^#\/[^%\s"<>`]*$/;

export interface ResolvedRef {
  target: JsonObject;
  /** The pointer that named it: the last link of a chain. */
  at: string;
}

/**
 * The object a local ref names, following refs on the way as the ref parser does: a link that is
 * only `$ref` leads on; a link with sibling keys names a new object, its keys merged over what it
 * names (the ref parser's `$Ref.dereference`). `from` says where the ref stands (asked only when
 * there is a chain): a chain that comes back there, or to a link it passed, is the ref parser's
 * special case and refused.
 */
export function resolveLocalRef(root: JsonObject, ref: string, from?: () => string, seen = new Set<string>()): ResolvedRef {
  for (let current = ref; ; ) {
    if (!plainPointer.test(current) || seen.has(current)) throw new UnsupportedRef(current);
    seen.add(current);
    const target = walkPointer(root, current);
    if (!isRefObject(target)) return { target, at: current };
    if (from !== undefined && target.$ref === from()) throw new UnsupportedRef(current);
    const link = current;
    if (Object.keys(target).length > 1) return { target: mergeRef(target, resolveLocalRef(root, target.$ref, () => link, seen).target), at: current };
    current = target.$ref;
  }
}

/** A ref with sibling keys, dereferenced: its keys first, then the target's; a key in both, objects on both sides, merged deeply. */
export function mergeRef(ref: JsonObject, target: JsonObject): JsonObject {
  const result: JsonObject = {};
  for (const key of Object.keys(ref)) if (key !== "$ref") result[key] = ref[key];
  for (const key of Object.keys(target)) {
    if (!(key in result)) result[key] = target[key];
    else if (isObject(result[key]) && isObject(target[key])) result[key] = deepMerge(target[key], result[key]);
  }
  return result;
}

/** `source` over `target`, neither changed: arrays in `source` replace, objects merge, the rest overwrite. */
function deepMerge(target: unknown, source: unknown): unknown {
  if (!isObject(target) || !isObject(source)) return source;
  const output: Record<string, unknown> = Array.isArray(target) ? ([...(target as unknown[])] as never) : { ...target };
  for (const key of Object.keys(source)) {
    const value = source[key];
    if (Array.isArray(value)) output[key] = [...(value as unknown[])];
    else if (isObject(value)) output[key] = deepMerge(target[key], value);
    else output[key] = value;
  }
  return output;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object";
}

function walkPointer(root: JsonObject, ref: string): JsonObject {
  let node: unknown = root;
  for (const token of parseJsonPointer(ref)) {
    // A ref met on the way is followed by the ref parser; refused here to keep the walk literal.
    if (!isJsonObject(node) && !Array.isArray(node)) throw new UnsupportedRef(ref);
    if (isRefObject(node) || !Object.hasOwn(node, token)) throw new UnsupportedRef(ref);
    node = (node as JsonObject)[token];
  }
  if (!isJsonObject(node)) throw new UnsupportedRef(ref);
  return node;
}

/**
 * In a 3.1 document (or one declaring a 2019-09+ `$schema`) an `$id` moves the base that refs
 * resolve against (the ref parser's `usesDynamicIdScope`); such a document is left to the ref parser.
 */
export function idsMoveRefBase(document: JsonObject): boolean {
  const schema = document["$schema"];
  if (typeof schema === "string" && /draft\/2019-09\/|draft\/2020-12\/|oas\/3\.1\//.test(schema)) return true;
  const version = document["openapi"];
  return typeof version === "string" && /^3\.1(?:\.|$)/.test(version);
}

export function declaresSchemaId(node: JsonObject): boolean {
  return typeof node["$id"] === "string" && node["$id"] !== "";
}
