import { toJsonPointer } from "./jsonPointer.js";
import type { SpecDocument } from "./readDocument.js";
import { SpecError } from "../shared/specError.js";
import { isDeepEqual, isJsonObject, type JsonObject } from "./walkJson.js";

/** Which file each path item and component came from, keyed by JSON pointer. */
export type Origins = Map<string, string>;

/** The file a pointer's content came from: the origin of its nearest recorded prefix, else `fallback`. */
export function originLookup(origins: Origins, fallback: string): (pointer: string) => string {
  return (pointer) => {
    for (let prefix = pointer; prefix !== ""; prefix = prefix.slice(0, prefix.lastIndexOf("/"))) {
      const file = origins.get(prefix);
      if (file !== undefined) return file;
    }
    return fallback;
  };
}

export interface MergedDocument {
  document: JsonObject;
  origins: Origins;
}

/**
 * Vendors such as Cerebras publish one document per operation. They are one API:
 * paths are united, identical components shared, and a component defined
 * differently in two documents is an error naming both files.
 * The documents are merged in place, not copied (a copy of a large spec costs a tenth of a
 * second): the first becomes the result and the others are taken apart, so pass documents that
 * nothing reads afterwards.
 */
export function mergeDocuments(documents: readonly SpecDocument[]): MergedDocument {
  const [first, ...rest] = documents;
  if (first === undefined) throw new Error("mergeDocuments needs at least one document");
  const document = first.document;
  const origins: Origins = new Map();
  recordOrigins(document, first.file, origins);
  const globalSecurity = first.document["security"];
  for (const next of rest) {
    const source = next.document;
    if (!isDeepEqual(source["security"], globalSecurity)) pushDownSecurity(source);
    mergePaths(document, source, next.file, origins);
    mergeComponents(document, source, next.file, origins);
  }
  return { document, origins };
}

function recordOrigins(document: JsonObject, file: string, origins: Origins): void {
  for (const pathKey of Object.keys(objectAt(document, "paths"))) origins.set(toJsonPointer(["paths", pathKey]), file);
  const components = objectAt(document, "components");
  for (const [kind, entries] of Object.entries(components)) {
    if (!isJsonObject(entries)) continue;
    for (const name of Object.keys(entries)) origins.set(toJsonPointer(["components", kind, name]), file);
  }
}

/** An operation keeps the global `security` of the document it came from. */
function pushDownSecurity(source: JsonObject): void {
  for (const pathItem of Object.values(objectAt(source, "paths"))) {
    if (!isJsonObject(pathItem)) continue;
    for (const operation of Object.values(pathItem)) {
      if (isJsonObject(operation) && operation["responses"] !== undefined && operation["security"] === undefined) {
        operation["security"] = source["security"] ?? [];
      }
    }
  }
}

function mergePaths(target: JsonObject, source: JsonObject, file: string, origins: Origins): void {
  const targetPaths = ensureObject(target, "paths");
  for (const [pathKey, pathItem] of Object.entries(objectAt(source, "paths"))) {
    const pointer = toJsonPointer(["paths", pathKey]);
    const existing = targetPaths[pathKey];
    if (!isJsonObject(existing) || !isJsonObject(pathItem)) {
      targetPaths[pathKey] = pathItem;
      origins.set(pointer, file);
      continue;
    }
    for (const [key, value] of Object.entries(pathItem)) {
      if (existing[key] === undefined) existing[key] = value;
      else if (!isDeepEqual(existing[key], value)) {
        throw conflict(`${pointer}/${key}`, origins.get(pointer) ?? "?", file, "path item");
      }
    }
  }
}

function mergeComponents(target: JsonObject, source: JsonObject, file: string, origins: Origins): void {
  const targetComponents = ensureObject(target, "components");
  for (const [kind, entries] of Object.entries(objectAt(source, "components"))) {
    if (!isJsonObject(entries)) continue;
    const targetEntries = ensureObject(targetComponents, kind);
    for (const [name, value] of Object.entries(entries)) {
      const pointer = toJsonPointer(["components", kind, name]);
      if (targetEntries[name] === undefined) {
        targetEntries[name] = value;
        origins.set(pointer, file);
      } else if (!isDeepEqual(targetEntries[name], value)) {
        throw conflict(pointer, origins.get(pointer) ?? "?", file, "component");
      }
    }
  }
}

function conflict(pointer: string, firstFile: string, secondFile: string, what: string): SpecError {
  return new SpecError(
    { file: secondFile, pointer },
    `${what} ${pointer} is defined differently in ${firstFile} and ${secondFile}`,
  );
}

function objectAt(node: JsonObject, key: string): JsonObject {
  const value = node[key];
  return isJsonObject(value) ? value : {};
}

function ensureObject(node: JsonObject, key: string): JsonObject {
  const value = node[key];
  if (isJsonObject(value)) return value;
  const created: JsonObject = {};
  node[key] = created;
  return created;
}
