import type { JsonObject } from "../load/walkJson.js";
import { toJsonPointer } from "../load/jsonPointer.js";
import { warn, type ModelContext } from "./modelContext.js";

/**
 * Keywords that narrow which values a schema accepts in ways a TypeScript type cannot follow
 * (negation, conditionals, keys that require other keys, array contents, evaluation across
 * subschemas). The type is the schema without them, so it accepts more than the schema does.
 * Validation keywords (`minimum`, `pattern`, …) are not listed: they narrow within a primitive
 * type and are shown in the JSDoc instead.
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-10.2.2
 */
const unexpressedKeywords = [
  "not",
  "if",
  "dependentRequired",
  "dependentSchemas",
  "dependencies",
  "contains",
  "unevaluatedProperties",
  "unevaluatedItems",
];

/** A warning at each keyword of `schema` that constrains values and that its type leaves out. */
export function warnUnexpressedKeywords(schema: JsonObject, pointer: string, context: ModelContext): void {
  for (const keyword of unexpressedKeywords) {
    // `true` (and a missing keyword) accepts everything: nothing is left out.
    if (schema[keyword] === undefined || schema[keyword] === true) continue;
    warn(context, pointer + toJsonPointer([keyword]), `"${keyword}" cannot be expressed as a TypeScript type; the type accepts values it rejects`);
  }
}
