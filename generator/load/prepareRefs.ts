import { resolveJsonPointer, toJsonPointer } from "./jsonPointer.js";
import { SpecError } from "../shared/specError.js";
import { isJsonObject, walkObjects, type JsonObject } from "./walkJson.js";

/** Every local `$ref` must point at something; the error names where the ref stands. */
export function checkLocalRefs(document: JsonObject, file: string): void {
  const sound = new Set<string>(); // a ref's target does not depend on where the ref stands
  walkObjects(document, (object, path) => {
    const ref = object["$ref"];
    if (typeof ref !== "string" || !ref.startsWith("#") || sound.has(ref)) return;
    if (resolveJsonPointer(document, ref.slice(1)) === undefined) {
      throw new SpecError({ file, pointer: toJsonPointer([...path, "$ref"]) }, `$ref points at nothing: ${ref}`);
    }
    const cycle = refOnlyCycle(document, ref);
    if (cycle !== undefined) {
      throw new SpecError({ file, pointer: toJsonPointer([...path, "$ref"]) }, `$ref cycle that never reaches a schema: ${cycle.join(" -> ")}`);
    }
    sound.add(ref);
  });
}

/** `A: {$ref: B}`, `B: {$ref: A}`: a chain of refs with nothing else, which no dereferencing can end. */
function refOnlyCycle(document: JsonObject, start: string): string[] | undefined {
  const seen: string[] = [];
  for (let ref: unknown = start; typeof ref === "string" && ref.startsWith("#"); ) {
    if (seen.includes(ref)) return [...seen, ref];
    seen.push(ref);
    const target = resolveJsonPointer(document, ref.slice(1));
    ref = isJsonObject(target) && Object.keys(target).length === 1 ? target["$ref"] : undefined;
  }
  return undefined;
}

/**
 * A `$ref` with sibling keys (3.1 allows them) would be dereferenced into an
 * anonymous merged copy, losing the component's name. `allOf: [{ $ref }]` plus
 * the siblings means the same and keeps the referenced object's identity.
 */
export function wrapRefsWithSiblings(document: JsonObject): void {
  walkObjects(document, (object) => {
    const ref = object["$ref"];
    if (typeof ref !== "string" || Object.keys(object).length === 1) return;
    delete object["$ref"];
    const existing = Array.isArray(object["allOf"]) ? object["allOf"] : [];
    object["allOf"] = [{ $ref: ref }, ...existing];
  });
}
