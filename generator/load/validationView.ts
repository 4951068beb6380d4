import { toJsonPointer } from "./jsonPointer.js";
import { declaresSchemaId, idsMoveRefBase, isRefObject, mergeRef, resolveLocalRef, UnsupportedRef } from "./localRefs.js";
import { isJsonObject, type JsonObject } from "./walkJson.js";

/**
 * The document as swagger-parser's `validate` shows it to the OpenAPI schema: dereferenced in
 * place by the ref parser with `circular: "ignore"`. A ref whose target (as met in this walk)
 * reaches back to an object being walked stays a `$ref`; every other ref becomes its target; a
 * ref with sibling keys becomes a merged copy. The first answer for a plain ref is remembered and
 * reused, so the result depends on the walk's order: this is the ref parser's walk, step for step,
 * without its URL arithmetic (which is most of its cost). Warnings are worked out from what the
 * schema check says about this view, so it must be the same view (the tests compare both).
 * Returns undefined when a ref is not a plain local pointer: the caller asks the ref parser then.
 */
export function validationView(document: JsonObject): JsonObject | undefined {
  try {
    if (idsMoveRefBase(document) && anyObject(document, declaresSchemaId)) return undefined;
    new IgnoreCircularWalk(document).crawl(document, "#", 0);
    return document;
  } catch (error) {
    if (error instanceof UnsupportedRef) return undefined;
    throw error;
  }
}

/** Where a node is written: a pointer, or a key under another place (spelled out only when asked). */
type Place = string | { up: Place; key: string };

function pointerOf(place: Place): string {
  const keys: string[] = [];
  let at = place;
  for (; typeof at !== "string"; at = at.up) keys.push(at.key);
  return at + toJsonPointer(keys.reverse());
}

/** The ref parser's default `dereference.maxDepth`. */
const maxDepth = 500;

interface Dereferenced {
  value: unknown;
  circular: boolean;
}

class IgnoreCircularWalk {
  private readonly parents = new Set<unknown>();
  private readonly answers = new Map<string, Dereferenced>();

  private readonly root: JsonObject;

  constructor(root: JsonObject) {
    this.root = root;
  }

  /** `place` is where `node` is written (not the way the walk came), `depth` how deep the walk is. */
  crawl(node: unknown, place: Place, depth: number): Dereferenced {
    // The ref parser refuses to go deeper than this (an error the user sees): it shall say so itself.
    if (depth > maxDepth) throw new UnsupportedRef(pointerOf(place));
    const result = { value: node, circular: false };
    if (node === null || typeof node !== "object") return result;
    if (isRefObject(node)) throw new UnsupportedRef(node.$ref); // only the root or a merged copy could be one
    this.parents.add(node);
    const holder = node as Record<string, unknown>;
    for (const key of Object.keys(holder)) {
      const value = holder[key];
      const childPlace = { up: place, key };
      let circular: boolean;
      if (isRefObject(value)) {
        const dereferenced = this.dereference(value, childPlace, depth);
        circular = dereferenced.circular;
        if (holder[key] !== dereferenced.value) holder[key] = dereferenced.value;
      } else if (!this.parents.has(value)) {
        circular = this.crawl(value, childPlace, depth + 1).circular;
      } else {
        circular = true;
      }
      result.circular ||= circular;
    }
    this.parents.delete(node);
    return result;
  }

  private dereference(ref: JsonObject & { $ref: string }, place: Place, depth: number): Dereferenced {
    const extended = Object.keys(ref).length > 1;
    const known = this.answers.get(ref.$ref);
    // A remembered circular answer is a `$ref` to the same place, given back as it is.
    if (known !== undefined) return known.circular || !extended ? known : { circular: false, value: withSiblings(known.value, ref) };
    const { target, at } = resolveLocalRef(this.root, ref.$ref, () => pointerOf(place));
    let circular = this.parents.has(target);
    let value: unknown = extended ? mergeRef(ref, target) : target;
    if (!circular) circular = this.crawl(value, at, depth + 1).circular;
    if (circular) value = ref;
    const answer = { circular, value };
    if (!extended) this.answers.set(ref.$ref, answer);
    return answer;
  }
}

/** A remembered target with the ref's own keys added where the target has none of that name. */
function withSiblings(target: unknown, ref: JsonObject): JsonObject {
  const extra: JsonObject = {};
  for (const key of Object.keys(ref)) if (key !== "$ref" && !(key in (target as JsonObject))) extra[key] = ref[key];
  return Object.assign({}, target, extra);
}

/** Whether some object in the (tree-shaped) document passes the test. */
function anyObject(document: JsonObject, test: (object: JsonObject) => boolean): boolean {
  const pending: unknown[] = [document];
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    if (node === null || typeof node !== "object") continue;
    if (isJsonObject(node) && test(node)) return true;
    pending.push(...Object.values(node));
  }
  return false;
}
