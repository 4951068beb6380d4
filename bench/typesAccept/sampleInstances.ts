/**
 * Values made from a schema alone, for specs that give few or no examples (Stripe's gives none): for each
 * named component schema, one value with only the required properties and three with every property,
 * each taking another branch of every `oneOf`/`anyOf` and another `enum` value. Deterministic: the same
 * spec gives the same values. A `format: binary` property (a file, `Blob` in the types) gets no value.
 * A value the schema itself rejects (a `pattern`, a `format` it cannot
 * guess) is left out by the caller's validator, as a spec example would be.
 */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

export interface SampledInstance {
  source: string;
  schemaPointer: string;
  value: Json;
}

const isObject = (value: unknown): value is JsonObject => typeof value === "object" && value !== null && !Array.isArray(value);

interface Way {
  /** every property, or only the required ones */
  all: boolean;
  /** which branch of a choice, which value of an enum */
  variant: number;
}

const ways: Way[] = [
  { all: false, variant: 0 },
  { all: true, variant: 0 },
  { all: true, variant: 1 },
  { all: true, variant: 2 },
];
const maxDepth = 8;

export function sampleInstances(document: JsonObject, lockPointers: string[]): SampledInstance[] {
  const found: SampledInstance[] = [];
  const schemas = isObject(document.components) && isObject(document.components.schemas) ? document.components.schemas : {};
  for (const pointer of lockPointers) {
    const name = /^\/components\/schemas\/([^/]+)$/.exec(pointer)?.[1];
    if (name === undefined) continue;
    const schema = schemas[name.replaceAll("~1", "/").replaceAll("~0", "~")];
    const seen = new Set<string>();
    for (const way of ways) {
      const value = sample(document, schema, way, 0);
      if (value === undefined) continue;
      const text = JSON.stringify(value);
      if (seen.has(text)) continue;
      seen.add(text);
      const label = way.all ? `every property, choice ${way.variant}` : "required properties";
      found.push({ source: `${pointer} (sample: ${label})`, schemaPointer: pointer, value });
    }
  }
  return found;
}

function follow(document: JsonObject, node: Json | undefined): Json | undefined {
  for (let hops = 0; isObject(node) && typeof node.$ref === "string" && hops < 10; hops++) {
    if (!node.$ref.startsWith("#/")) return undefined;
    node = node.$ref
      .slice(2)
      .split("/")
      .reduce<Json | undefined>((at, raw) => (isObject(at) ? at[raw.replaceAll("~1", "/").replaceAll("~0", "~")] : undefined), document);
  }
  return node;
}

/** undefined: no value could be made (too deep, or a schema that allows nothing) */
function sample(document: JsonObject, node: Json | undefined, way: Way, depth: number): Json | undefined {
  const schema = follow(document, node);
  if (schema === true || (isObject(schema) && Object.keys(schema).length === 0)) return "any";
  if (!isObject(schema) || depth > maxDepth) return undefined;
  // a file part, typed `Blob` by design: no JSON value stands for it
  if (schema.format === "binary") return undefined;
  if (depth > 0 && way.variant === 2 && isNullable(schema)) return null;
  if (Object.hasOwn(schema, "const")) return schema.const!;
  if (Array.isArray(schema.enum)) {
    const listed = schema.enum.filter((value) => value !== null);
    return listed.length > 0 ? listed[way.variant % listed.length]! : null;
  }
  const parts: Json[] = [];
  const own = ownShape(document, schema, way, depth);
  if (own !== undefined) parts.push(own);
  for (const member of Array.isArray(schema.allOf) ? schema.allOf : []) {
    const value = sample(document, member, way, depth + 1);
    if (value === undefined) return undefined;
    parts.push(value);
  }
  const choice = Array.isArray(schema.oneOf) ? schema.oneOf : Array.isArray(schema.anyOf) ? schema.anyOf : undefined;
  if (choice && choice.length > 0) {
    const value = sample(document, choice[way.variant % choice.length], way, depth + 1);
    if (value === undefined) return undefined;
    parts.push(value);
  }
  // a schema that constrains nothing (a description alone) allows any value
  if (parts.length === 0 && typeOf(schema) === undefined && !choice && !Array.isArray(schema.allOf)) return "text";
  return merge(parts);
}

/** `nullable: true` (3.0) or `type: [..., "null"]` (3.1) */
function isNullable(schema: JsonObject): boolean {
  return schema.nullable === true || (Array.isArray(schema.type) && schema.type.includes("null"));
}

/**
 * Objects are merged key by key, and win over other parts: the other part then comes from a member
 * that only annotates (`allOf: [Ref, { nullable: true, description }]`), which allows any value.
 * Otherwise the last part decides (a choice refines its siblings).
 */
function merge(parts: Json[]): Json | undefined {
  const objects = parts.filter(isObject);
  if (objects.length > 0) return Object.assign({}, ...objects) as JsonObject;
  return parts.at(-1);
}

function typeOf(schema: JsonObject): string | undefined {
  const types = Array.isArray(schema.type) ? schema.type.filter((type) => type !== "null") : [schema.type];
  const type = types[0];
  if (typeof type === "string") return type;
  if (isObject(schema.properties) || Array.isArray(schema.required) || schema.additionalProperties !== undefined) return "object";
  if (schema.items !== undefined) return "array";
  return undefined;
}

function ownShape(document: JsonObject, schema: JsonObject, way: Way, depth: number): Json | undefined {
  switch (typeOf(schema)) {
    case "object":
      return objectSample(document, schema, way, depth);
    case "array": {
      const item = sample(document, schema.items, way, depth + 1);
      if (item === undefined) return typeof schema.minItems === "number" && schema.minItems > 0 ? undefined : [];
      return Array.from({ length: Math.max(1, typeof schema.minItems === "number" ? schema.minItems : 1) }, () => item);
    }
    case "string":
      return stringSample(schema);
    case "integer":
    case "number":
      return numberSample(schema);
    case "boolean":
      return way.variant % 2 === 0;
    case "null":
      return null;
    default:
      return undefined;
  }
}

function objectSample(document: JsonObject, schema: JsonObject, way: Way, depth: number): Json | undefined {
  const required = new Set(Array.isArray(schema.required) ? schema.required.filter((key): key is string => typeof key === "string") : []);
  const properties = isObject(schema.properties) ? schema.properties : {};
  const value: JsonObject = {};
  for (const [key, child] of Object.entries(properties)) {
    if (!way.all && !required.has(key)) continue;
    const sampled = sample(document, child, way, depth + 1);
    if (sampled !== undefined) value[key] = sampled;
    else if (required.has(key)) return undefined;
  }
  return value;
}

const formatSamples: Record<string, string> = {
  "date-time": "2024-01-02T03:04:05Z",
  date: "2024-01-02",
  time: "03:04:05Z",
  uri: "https://example.com/a",
  url: "https://example.com/a",
  email: "someone@example.com",
  uuid: "123e4567-e89b-12d3-a456-426614174000",
  ipv4: "192.0.2.1",
  ipv6: "2001:db8::1",
  hostname: "example.com",
};

function stringSample(schema: JsonObject): string {
  const base = typeof schema.format === "string" && formatSamples[schema.format] ? formatSamples[schema.format]! : "text";
  const min = typeof schema.minLength === "number" ? schema.minLength : 0;
  const max = typeof schema.maxLength === "number" ? schema.maxLength : Infinity;
  return base.padEnd(min, "x").slice(0, max);
}

function numberSample(schema: JsonObject): number {
  if (typeof schema.minimum === "number") return schema.minimum;
  if (typeof schema.exclusiveMinimum === "number") return schema.exclusiveMinimum + 1;
  if (typeof schema.maximum === "number") return Math.min(0, schema.maximum);
  if (typeof schema.exclusiveMaximum === "number") return Math.min(0, schema.exclusiveMaximum - 1);
  return 1;
}
