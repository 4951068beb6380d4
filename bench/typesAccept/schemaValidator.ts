// ajv (JSON Schema 2020-12) over the spec's schemas, addressed by the name lock's pointers.
import { createRequire } from "node:module";
import { isObject, type Json, type JsonObject } from "./json.js";

const require = createRequire(import.meta.url);

/**
 * A schema as JSON Schema 2020-12 (which 3.1 schemas are): OpenAPI 3.0's `nullable: true` as "null, or what the
 * rest allows", and its boolean exclusiveMinimum/Maximum as numbers. A property named like a data keyword
 * (`example`, `enum`, …) is not looked into.
 */
function asJsonSchema2020(node: Json): Json {
  if (Array.isArray(node)) return node.map(asJsonSchema2020);
  if (!isObject(node)) return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    // data: never rewritten
    out[key] = ["example", "examples", "default", "enum", "const"].includes(key) || key.startsWith("x-") ? value : asJsonSchema2020(value);
  }
  // 3.0's boolean exclusiveMinimum/exclusiveMaximum (OpenAI's 3.1 document has some) as 2020-12's numbers
  for (const [exclusive, bound] of [["exclusiveMinimum", "minimum"], ["exclusiveMaximum", "maximum"]] as const)
    if (typeof out[exclusive] === "boolean") {
      if (out[exclusive] === true && typeof out[bound] === "number") {
        out[exclusive] = out[bound];
        delete out[bound];
      } else delete out[exclusive];
    }
  // rewritten in place, so every pointer into the schema still reaches the same subschema (but those
  // under the allOf/oneOf/anyOf of a nullable schema without `type`)
  if (out.nullable === true) {
    delete out.nullable;
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
    if (out.type !== undefined) out.type = [...new Set([...(Array.isArray(out.type) ? out.type : [out.type]), "null"])];
    else {
      // without `type` only these can reject null: keep them on the not-null side of a choice
      const choice: JsonObject = {};
      for (const key of ["allOf", "oneOf", "anyOf"])
        if (out[key] !== undefined) {
          choice[key] = out[key]!;
          delete out[key];
        }
      if (Object.keys(choice).length > 0) out.anyOf = [{ type: "null" }, choice];
    }
    return out;
  }
  if (out.nullable === false) delete out.nullable;
  return out;
}

export interface Validator {
  /** undefined when the schema accepts the value, else why not */
  check(schemaPointer: string, value: Json): { verdict: "valid" } | { verdict: "invalid" | "uncompilable"; why: string };
}

export function makeValidator(document: JsonObject): Validator {
  const options = { strict: false, validateFormats: false, allErrors: false, logger: false as const };
  // 3.1 schemas are JSON Schema 2020-12; 3.0 schemas are draft-04-ish with `nullable`, rewritten to 2020-12 by asJsonSchema2020
  const AjvClass = require("ajv/dist/2020").default;
  const ajv = new AjvClass(options);
  // `nullable: true` means "or null" in 3.0; JSON Schema 2020-12 has no such keyword (ajv refuses it without
  // `type`), but 3.1 specs still use it (OpenAI) and the generator honours it, so it is read as in 3.0 for both
  const root: JsonObject = { components: asJsonSchema2020(document.components ?? {}), paths: asJsonSchema2020(document.paths ?? {}) };
  const rootId = "https://spec.invalid/openapi.json";
  ajv.addSchema({ $id: rootId, ...root }, rootId);
  type Compiled = ((value: Json) => boolean) & { errors?: { instancePath: string; message?: string }[] | null };
  const compiled = new Map<string, Compiled | string>();
  return {
    check(schemaPointer, value) {
      if (!compiled.has(schemaPointer)) {
        // the lock's pointer, already ~-escaped, as a URI fragment
        const pointer = schemaPointer.split("/").map(encodeURIComponent).join("/");
        try {
          compiled.set(schemaPointer, ajv.compile({ $ref: `${rootId}#${pointer}` }));
        } catch (error) {
          compiled.set(schemaPointer, String((error as Error).message).split("\n")[0]!);
        }
      }
      const validate = compiled.get(schemaPointer)!;
      if (typeof validate === "string") return { verdict: "uncompilable", why: validate };
      if (validate(value)) return { verdict: "valid" };
      const first = validate.errors?.[0];
      return { verdict: "invalid", why: first ? `${first.instancePath || "/"}: ${first.message ?? ""}` : "" };
    },
  };
}
