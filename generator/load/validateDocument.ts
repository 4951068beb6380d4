import SwaggerParser from "@apidevtools/swagger-parser";
import { as31ForChecking, isOpenApi32 } from "./openApi32.js";
import { openApiSchemaFailures } from "./openApiSchemaCheck.js";
import { schemaProblems, type SchemaFailure } from "./schemaProblems.js";
import { SpecError, type SpecWarning } from "../shared/specError.js";
import { validationView } from "./validationView.js";
import { isJsonObject, type JsonObject } from "./walkJson.js";

export interface ValidateOptions {
  /** Refuse a document that breaks the OpenAPI schema instead of warning. */
  strict: boolean;
}

/**
 * Checks the document against the OpenAPI schema (one pass). What fails it is a warning naming
 * the place, and generation goes on: what cannot be generated (not OpenAPI, an unsupported
 * version, a dangling, escaping or ref-only cyclic `$ref`) was refused before this. With
 * `strict`, the first problem is an error instead.
 */
export async function validateDocument(document: JsonObject, file: string, options: ValidateOptions): Promise<SpecWarning[]> {
  const { view, problems } = acceptedView(isOpenApi32(document) ? as31ForChecking(document) : document, file);
  const failures = checkedQuickly(view) ?? (await swaggerParserFailures(view));
  if (failures.length > 0) problems.push(...schemaProblems(failures, document, file));
  const first = problems[0];
  if (options.strict && first !== undefined) throw new SpecError(first.location, `invalid spec: ${first.message}`);
  return problems;
}

/**
 * What swagger-parser's `validate` does for a 3.x document (its spec checks are Swagger 2.0 only),
 * done by validationView.ts and openApiSchemaCheck.ts without reading and resolving the document
 * again; undefined where they leave it to swagger-parser (see validationView.ts).
 */
function checkedQuickly(view: JsonObject): SchemaFailure[] | undefined {
  if (!quickVersions.has(String(view["openapi"]))) return undefined;
  const dereferenced = validationView(structuredClone(view));
  return dereferenced && openApiSchemaFailures(dereferenced);
}

/** Versions swagger-parser 13 reads without complaint: another one gets its own error from it. */
const quickVersions = new Set(["3.0.0", "3.0.1", "3.0.2", "3.0.3", "3.0.4", "3.1.0", "3.1.1", "3.1.2"]);

async function swaggerParserFailures(view: JsonObject): Promise<SchemaFailure[]> {
  try {
    await SwaggerParser.validate(structuredClone(view) as never, { resolve: { external: false } });
    return [];
  } catch (error) {
    const failures = (error as { details?: SchemaFailure[] }).details;
    if (!Array.isArray(failures)) throw error;
    return failures;
  }
}

/**
 * swagger-parser stops at a missing `paths` or a numeric `info.version` before its schema check
 * runs. It is shown the document with those mended (`paths: {}`, the version as text), and the
 * mends are reported like the schema's own findings.
 */
function acceptedView(document: JsonObject, file: string): { view: JsonObject; problems: SpecWarning[] } {
  const problems: SpecWarning[] = [];
  const view = { ...document };
  const info = document["info"];
  if (isJsonObject(info) && typeof info["version"] === "number") {
    const version = String(info["version"]);
    view["info"] = { ...info, version };
    problems.push({
      location: { file, pointer: "/info/version" },
      message: `info.version is the number ${version}, not a string; the client uses "${version}" (quote it: YAML reads 1.10 as 1.1)`,
    });
  }
  if (document["paths"] === undefined) {
    view["paths"] = {};
    // 3.1 accepts components or webhooks instead; 3.0 wants the key even when there is nothing in it.
    const is30 = String(document["openapi"]).startsWith("3.0");
    if (is30 || (document["components"] === undefined && document["webhooks"] === undefined)) {
      const need = is30 ? "OpenAPI 3.0 requires `paths` (`paths: {}` will do)" : "it has no `paths`, `components` or `webhooks`";
      problems.push({ location: { file, pointer: "/paths" }, message: `${need}; no operations are generated` });
    }
  }
  return { view, problems };
}
