import type { SchemaFailure } from "./schemaProblems.js";
import type { JsonObject } from "./walkJson.js";

/**
 * The OpenAPI 3.0 schema check runs on the dereferenced document, where a component schema
 * stands, as one and the same object, everywhere it is used: GitHub's spec has it checked tens
 * of thousands of times. Its failures do not depend on where it stands (only their
 * `instancePath` prefix does), so each Schema Object is checked once per document here and its
 * failures reused with the prefix of each place.
 *
 * How: every `$ref` to `#/definitions/Schema` in (a copy of) the OpenAPI schema becomes a keyword
 * of ours that asks ajv's own validator of that definition, once per object. ajv rewrites the
 * `schemaPath` of failures a keyword reports, so the true one travels beside it and is put back.
 */
export const memoKeyword = "x-clientgen-schema-object";
const schemaRef = "#/definitions/Schema";

interface AjvLike {
  addKeyword(definition: object): unknown;
  addSchema(schema: object, key: string): unknown;
  getSchema(key: string): Validate | undefined;
}
type Validate = ((data: unknown, context?: object) => boolean) & { errors?: SchemaFailure[] | null };
type Tagged = SchemaFailure & { trueSchemaPath?: string | undefined };
type Keyword = ((schema: unknown, data: unknown, parent: unknown, context: { instancePath: string }) => boolean) & { errors?: Tagged[] | null };

/** Compiles the 3.0 schema with Schema Objects checked once each; returns the document's validator. */
export function compileWithSchemaMemo(ajv: AjvLike, openApi30: JsonObject): (view: JsonObject) => SchemaFailure[] {
  let memo = new WeakMap<object, Tagged[]>();
  let schemaObject: Validate | undefined;
  const keyword: Keyword = (_, data, _parent, context) => {
    const relative = data !== null && typeof data === "object" ? memo.get(data) : undefined;
    const failures = relative ?? checkSchemaObject(schemaObject!, data);
    if (relative === undefined && data !== null && typeof data === "object") memo.set(data, failures);
    keyword.errors = failures.map((failure) => ({ ...failure, instancePath: context.instancePath + failure.instancePath }));
    return failures.length === 0;
  };
  keyword.errors = null;
  ajv.addKeyword({ keyword: memoKeyword, validate: keyword, errors: true });
  ajv.addSchema(withMemoKeyword(structuredClone(openApi30)), "oas30");
  const document = ajv.getSchema("oas30")!;
  schemaObject = ajv.getSchema(`oas30${schemaRef}`)!;
  return (view) => {
    memo = new WeakMap();
    const valid = document(view);
    return valid ? [] : (document.errors ?? []).map(withTrueSchemaPath);
  };
}

function checkSchemaObject(validate: Validate, data: unknown): Tagged[] {
  if (validate(data, { instancePath: "", rootData: data, dynamicAnchors: {} })) return [];
  return (validate.errors ?? []).map((failure) => {
    const fixed = withTrueSchemaPath(failure);
    return { ...fixed, trueSchemaPath: fixed.schemaPath };
  });
}

function withTrueSchemaPath(failure: Tagged): SchemaFailure {
  const { trueSchemaPath, ...rest } = failure;
  return trueSchemaPath === undefined ? rest : { ...rest, schemaPath: trueSchemaPath };
}

/** Every `{ $ref: "#/definitions/Schema" }` in the OpenAPI schema becomes `{ [memoKeyword]: true }`. */
function withMemoKeyword(node: unknown): JsonObject {
  if (Array.isArray(node)) return node.map(withMemoKeyword) as never;
  if (node === null || typeof node !== "object") return node as never;
  const object = node as JsonObject;
  if (object["$ref"] === schemaRef && Object.keys(object).length === 1) return { [memoKeyword]: true };
  return Object.fromEntries(Object.entries(object).map(([key, value]) => [key, withMemoKeyword(value)]));
}
