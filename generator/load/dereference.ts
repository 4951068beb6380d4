import { declaresSchemaId, idsMoveRefBase, isRefObject, resolveLocalRef, UnsupportedRef } from "./localRefs.js";
import type { JsonObject } from "./walkJson.js";

/**
 * Replaces, in place, every `$ref` by the very object it names, as the ref parser's `dereference`
 * does (the model recovers component names from that identity; a cycle becomes an object cycle).
 * Every ref left after bundling is local and `{ $ref }` alone (prepareRefs.ts wrapped the ones
 * with siblings), so one pass that looks each target up once is enough: the ref parser resolves
 * refs as URLs and walks every object again per path, several times slower on a large spec.
 * Returns false, having changed nothing, for a ref outside that plain form (see localRefs.ts):
 * the caller asks the ref parser then. The tests compare both on every fixture.
 */
export function dereferenceInPlace(document: JsonObject): boolean {
  const targets = new Map<string, JsonObject>();
  let slots: RefSlot[];
  try {
    if (isRefObject(document)) return false;
    slots = refSlots(document, idsMoveRefBase(document));
    for (const { ref } of slots) if (!targets.has(ref)) targets.set(ref, resolveLocalRef(document, ref).target);
  } catch (error) {
    if (error instanceof UnsupportedRef) return false;
    throw error;
  }
  for (const { holder, key, ref } of slots) holder[key] = targets.get(ref);
  return true;
}

interface RefSlot {
  holder: Record<string, unknown>;
  key: string;
  ref: string;
}

/** Where each `$ref` object stands (its parent and key), found before anything is replaced. */
function refSlots(document: JsonObject, refuseIds: boolean): RefSlot[] {
  const slots: RefSlot[] = [];
  const pending: Record<string, unknown>[] = [document];
  for (let holder = pending.pop(); holder !== undefined; holder = pending.pop()) {
    if (refuseIds && declaresSchemaId(holder)) throw new UnsupportedRef(String(holder["$id"]));
    for (const key of Object.keys(holder)) {
      const value = holder[key];
      if (value === null || typeof value !== "object") continue;
      if (!isRefObject(value)) pending.push(value as Record<string, unknown>);
      else if (Object.keys(value).length > 1) throw new UnsupportedRef(value.$ref);
      else slots.push({ holder, key, ref: value.$ref });
    }
  }
  return slots;
}
