// The instances a spec gives for its named schemas (and, with --samples, values made from them).
import { atPointer, encodeSegment, follow, isObject, parseJson, type Json, type JsonObject } from "./json.js";
import { sampleInstances } from "./sampleInstances.js";

export interface Instance {
  /** where the spec gives the value */
  source: string;
  /** the schema it is checked against (a name-lock pointer) */
  schemaPointer: string;
  /** for the reader: the type's name, with `.property` / `[]` for a schema nested in it */
  typeName: string;
  /** the TypeScript type the instance is checked against */
  typeExpression: string;
  value: Json;
}

function schemaExamples(schema: Json | undefined, at: string): { source: string; value: Json }[] {
  if (!isObject(schema)) return [];
  const found: { source: string; value: Json }[] = [];
  if (Object.hasOwn(schema, "example")) found.push({ source: `${at}/example`, value: schema.example as Json });
  if (Array.isArray(schema.examples))
    schema.examples.forEach((value, index) => found.push({ source: `${at}/examples/${index}`, value }));
  return found;
}

const methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

export interface Collected {
  instances: Instance[];
  /** media-type examples whose schema has no generated name */
  noTypeName: number;
  /** vendor examples given as text (OpenAI's x-oaiMeta) that are not JSON */
  notJson: number;
}

/** `nullable: true` (3.0) or `type: [..., "null"]` (3.1). */
function isNullable(node: Json | undefined): boolean {
  return isObject(node) && (node.nullable === true || (Array.isArray(node.type) && node.type.includes("null")));
}

export function collectInstances(document: JsonObject, lockTypes: Record<string, string>, withSamples: boolean): Collected {
  const instances: Instance[] = [];
  let noTypeName = 0;
  let notJson = 0;
  // The generator declares a nullable schema's type without `null` and adds `| null` where it is used
  // (`body?: Body | null`): an instance of such a schema is checked against `Type | null`.
  const nameOf = (pointer: string, typeName: string) => (isNullable(atPointer(document, pointer)) ? `M.${typeName} | null` : `M.${typeName}`);
  const named = (pointer: string, typeName: string) => ({ schemaPointer: pointer, typeName, typeExpression: nameOf(pointer, typeName) });

  // 1. the examples of every schema the lock names (components and the inline types hoisted from them),
  //    and of the properties and items nested in it that have no name of their own
  const nested = (node: Json | undefined, pointer: string, typeName: string, typeExpression: string) => {
    if (!isObject(node) || typeof node.$ref === "string") return;
    for (const { source, value } of schemaExamples(node, pointer)) instances.push({ source, schemaPointer: pointer, typeName, typeExpression, value });
    const meta = node["x-oaiMeta"];
    if (isObject(meta) && typeof meta.example === "string") {
      const value = parseJson(meta.example);
      if (value === undefined) notJson++;
      else instances.push({ source: `${pointer}/x-oaiMeta/example`, schemaPointer: pointer, typeName, typeExpression, value });
    }
    if (isObject(node.properties))
      for (const [key, child] of Object.entries(node.properties)) {
        const at = `${pointer}/properties/${encodeSegment(key)}`;
        if (!(at in lockTypes)) nested(child, at, `${typeName}.${key}`, `Prop<${typeExpression}, ${JSON.stringify(key)}>`);
      }
    if (isObject(node.items)) {
      const at = `${pointer}/items`;
      if (!(at in lockTypes)) nested(node.items, at, `${typeName}[]`, `Item<${typeExpression}>`);
    }
  };
  for (const [pointer, typeName] of Object.entries(lockTypes)) nested(atPointer(document, pointer), pointer, typeName, nameOf(pointer, typeName));

  // 2. media-type examples of bodies whose schema is a `$ref` to a named schema (or an inline schema the lock names)
  const bodyType = (media: JsonObject, mediaAt: string) => {
    if (!isObject(media.schema)) return undefined;
    const ref = media.schema.$ref;
    const pointer = typeof ref === "string" ? (ref.startsWith("#/") ? ref.slice(1) : undefined) : `${mediaAt}/schema`;
    if (pointer === undefined) return undefined;
    const typeName = lockTypes[pointer];
    return typeName === undefined ? undefined : named(pointer, typeName);
  };
  const mediaTypes = (content: Json | undefined, at: string) => {
    if (!isObject(content)) return;
    for (const [mediaType, media] of Object.entries(content)) {
      if (!isObject(media)) continue;
      const mediaAt = `${at}/content/${encodeSegment(mediaType)}`;
      const values: { source: string; value: Json }[] = [];
      if (Object.hasOwn(media, "example")) values.push({ source: `${mediaAt}/example`, value: media.example as Json });
      if (isObject(media.examples))
        for (const [name, example] of Object.entries(media.examples)) {
          const resolved = follow(document, example);
          if (isObject(resolved) && Object.hasOwn(resolved, "value"))
            values.push({ source: `${mediaAt}/examples/${encodeSegment(name)}/value`, value: resolved.value as Json });
        }
      if (values.length === 0) continue;
      const target = bodyType(media, mediaAt);
      if (target === undefined) {
        noTypeName += values.length;
        continue;
      }
      for (const { source, value } of values) instances.push({ source, ...target, value });
    }
  };
  const paths = isObject(document.paths) ? document.paths : {};
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    for (const method of methods) {
      const operation = item[method];
      if (!isObject(operation)) continue;
      const at = `/paths/${encodeSegment(path)}/${method}`;
      const requestBody = follow(document, operation.requestBody);
      if (isObject(requestBody)) mediaTypes(requestBody.content, `${at}/requestBody`);
      if (isObject(operation.responses))
        for (const [status, response] of Object.entries(operation.responses)) {
          const resolved = follow(document, response);
          if (isObject(resolved)) mediaTypes(resolved.content, `${at}/responses/${status}`);
        }
      // 3. OpenAI's x-oaiMeta response examples (JSON text), for the first 2xx JSON response
      const meta = operation["x-oaiMeta"];
      if (!isObject(meta) || meta.examples === undefined) continue;
      const examples = Array.isArray(meta.examples) ? meta.examples : [meta.examples];
      const success = isObject(operation.responses)
        ? Object.entries(operation.responses).find(([status]) => /^2/.test(status))
        : undefined;
      const successResponse = success ? follow(document, success[1]) : undefined;
      const json = isObject(successResponse) && isObject(successResponse.content) ? successResponse.content["application/json"] : undefined;
      examples.forEach((example, index) => {
        if (!isObject(example) || typeof example.response !== "string") return;
        const source = `${at}/x-oaiMeta/examples${Array.isArray(meta.examples) ? `/${index}` : ""}/response`;
        const value = parseJson(example.response);
        if (value === undefined) return void notJson++;
        const target = isObject(json) && success ? bodyType(json, `${at}/responses/${success[0]}/content/application~1json`) : undefined;
        if (target === undefined) return void noTypeName++;
        instances.push({ source, ...target, value });
      });
    }
  }
  if (withSamples)
    for (const { source, schemaPointer, value } of sampleInstances(document, Object.keys(lockTypes)))
      instances.push({ source, value, ...named(schemaPointer, lockTypes[schemaPointer]!) });
  return { instances: instances.map((instance) => ({ ...instance, value: withSharedExamples(document, instance.value, 0) })), noTypeName, notJson };
}

/**
 * GitHub writes some example values with a shared example inside (`configuration: { $ref:
 * "#/components/examples/…" }`). OpenAPI never resolves a `$ref` inside a value, but that is what the
 * author meant and what their docs show, so the value is checked with the shared example's value there.
 */
function withSharedExamples(document: Json, value: Json, depth: number): Json {
  if (Array.isArray(value)) return value.map((item) => withSharedExamples(document, item, depth));
  if (!isObject(value)) return value;
  const keys = Object.keys(value);
  if (keys.length === 1 && typeof value.$ref === "string" && value.$ref.startsWith("#/components/examples/") && depth < 10) {
    const shared = atPointer(document, value.$ref.slice(1));
    if (isObject(shared) && Object.hasOwn(shared, "value")) return withSharedExamples(document, shared.value as Json, depth + 1);
  }
  return Object.fromEntries(keys.map((key) => [key, withSharedExamples(document, value[key] as Json, depth)]));
}
