import path from "node:path";
import { compareOrdinal } from "../shared/compareOrdinal.js";
import {
  describeFileSchema,
  displayPath,
  locationComponentKey,
  schemaHint,
  sharedSchemaHint,
  type FileSchema,
  type InlinedFrom,
  type Target,
} from "./fileSchema.js";
import { parseJsonPointer, resolveJsonPointer, toJsonPointer } from "./jsonPointer.js";
import { childPosition, type RefPosition } from "./refPosition.js";
import { SpecError } from "../shared/specError.js";
import { isJsonObject, type JsonObject } from "./walkJson.js";

export interface BundledFiles {
  document: JsonObject;
  /** Component name in `components/schemas` -> the file schema placed there. */
  fileSchemas: Map<string, FileSchema>;
}

export interface BundleInput {
  /** Absolute path of the root document. */
  rootFile: string;
  /** Folder the component names are relative to (the spec's folder). */
  root: string;
  /** Every file the root reaches, parsed, by absolute path (swagger-parser's `$refs.values()`). */
  files: Record<string, unknown>;
}

/** Where a node stands: which file, its JSON pointer tokens there, and what kind of node it is. */
interface Place {
  file: string;
  tokens: string[];
  position: RefPosition;
  /** The response or request body from another file this node was inlined with, if any. */
  owner?: InlinedFrom;
}

/**
 * Joins a spec spread over files into one document. swagger-parser's `bundle()` inlines a
 * shared file where it is first met and points later uses there, so a schema file used by 300
 * operations became 300 hoisted types. Here each schema in a file of its own (or at a pointer
 * inside one) becomes ONE entry of `components/schemas`, named by its location so the name lock
 * keeps its name. Responses, parameters, examples and path items from files are inlined where
 * they are used; the inline schema of a response or request body file that several operations
 * use is hoisted too (a first pass counts the uses).
 */
export function bundleFiles(input: BundleInput): BundledFiles {
  const counting = createBundler(input, new Set());
  counting.rewriteRoot();
  const shared = new Set([...counting.inlineCounts].filter(([, count]) => count > 1).map(([key]) => key));
  const bundler = createBundler(input, shared);
  const document = bundler.rewriteRoot();
  bundler.placeSchemas(document);
  return { document, fileSchemas: bundler.fileSchemas };
}

function createBundler(input: BundleInput, shared: ReadonlySet<string>) {
  const rootSchemas = rootComponentSchemas(input.files[input.rootFile]);
  /** Location (`file#pointer`) -> its name in `components/schemas`. */
  const names = new Map<string, string>();
  const schemas = new Map<string, unknown>();
  const fileSchemas = new Map<string, FileSchema>();
  const taken = new Set(Object.keys(rootSchemas));
  const inlining = new Set<string>();
  const inlineCounts = new Map<string, number>();

  claimRootAliases();

  /** `components/schemas/Region: { $ref: models/region.yml }`: the file's schema is `Region` itself. */
  function claimRootAliases(): void {
    for (const name of Object.keys(rootSchemas).sort(compareOrdinal)) {
      const entry = rootSchemas[name];
      if (!isJsonObject(entry) || typeof entry["$ref"] !== "string" || Object.keys(entry).length !== 1) continue;
      const target = resolveRef(entry["$ref"], { file: input.rootFile, tokens: ["components", "schemas", name], position: "schema" });
      if (target.file !== input.rootFile && !names.has(locationKey(target))) names.set(locationKey(target), name);
    }
  }

  function rewriteRoot(): JsonObject {
    const document = rewrite(input.files[input.rootFile], { file: input.rootFile, tokens: [], position: "other" });
    if (!isJsonObject(document)) throw new SpecError({ file: displayPath(input.rootFile) }, "the document is not an object");
    return document;
  }

  function rewrite(node: unknown, place: Place): unknown {
    if (place.position === "data") return structuredClone(node);
    if (Array.isArray(node)) return node.map((item, index) => rewrite(item, { ...place, tokens: [...place.tokens, String(index)] }));
    if (!isJsonObject(node)) return node;
    if (place.position === "mapping") return rewriteMapping(node, place);
    const ref = node["$ref"];
    if (typeof ref !== "string" && isSharedMediaSchema(place)) return { $ref: `#/components/schemas/${hoist(place, place.owner)}` };
    const copy: JsonObject = {};
    for (const [key, value] of Object.entries(node)) {
      // A non-string `$ref` is a property named "$ref" (in a properties map), not a reference.
      if (key !== "$ref" || typeof ref !== "string") copy[key] = rewrite(value, { ...place, tokens: [...place.tokens, key], position: childPosition(place.position, key) });
    }
    if (typeof ref !== "string") return copy;
    const target = resolveRef(ref, place);
    if (target.file === input.rootFile) return { ...copy, $ref: `#${toJsonPointer(target.tokens)}` };
    if (place.position === "schema") return { ...copy, $ref: `#/components/schemas/${hoist(target)}` };
    return { ...inline(target, place), ...copy };
  }

  /** The schema of a media type in a response or request body file that several operations use. */
  function isSharedMediaSchema(place: Place): boolean {
    if (place.position !== "schema" || place.owner === undefined || !shared.has(locationKey(place.owner))) return false;
    const [content, , schema] = place.tokens.slice(place.owner.tokens.length);
    return content === "content" && schema === "schema" && place.tokens.length === place.owner.tokens.length + 3;
  }

  /** Discriminator mapping values that are refs (not bare schema names) point at the hoisted schema. */
  function rewriteMapping(mapping: JsonObject, place: Place): JsonObject {
    const entries = Object.entries(mapping).map(([value, target]) => {
      if (typeof target !== "string" || !/[/#]|\.(ya?ml|json)$/i.test(target)) return [value, target];
      const resolved = resolveRef(target, { ...place, tokens: [...place.tokens, value] });
      if (resolved.file === input.rootFile) return [value, `#${toJsonPointer(resolved.tokens)}`];
      return [value, `#/components/schemas/${hoist(resolved)}`];
    });
    return Object.fromEntries(entries);
  }

  /** `inlinedFrom`: the shared response or body whose inline schema this is (it names the schema). */
  function hoist(target: Target, inlinedFrom?: InlinedFrom): string {
    const key = locationKey(target);
    const existing = names.get(key);
    if (existing !== undefined && schemas.has(existing)) return existing;
    const name = existing ?? componentName(target);
    names.set(key, name);
    // Claimed before converting, so a schema that refers to itself finds its own name.
    schemas.set(name, undefined);
    schemas.set(name, rewrite(targetNode(target), { file: target.file, tokens: target.tokens, position: "schema" }));
    const node = targetNode(target);
    const hint = existing !== undefined ? undefined : inlinedFrom === undefined ? schemaHint(target, node) : sharedSchemaHint(inlinedFrom, node);
    fileSchemas.set(name, describeFileSchema({ root: input.root, target, hint }));
    return name;
  }

  function inline(target: Target, place: Place): JsonObject {
    const key = locationKey(target);
    if (inlining.has(key)) {
      const pointer = toJsonPointer([...place.tokens, "$ref"]);
      throw new SpecError({ file: displayPath(place.file), pointer }, `$ref cycle through ${displayPath(target.file)}#${toJsonPointer(target.tokens)}`);
    }
    inlineCounts.set(key, (inlineCounts.get(key) ?? 0) + 1);
    inlining.add(key);
    const role = place.tokens.at(-2) === "responses" ? "response" : place.tokens.at(-1) === "requestBody" ? "body" : undefined;
    const owner: InlinedFrom | undefined = role === undefined ? place.owner : { ...target, role };
    const content = rewrite(targetNode(target), { ...target, position: place.position, ...(owner === undefined ? {} : { owner }) });
    inlining.delete(key);
    return isJsonObject(content) ? content : {};
  }

  /** Unique within `components/schemas`, and derived from the location only. */
  function componentName(target: Target): string {
    const base = locationComponentKey(input.root, target);
    let name = base;
    for (let suffix = 2; taken.has(name); suffix++) name = `${base}-${suffix}`;
    taken.add(name);
    return name;
  }

  function resolveRef(ref: string, place: Place): Target {
    const hash = ref.indexOf("#");
    const filePart = hash === -1 ? ref : ref.slice(0, hash);
    const file = filePart === "" ? place.file : path.resolve(path.dirname(place.file), decodeURIComponent(filePart));
    const target = { file, tokens: parseJsonPointer(hash === -1 ? "" : ref.slice(hash)) };
    if (!Object.hasOwn(input.files, file) || targetNode(target) === undefined) {
      throw new SpecError({ file: displayPath(place.file), pointer: toJsonPointer([...place.tokens, "$ref"]) }, `$ref points at nothing: ${ref}`);
    }
    return target;
  }

  function targetNode(target: Target): unknown {
    return resolveJsonPointer(input.files[target.file], toJsonPointer(target.tokens));
  }

  /** Hoisted schemas join the root's own; a root alias of a file schema receives its content. */
  function placeSchemas(document: JsonObject): void {
    if (schemas.size === 0) return;
    const components = isJsonObject(document["components"]) ? document["components"] : {};
    const existing = isJsonObject(components["schemas"]) ? components["schemas"] : {};
    components["schemas"] = { ...existing, ...Object.fromEntries(schemas) };
    document["components"] = components;
  }

  return { rewriteRoot, placeSchemas, fileSchemas, inlineCounts };
}

function rootComponentSchemas(root: unknown): JsonObject {
  const components = isJsonObject(root) && isJsonObject(root["components"]) ? root["components"] : {};
  return isJsonObject(components["schemas"]) ? components["schemas"] : {};
}

function locationKey(target: Target): string {
  return `${target.file}#${toJsonPointer(target.tokens)}`;
}
