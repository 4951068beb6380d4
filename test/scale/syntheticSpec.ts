/**
 * A large, deterministic OpenAPI 3.1 document shaped like a big vendor API (OpenAI, Together,
 * Stripe, FastAPI services), for the scale test.
 *
 * The document, in order:
 * - a few fixed operations with edge-case names (`delete`, `request`, ids that collide after
 *   camelCasing, no operationId, a cookie parameter, a body reusing a readOnly/writeOnly schema);
 * - resource groups, each in one vendor's style (schema names, operationIds, body encodings):
 *   `/v1/<resources>` list + create, `/v1/<resources>/{id}` retrieve/update/delete, custom methods
 *   (`{id}:cancel`), sub-resources, HEAD, batch, search, `text/event-stream` streams,
 *   `multipart/form-data` and `application/octet-stream` uploads and downloads;
 * - component schemas: a hand-written catalog of the hard constructs (enums of every kind, both 3.1
 *   nullable spellings, allOf/oneOf/anyOf with and without discriminator, additionalProperties,
 *   patternProperties, tuples, readOnly/writeOnly, formats, recursion, colliding and
 *   global-shadowing names, hostile descriptions), the groups' own schemas, and filler schemas
 *   from templates until exactly `options.schemas` exist.
 *
 * Every `$ref` is local and resolves. Deterministic: one seeded PRNG (mulberry32); no Math.random,
 * no clock, no environment. The same options always give a deep-equal document.
 */

export type Json = null | boolean | number | string | Json[] | JsonObject;
export interface JsonObject {
  [key: string]: Json;
}

export interface SyntheticSpecOptions {
  /** Exact number of operations (path + method pairs) in the document. */
  operations: number;
  /** Exact number of component schemas; must at least cover the catalog and the groups' own schemas. */
  schemas: number;
  seed?: number;
}

export function syntheticSpec(options: SyntheticSpecOptions): JsonObject {
  const { operations, schemas } = options;
  if (!Number.isInteger(operations) || operations < 0) throw new RangeError(`operations must be a non-negative integer`);
  if (!Number.isInteger(schemas) || schemas < 0) throw new RangeError(`schemas must be a non-negative integer`);
  const builder = new SpecBuilder(new Random(options.seed ?? 0x5eed_2024), operations);
  for (const [key, schema] of catalogSchemas()) builder.addSchema(key, schema);
  builder.objectPool.push(...catalogObjectNames);
  builder.anyPool.push(...builder.schemas.keys());
  for (const key of builder.schemas.keys()) builder.levels.set(key, catalogLevel);
  fixedOperations(builder);
  const groups = planGroups(builder, operations - builder.operationCount);
  for (const group of groups) addGroupSchemas(builder, group, groups);
  for (const group of groups) addGroupOperations(builder, group, groups);
  if (builder.operationCount !== operations) {
    throw new Error(`internal: planned ${builder.operationCount} operations instead of ${operations}`);
  }
  if (builder.schemas.size > schemas) {
    throw new RangeError(
      `schemas must be at least ${builder.schemas.size} for ${operations} operations (catalog and per-resource schemas)`,
    );
  }
  addFillerSchemas(builder, groups, schemas - builder.schemas.size);
  return builder.document();
}

// ---------------------------------------------------------------------------------------------
// Randomness and small helpers
// ---------------------------------------------------------------------------------------------

/** mulberry32: tiny, fast, and the same sequence on every platform. */
class Random {
  #state: number;
  constructor(seed: number) {
    this.#state = seed >>> 0;
  }
  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(probability: number): boolean {
    return this.next() < probability;
  }
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("internal: pick from an empty list");
    return items[Math.floor(this.next() * items.length)]!;
  }
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = this.next() * total;
    for (const [value, weight] of entries) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return entries[entries.length - 1]![0];
  }
  shuffle<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let index = copy.length - 1; index > 0; index--) {
      const other = this.int(0, index);
      [copy[index], copy[other]] = [copy[other]!, copy[index]!];
    }
    return copy;
  }
  sample<T>(items: readonly T[], count: number): T[] {
    return this.shuffle(items).slice(0, Math.min(count, items.length));
  }
}

/** Catalog chains are short; counted as this deep. */
const catalogLevel = 3;
/** Filler schemas deeper than this are not referenced by other filler schemas. */
const maxLevel = 8;

const schemaRef = (name: string): JsonObject => ({ $ref: `#/components/schemas/${name}` });
const parameterRef = (name: string): JsonObject => ({ $ref: `#/components/parameters/${name}` });
const responseRef = (name: string): JsonObject => ({ $ref: `#/components/responses/${name}` });
const json = (schema: JsonObject): JsonObject => ({ "application/json": { schema } });
const nullType: JsonObject = { type: "null" };

function words(snake: string): string[] {
  return snake.split(/[_.\-\s]+/).filter((word) => word !== "");
}
function pascal(text: string): string {
  return words(text)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join("");
}
function camel(text: string): string {
  const value = pascal(text);
  return value.charAt(0).toLowerCase() + value.slice(1);
}
function kebab(text: string): string {
  return words(text).join("-").toLowerCase();
}
function snake(text: string): string {
  return text
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/[^A-Za-z0-9]+/g, "_")
    .toLowerCase();
}
function singularOf(plural: string): string {
  if (plural.endsWith("ies")) return `${plural.slice(0, -3)}y`;
  if (/(ch|sh|ss|x)es$/.test(plural)) return plural.slice(0, -2);
  if (plural.endsWith("s")) return plural.slice(0, -1);
  return plural;
}
function unique(values: string[]): string[] {
  return values.filter((value, index) => values.indexOf(value) === index);
}
function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Descriptions that break naive emitters: comment terminators, template syntax, tags, odd line breaks. */
const hostileTexts = [
  "Closes a JSDoc comment early */ and carries on; /* opens another.",
  "Template syntax `${process.exit(1)}` and backticks ``like this`` are plain text.",
  "@deprecated at the start of a line is prose here.\n@param value neither is this.",
  "Glob `src/**/*.ts` then */ again, `${'${'}` nested, and a trailing backslash \\",
  "CRLF line\r\nand a U+2028 line separator\u2028 and a tab\there.",
  'Quotes "double" and \'single\', <html> & entities, emoji 🚀, and `*/` inside backticks.',
];

// ---------------------------------------------------------------------------------------------
// Builder
// ---------------------------------------------------------------------------------------------

type Method = "get" | "put" | "post" | "delete" | "patch" | "head";

class SpecBuilder {
  readonly rng: Random;
  readonly schemas = new Map<string, JsonObject>();
  readonly paths: JsonObject = {};
  readonly tags: string[] = [];
  /** Names of plain `type: object` schemas with properties: safe to extend with allOf. */
  readonly objectPool: string[] = [];
  /** Schema names filler schemas may reference (catalog and shallow filler; never resources). */
  readonly anyPool: string[] = [];
  /**
   * Depth of a schema's non-recursive `$ref` chain. Filler references only shallow schemas, so the
   * graph stays shaped like a real API (hubs, short chains) instead of one long chain, which
   * would exceed json-schema-ref-parser's dereference depth on large documents.
   */
  readonly levels = new Map<string, number>();
  readonly taken = new Set<string>();
  readonly #operationIds = new Set<string>();
  readonly #budget: number;
  operationCount = 0;

  constructor(rng: Random, budget: number) {
    this.rng = rng;
    this.#budget = budget;
  }

  get remainingOperations(): number {
    return this.#budget - this.operationCount;
  }

  addSchema(key: string, schema: JsonObject): void {
    if (this.schemas.has(key)) throw new Error(`internal: schema ${key} defined twice`);
    if (!/^[A-Za-z0-9._-]+$/.test(key)) throw new Error(`internal: schema key ${key} is not a valid component name`);
    this.schemas.set(key, schema);
    this.taken.add(key);
  }

  /** A component key not used yet: `base`, else `base_2`, `base_3`, … */
  claimKey(base: string): string {
    let key = base;
    for (let suffix = 2; this.taken.has(key); suffix++) key = `${base}_${suffix}`;
    this.taken.add(key);
    return key;
  }

  schema(key: string): JsonObject {
    const schema = this.schemas.get(key);
    if (schema === undefined) throw new Error(`internal: no schema ${key}`);
    return schema;
  }

  addOperation(path: string, method: Method, operation: JsonObject, pathParameters?: Json[]): boolean {
    if (this.remainingOperations <= 0) return false;
    const id = operation["operationId"];
    if (typeof id === "string") {
      if (this.#operationIds.has(id)) throw new Error(`internal: operationId ${id} used twice`);
      this.#operationIds.add(id);
    }
    const existing = this.paths[path];
    const item: JsonObject = existing !== undefined && existing !== null && typeof existing === "object" && !Array.isArray(existing) ? existing : {};
    if (item[method] !== undefined) throw new Error(`internal: ${method} ${path} defined twice`);
    if (pathParameters !== undefined && item["parameters"] === undefined) item["parameters"] = pathParameters;
    item[method] = operation;
    this.paths[path] = item;
    this.operationCount++;
    return true;
  }

  document(): JsonObject {
    const sortedSchemas: JsonObject = {};
    for (const key of [...this.schemas.keys()].sort(compareCodeUnits)) sortedSchemas[key] = this.schema(key);
    return {
      openapi: "3.1.0",
      info: {
        title: "Synthetic Platform API",
        version: "2024-10-01",
        description: `A generated API shaped like large vendor APIs. ${hostileTexts[0]}`,
        license: { name: "MIT", identifier: "MIT" },
      },
      servers: [{ url: "https://api.synthetic.example/", description: "Production" }],
      security: [{ ApiKeyAuth: [] }],
      tags: this.tags.map((name) => ({ name, description: `Operations on ${name}.` })),
      paths: this.paths,
      webhooks: {
        resourceUpdated: {
          post: {
            summary: "A resource changed.",
            requestBody: { required: true, content: json(schemaRef("WebhookEnvelope")) },
            responses: { "200": { description: "Acknowledged." } },
          },
        },
      },
      components: {
        schemas: sortedSchemas,
        parameters: sharedParameters(),
        responses: sharedResponses(),
        headers: {
          RetryAfter: { description: "Seconds to wait before retrying.", schema: { type: "integer", minimum: 0 } },
          RequestId: { description: "Echo of `X-Request-ID`.", schema: { type: "string", format: "uuid" } },
        },
        requestBodies: {
          MetadataPatch: {
            description: "Replaces the metadata. Keys removed when their value is `null`. */",
            required: true,
            content: json({
              type: "object",
              required: ["metadata"],
              properties: { metadata: { anyOf: [schemaRef("Metadata"), nullType] } },
            }),
          },
        },
        examples: {
          FooExample: { summary: "A Foo", value: { foo: "bar" } },
        },
        securitySchemes: {
          ApiKeyAuth: { type: "http", scheme: "bearer", bearerFormat: "API key" },
          BasicAuth: { type: "http", scheme: "basic" },
          QueryKey: { type: "apiKey", in: "query", name: "api_key" },
        },
      },
    };
  }
}

// ---------------------------------------------------------------------------------------------
// Shared components: parameters and responses
// ---------------------------------------------------------------------------------------------

function sharedParameters(): JsonObject {
  return {
    Limit: {
      name: "limit",
      in: "query",
      description: "A limit on the number of objects to be returned, between 1 and 100.",
      schema: { type: "integer", minimum: 1, maximum: 100, default: 20 },
    },
    After: { name: "after", in: "query", description: "A cursor for pagination: an object ID.", schema: { type: "string" } },
    Before: { name: "before", in: "query", schema: { type: "string" } },
    Order: {
      name: "order",
      in: "query",
      description: "Sort order by the `created_at` timestamp.",
      schema: { type: "string", enum: ["asc", "desc"], default: "desc" },
    },
    RequestId: {
      name: "X-Request-ID",
      in: "header",
      description: "Client-chosen id echoed back in the `X-Request-ID` response header.",
      schema: { type: "string", format: "uuid" },
    },
    IdempotencyKey: {
      name: "Idempotency-Key",
      in: "header",
      description: "Retries with the same key are not applied twice.",
      schema: { type: "string", maxLength: 255 },
    },
    FeatureFlags: {
      name: "X-Feature-Flags",
      in: "header",
      description: "Beta features to enable, comma separated on the wire.",
      style: "simple",
      schema: { type: "array", items: { type: "string", enum: ["assistants=v2", "search-preview", "long-context"] } },
    },
    FilterName: { name: "filter[name]", in: "query", description: "Only objects with this exact name.", schema: { type: "string" } },
    FilterCreatedGte: {
      name: "filter[created_at][gte]",
      in: "query",
      schema: { type: "string", format: "date-time" },
    },
    Include: {
      name: "include[]",
      in: "query",
      style: "form",
      explode: true,
      description: "Related objects to embed in the response.",
      schema: { type: "array", items: { type: "string", enum: ["owner", "usage", "file_search_call.results", "message.input_image.image_url"] } },
    },
    Class: {
      name: "class",
      in: "query",
      description: "A reserved word as a parameter name.",
      schema: { type: "string", enum: ["standard", "premium", "class"] },
    },
    Default: { name: "default", in: "query", description: "Another reserved word.", schema: { type: "boolean", default: false } },
    Expand: {
      name: "expand",
      in: "query",
      style: "deepObject",
      explode: true,
      description: "Specifies which fields in the response should be expanded.",
      schema: { type: "array", items: { type: "string", maxLength: 5000 } },
    },
    Created: {
      name: "created",
      in: "query",
      style: "deepObject",
      explode: true,
      description: "Only return objects created in this range (a timestamp, or an object of bounds).",
      schema: {
        anyOf: [
          {
            type: "object",
            title: "range_query_specs",
            properties: { gt: { type: "integer" }, gte: { type: "integer" }, lt: { type: "integer" }, lte: { type: "integer" } },
          },
          { type: "integer" },
        ],
      },
    },
  };
}

function sharedResponses(): JsonObject {
  return {
    NotFound: { description: "No such object.", content: json(schemaRef("Error")) },
    Unauthorized: { description: "Missing or invalid API key.", content: json(schemaRef("Error")) },
    RateLimited: {
      description: "Too many requests.",
      headers: { "Retry-After": { $ref: "#/components/headers/RetryAfter" } },
      content: json(schemaRef("Error")),
    },
    ValidationFailed: { description: "Validation Error", content: json(schemaRef("HTTPValidationError")) },
  };
}

// ---------------------------------------------------------------------------------------------
// The catalog: hand-written component schemas, one or more per hard construct
// ---------------------------------------------------------------------------------------------

/** Catalog schemas that are plain objects with properties (may be extended with allOf). */
const catalogObjectNames = [
  "Foo",
  "foo",
  "foo_bar",
  "Usage",
  "Record",
  "Promise",
  "TreeNode",
  "Account",
  "FormatShowcase",
  "NullablesShowcase",
  "WeirdKeys",
  "ListNodeBase",
  "Person",
  "GraphNode",
  "DeletedObject",
  "Client",
  "Request",
  "TextPart",
  "FieldCondition",
  "EnumShowcase",
];

function catalogSchemas(): [string, JsonObject][] {
  const all = (names: string[]) => names.map(schemaRef);
  return [
    // Errors: `Error` shadows the global; Stripe spells its error object `error` (collides after casing).
    [
      "Error",
      {
        type: "object",
        description: "The error envelope every failing call returns. */ not the JS `Error`.",
        required: ["error"],
        properties: {
          error: {
            type: "object",
            required: ["message", "type"],
            properties: {
              message: { type: "string" },
              type: { type: "string", examples: ["invalid_request_error"] },
              param: { type: ["string", "null"] },
              code: { anyOf: [{ type: "string" }, nullType] },
            },
          },
        },
      },
    ],
    ["error", { type: "object", description: "An error response from the API.", properties: { error: schemaRef("api_errors") }, required: ["error"] }],
    [
      "api_errors",
      {
        type: "object",
        required: ["type"],
        properties: {
          type: { type: "string", enum: ["api_error", "card_error", "idempotency_error", "invalid_request_error"] },
          message: { type: "string", maxLength: 40000 },
          code: { type: "string", maxLength: 5000 },
          doc_url: { type: "string", maxLength: 5000 },
          param: { type: "string", maxLength: 5000 },
          request_log_url: { type: "string", maxLength: 5000 },
        },
      },
    ],
    [
      "HTTPValidationError",
      { type: "object", title: "HTTPValidationError", properties: { detail: { type: "array", title: "Detail", items: schemaRef("ValidationError") } } },
    ],
    [
      "ValidationError",
      {
        type: "object",
        title: "ValidationError",
        required: ["loc", "msg", "type"],
        properties: {
          loc: { type: "array", title: "Location", items: { anyOf: [{ type: "string" }, { type: "integer" }] } },
          msg: { type: "string", title: "Message" },
          type: { type: "string", title: "Error Type" },
        },
      },
    ],
    // Names that shadow globals the generated code may use.
    [
      "Promise",
      {
        type: "object",
        description: "A promise to pay (not a JavaScript `Promise`).",
        required: ["id", "amount"],
        properties: {
          id: { type: "string" },
          amount: { type: "integer", format: "int64" },
          due_date: schemaRef("Date"),
          state: { type: "string", enum: ["pending", "kept", "broken"] },
        },
      },
    ],
    ["Array", { type: "array", description: "A list of records.", items: schemaRef("Record") }],
    ["Record", { type: "object", required: ["key"], properties: { key: { type: "string" }, value: schemaRef("JsonValue") } }],
    ["Date", { type: "string", format: "date", description: "A calendar date." }],
    ["Headers", { type: "object", additionalProperties: { type: "string" } }],
    [
      "Client",
      {
        type: "object",
        description: "An OAuth client.",
        required: ["client_id"],
        properties: {
          client_id: { type: "string" },
          client_secret: { type: "string", writeOnly: true },
          redirect_uris: { type: "array", items: { type: "string", format: "uri" } },
        },
      },
    ],
    [
      "Request",
      {
        type: "object",
        description: "A logged HTTP request.",
        required: ["method", "url"],
        properties: {
          method: { type: "string", enum: ["GET", "POST", "PUT", "PATCH", "DELETE", "get", "post"] },
          url: { type: "string", format: "uri" },
          headers: schemaRef("Headers"),
          body: schemaRef("JsonValue"),
        },
      },
    ],
    [
      "Response",
      {
        type: "object",
        required: ["id", "object", "status", "output"],
        properties: {
          id: { type: "string" },
          object: { type: "string", const: "response", "x-stainless-const": true },
          status: { type: "string", enum: ["completed", "failed", "in_progress", "cancelled", "queued", "incomplete"] },
          output: { type: "array", items: schemaRef("ContentPart") },
          usage: schemaRef("Usage"),
          error: { anyOf: [schemaRef("Error"), nullType] },
          request: schemaRef("Request"),
        },
      },
    ],
    // Names that collide after case conversion.
    ["Foo", { type: "object", properties: { foo: { type: "string" } } }],
    ["foo", { type: "object", required: ["bar"], properties: { bar: { type: "integer" } } }],
    ["foo-bar", { type: "string", enum: ["a", "b"] }],
    ["foo_bar", { type: "object", properties: { baz: schemaRef("foo-bar"), foo: schemaRef("foo") } }],
    ["FooBar", { allOf: [schemaRef("foo_bar")], description: "The single-$ref allOf with a description." }],
    ["fooBar", { type: "array", items: schemaRef("FooBar") }],
    ["FooAlias", schemaRef("Foo")],
    ["FooAliasAlias", schemaRef("FooAlias")],
    ["FooDescribed", { $ref: "#/components/schemas/Foo", description: "A $ref with a sibling description (3.1)." }],
    ["ChatMessage", chatMessage()],
    ["chat_message", schemaRef("ChatMessage")],
    // Shared resource shapes.
    [
      "Metadata",
      {
        type: "object",
        description: "Set of 16 key-value pairs that can be attached to an object. Keys are at most 64 characters.",
        maxProperties: 16,
        additionalProperties: { type: "string", maxLength: 512 },
        "x-oaiTypeLabel": "map",
      },
    ],
    [
      "DeletedObject",
      {
        type: "object",
        required: ["id", "object", "deleted"],
        properties: { id: { type: "string" }, object: { type: "string" }, deleted: { type: "boolean", const: true } },
      },
    ],
    [
      "Usage",
      {
        type: "object",
        required: ["prompt_tokens", "completion_tokens", "total_tokens"],
        properties: {
          prompt_tokens: { type: "integer" },
          completion_tokens: { type: "integer" },
          total_tokens: { type: "integer" },
          prompt_tokens_details: { type: "object", properties: { cached_tokens: { type: "integer" }, audio_tokens: { type: "integer" } } },
        },
      },
    ],
    [
      "WebhookEnvelope",
      {
        type: "object",
        required: ["id", "type", "data"],
        properties: {
          id: { type: "string" },
          type: { type: "string", enum: ["resource.created", "resource.updated", "resource.deleted"] },
          created_at: { type: "integer", format: "int64" },
          data: schemaRef("JsonObject"),
        },
      },
    ],
    // Enums.
    [
      "TrickyStringEnum",
      {
        type: "string",
        description: "Values that collide or are not identifiers. `${value}` */",
        enum: ["a-b", "a_b", "", "1", "A", "a", "b c", "null", "true", "class", "default", "constructor", "__proto__", "*/", "${x}", "`tick`"],
      },
    ],
    ["NumberEnum", { type: "number", enum: [0, 0.1, 2.5, -3, 100, 1e21] }],
    ["IntegerEnum", { type: "integer", format: "int64", enum: [100, 200, 300] }],
    ["BooleanEnum", { type: "boolean", enum: [true, false] }],
    ["NullableStringEnum", { type: ["string", "null"], enum: ["low", "medium", "high", null] }],
    ["NullableEnumAnyOf", { anyOf: [{ type: "string", enum: ["x", "y"] }, nullType] }],
    ["MixedEnum", { description: "No `type`: strings, numbers, booleans and null.", enum: ["auto", 1, true, null, "1", false, 1.5] }],
    ["CaseEnum", { type: "string", enum: ["Auto", "auto", "AUTO", "aUTO"] }],
    ["SingleValueEnum", { type: "string", enum: ["only"] }],
    ["ConstString", { const: "fixed-value" }],
    ["ConstNumber", { type: "integer", const: 3 }],
    ["ConstBoolean", { type: "boolean", const: true }],
    [
      "EnumShowcase",
      {
        type: "object",
        required: ["kind", "level"],
        properties: {
          kind: schemaRef("TrickyStringEnum"),
          level: { type: "integer", enum: [1, 2, 3] },
          mode: { type: "string", enum: ["fast", "Fast", "FAST", "fast-mode"], default: "fast" },
          flags: { type: "array", items: { type: "string", enum: ["x", "y", "z"] } },
          object: { type: "string", enum: ["enum_showcase"] },
          version: { const: 2 },
          nothing: { const: null },
          mixed: schemaRef("MixedEnum"),
          maybe: schemaRef("NullableStringEnum"),
        },
      },
    ],
    // Nullability in both 3.1 spellings.
    ["NullableString", { type: ["string", "null"] }],
    ["NullableInt64", { type: ["integer", "null"], format: "int64" }],
    ["NullableObject", { type: ["object", "null"], required: ["a"], properties: { a: { type: "string" }, b: { type: ["number", "null"] } } }],
    ["NullableArray", { type: ["array", "null"], items: schemaRef("Foo") }],
    ["NullableRefAnyOf", { anyOf: [schemaRef("Foo"), nullType] }],
    ["NullableRefOneOf", { oneOf: [nullType, schemaRef("Usage")] }],
    ["NullableAllOf", { type: ["object", "null"], allOf: [schemaRef("Foo")] }],
    ["MixedType", { type: ["string", "number", "boolean"] }],
    ["MixedTypeNullable", { type: ["string", "integer", "null"] }],
    [
      "NullablesShowcase",
      {
        type: "object",
        required: ["a", "b", "c", "d"],
        properties: {
          a: { type: ["string", "null"] },
          b: { anyOf: [{ type: "string" }, nullType], title: "B" },
          c: { oneOf: [schemaRef("Foo"), nullType] },
          d: { anyOf: [{ type: "array", items: schemaRef("Foo") }, nullType] },
          e: { type: ["object", "null"], properties: { inner: { type: ["integer", "null"] } } },
          f: { anyOf: [schemaRef("Foo"), schemaRef("foo"), nullType] },
          g: { type: "null" },
          h: { anyOf: [schemaRef("NullableString"), nullType] },
        },
      },
    ],
    // Formats.
    [
      "FormatShowcase",
      {
        type: "object",
        properties: {
          created_at: { type: "string", format: "date-time", examples: ["2024-05-01T12:00:00Z"] },
          day: { type: "string", format: "date" },
          id: { type: "string", format: "uuid" },
          count: { type: "integer", format: "int64", examples: [9007199254740991] },
          small: { type: "integer", format: "int32" },
          ratio: { type: "number", format: "double" },
          weight: { type: "number", format: "float" },
          blob: { type: "string", format: "binary" },
          encoded: { type: "string", format: "byte", contentEncoding: "base64" },
          email: { type: "string", format: "email" },
          homepage: { type: "string", format: "uri" },
          ip: { type: "string", format: "ipv4" },
          timeout: { type: "string", format: "duration" },
        },
      },
    ],
    // additionalProperties and patternProperties.
    ["AdditionalTrue", { type: "object", properties: { a: { type: "string" } }, additionalProperties: true }],
    ["AdditionalFalse", { type: "object", properties: { a: { type: "string" } }, additionalProperties: false }],
    [
      "AdditionalRef",
      { type: "object", required: ["a"], properties: { a: { type: "string" }, b: { type: "integer" } }, additionalProperties: schemaRef("Metadata") },
    ],
    ["AdditionalInline", { type: "object", additionalProperties: { type: "object", properties: { x: { type: "number" }, y: { type: "number" } } } }],
    ["MapOfArrays", { type: "object", additionalProperties: { type: "array", items: schemaRef("Foo") } }],
    ["ClosedEmpty", { type: "object", additionalProperties: false }],
    ["Freeform", { type: "object", description: "Any JSON object." }],
    [
      "PatternOnly",
      { type: "object", patternProperties: { "^x-": { type: "string" } }, additionalProperties: false },
    ],
    [
      "PatternWithProps",
      {
        type: "object",
        required: ["name"],
        properties: { name: { type: "string" } },
        patternProperties: { "^[0-9]+$": { type: "integer" }, "^meta_": schemaRef("Metadata") },
      },
    ],
    // Tuples.
    ["Point2D", { type: "array", prefixItems: [{ type: "number" }, { type: "number" }], items: false, minItems: 2, maxItems: 2 }],
    ["LabeledValues", { type: "array", prefixItems: [{ type: "string" }, { type: "number" }], items: { type: "integer" } }],
    ["TupleOfRefs", { type: "array", prefixItems: [schemaRef("Foo"), schemaRef("Point2D"), { type: ["string", "null"] }], items: false }],
    ["NullableTuple", { type: ["array", "null"], prefixItems: [{ type: "string" }], items: false }],
    [
      "BoundingBox",
      {
        type: "object",
        required: ["top_left", "range"],
        properties: {
          top_left: schemaRef("Point2D"),
          range: { type: "array", prefixItems: [{ type: "integer" }, { type: "integer" }], items: false },
        },
      },
    ],
    // readOnly / writeOnly.
    [
      "Account",
      {
        type: "object",
        required: ["id", "email", "password", "created_at"],
        properties: {
          id: { type: "string", format: "uuid", readOnly: true },
          email: { type: "string", format: "email" },
          password: { type: "string", writeOnly: true, minLength: 8 },
          created_at: { type: "string", format: "date-time", readOnly: true },
          api_key: { type: ["string", "null"], readOnly: true },
          profile: { type: "object", properties: { display_name: { type: "string" }, secret_answer: { type: "string", writeOnly: true } } },
        },
      },
    ],
    // Composition.
    ["AllOfMulti", { allOf: [schemaRef("Foo"), schemaRef("Record"), { type: "object", properties: { extra: { type: "boolean" } } }] }],
    [
      "AllOfWithOwnProps",
      { allOf: [schemaRef("foo")], type: "object", required: ["own"], properties: { own: { type: "string" } } },
    ],
    ["AllOfInlineOnly", { allOf: [{ type: "object", properties: { only: { type: "string" } } }] }],
    [
      "Pet",
      {
        anyOf: all(["Cat", "Dog"]),
        discriminator: {
          propertyName: "pet_type",
          mapping: { cat: "#/components/schemas/Cat", dog: "#/components/schemas/Dog" },
        },
      },
    ],
    ["Cat", { type: "object", required: ["pet_type"], properties: { pet_type: { type: "string", const: "cat" }, lives: { type: "integer" } } }],
    ["Dog", { type: "object", required: ["pet_type"], properties: { pet_type: { type: "string", enum: ["dog"] }, bark: { type: "boolean" } } }],
    ["Shape", { oneOf: all(["Circle", "Square", "Polygon"]), discriminator: { propertyName: "shape_type" } }],
    ["Circle", { type: "object", required: ["shape_type", "radius"], properties: { shape_type: { type: "string" }, radius: { type: "number" } } }],
    ["Square", { type: "object", required: ["shape_type", "side"], properties: { shape_type: { type: "string", enum: ["Square"] }, side: { type: "number" } } }],
    [
      "Polygon",
      { type: "object", required: ["shape_type", "points"], properties: { shape_type: { type: "string" }, points: { type: "array", items: schemaRef("Point2D") } } },
    ],
    [
      "ContentPart",
      {
        oneOf: all(["TextPart", "ImagePart", "AudioPart", "RefusalPart"]),
        discriminator: {
          propertyName: "type",
          mapping: { text: "#/components/schemas/TextPart", image_url: "ImagePart", input_audio: "#/components/schemas/AudioPart" },
        },
      },
    ],
    ["TextPart", { type: "object", required: ["type", "text"], properties: { type: { type: "string", enum: ["text"] }, text: { type: "string" } } }],
    [
      "ImagePart",
      {
        type: "object",
        required: ["type", "image_url"],
        properties: {
          type: { type: "string", enum: ["image_url"] },
          image_url: { type: "object", required: ["url"], properties: { url: { type: "string", format: "uri" }, detail: { type: "string", enum: ["auto", "low", "high"], default: "auto" } } },
        },
      },
    ],
    [
      "AudioPart",
      {
        type: "object",
        required: ["type", "input_audio"],
        properties: {
          type: { type: "string", const: "input_audio" },
          input_audio: { type: "object", required: ["data", "format"], properties: { data: { type: "string", format: "byte" }, format: { type: "string", enum: ["wav", "mp3"] } } },
        },
      },
    ],
    ["RefusalPart", { type: "object", required: ["type", "refusal"], properties: { type: { type: "string", enum: ["refusal"] }, refusal: { type: "string" } } }],
    [
      "Animal",
      {
        type: "object",
        required: ["animal_type"],
        properties: { animal_type: { type: "string" }, name: { type: "string" } },
        discriminator: {
          propertyName: "animal_type",
          mapping: { bird: "#/components/schemas/Bird", fish: "#/components/schemas/Fish" },
        },
      },
    ],
    ["Bird", { allOf: [schemaRef("Animal"), { type: "object", properties: { wingspan_cm: { type: "number" }, flock: { type: "array", items: schemaRef("Bird") } } }] }],
    ["Fish", { allOf: [schemaRef("Animal"), { type: "object", required: ["water"], properties: { water: { type: "string", enum: ["fresh", "salt", "brackish"] } } }] }],
    ["Aquarium", { type: "object", properties: { inhabitants: { type: "array", items: schemaRef("Animal") }, featured: schemaRef("Pet") } }],
    [
      "ToolChoice",
      {
        description: "`none`, `auto`, `required`, or a named tool.",
        anyOf: [{ type: "string", enum: ["none", "auto", "required"] }, schemaRef("NamedToolChoice")],
      },
    ],
    [
      "NamedToolChoice",
      {
        type: "object",
        required: ["type", "function"],
        properties: { type: { type: "string", enum: ["function"] }, function: { type: "object", required: ["name"], properties: { name: { type: "string" } } } },
      },
    ],
    [
      "ToolCall",
      {
        type: "object",
        required: ["id", "type", "function"],
        properties: {
          id: { type: "string" },
          type: { type: "string", const: "function" },
          function: { type: "object", required: ["name", "arguments"], properties: { name: { type: "string" }, arguments: { type: "string" } } },
        },
      },
    ],
    [
      "StopConfiguration",
      {
        description: "Up to 4 sequences where the API will stop generating further tokens.",
        default: null,
        oneOf: [{ type: "string", default: "<|endoftext|>" }, { type: "array", minItems: 1, maxItems: 4, items: { type: "string" } }, nullType],
      },
    ],
    [
      "Prompt",
      {
        oneOf: [
          { type: "string" },
          { type: "array", items: { type: "string" } },
          { type: "array", items: { type: "integer" } },
          { type: "array", items: { type: "array", items: { type: "integer" } } },
        ],
      },
    ],
    // Recursion: self, mutual, through properties, arrays, additionalProperties, allOf and oneOf.
    [
      "JsonValue",
      {
        description: "Any JSON value.",
        oneOf: [
          { type: "string" },
          { type: "number" },
          { type: "boolean" },
          nullType,
          { type: "array", items: schemaRef("JsonValue") },
          { type: "object", additionalProperties: schemaRef("JsonValue") },
        ],
      },
    ],
    ["JsonObject", { type: "object", additionalProperties: schemaRef("JsonValue") }],
    ["RecursiveMap", { type: "object", additionalProperties: schemaRef("RecursiveMap") }],
    ["NestedList", { oneOf: [{ type: "string" }, { type: "array", items: schemaRef("NestedList") }] }],
    [
      "TreeNode",
      {
        type: "object",
        required: ["id", "children"],
        properties: {
          id: { type: "string" },
          children: { type: "array", items: schemaRef("TreeNode") },
          parent: { anyOf: [schemaRef("TreeNode"), nullType] },
          by_name: { type: "object", additionalProperties: schemaRef("TreeNode") },
        },
      },
    ],
    ["Graph", { type: "object", required: ["nodes"], properties: { nodes: { type: "object", additionalProperties: schemaRef("GraphNode") } } }],
    ["GraphNode", { type: "object", properties: { edges: { type: "array", items: schemaRef("GraphEdge") }, graph: schemaRef("Graph") } }],
    ["GraphEdge", { type: "object", required: ["target"], properties: { target: schemaRef("GraphNode"), weight: { type: "number" } } }],
    ["ListNodeBase", { type: "object", required: ["value"], properties: { value: schemaRef("JsonValue") } }],
    ["LinkedListNode", { allOf: [schemaRef("ListNodeBase"), { type: "object", properties: { next: { anyOf: [schemaRef("LinkedListNode"), nullType] } } }] }],
    ["Person", { type: "object", required: ["name"], properties: { name: { type: "string" }, email: { type: "string", format: "email" } } }],
    [
      "Employee",
      {
        allOf: [
          schemaRef("Person"),
          { type: "object", properties: { manager: { oneOf: [schemaRef("Employee"), nullType] }, reports: { type: "array", items: schemaRef("Employee") } } },
        ],
      },
    ],
    [
      "Folder",
      { type: "object", required: ["name", "entries"], properties: { name: { type: "string" }, entries: { type: "array", items: schemaRef("FolderEntry") } } },
    ],
    ["FolderEntry", { oneOf: [schemaRef("Folder"), schemaRef("Document")] }],
    ["Document", { type: "object", required: ["name"], properties: { name: { type: "string" }, parent: schemaRef("Folder"), size: { type: "integer", format: "int64" } } }],
    [
      "Expression",
      {
        oneOf: all(["BinaryExpression", "UnaryExpression", "LiteralExpression", "FunctionCall"]),
        discriminator: {
          propertyName: "kind",
          mapping: {
            binary: "#/components/schemas/BinaryExpression",
            unary: "#/components/schemas/UnaryExpression",
            literal: "#/components/schemas/LiteralExpression",
            call: "#/components/schemas/FunctionCall",
          },
        },
      },
    ],
    [
      "BinaryExpression",
      {
        type: "object",
        required: ["kind", "op", "left", "right"],
        properties: {
          kind: { type: "string", const: "binary" },
          op: { type: "string", enum: ["+", "-", "*", "/", "==", "!=", "&&", "||"] },
          left: schemaRef("Expression"),
          right: schemaRef("Expression"),
        },
      },
    ],
    [
      "UnaryExpression",
      { type: "object", required: ["kind", "op", "operand"], properties: { kind: { type: "string", const: "unary" }, op: { type: "string", enum: ["!", "-"] }, operand: schemaRef("Expression") } },
    ],
    [
      "LiteralExpression",
      { type: "object", required: ["kind", "value"], properties: { kind: { type: "string", const: "literal" }, value: { type: ["string", "number", "boolean", "null"] } } },
    ],
    [
      "FunctionCall",
      {
        type: "object",
        required: ["kind", "name", "arguments"],
        properties: {
          kind: { type: "string", const: "call" },
          name: { type: "string" },
          arguments: { type: "array", items: schemaRef("Expression") },
          named_arguments: { type: "object", additionalProperties: schemaRef("Expression") },
        },
      },
    ],
    ["Condition", { oneOf: all(["AndCondition", "OrCondition", "NotCondition", "FieldCondition"]) }],
    ["AndCondition", { type: "object", required: ["and"], properties: { and: { type: "array", items: schemaRef("Condition") } }, additionalProperties: false }],
    ["OrCondition", { type: "object", required: ["or"], properties: { or: { type: "array", items: schemaRef("Condition") } }, additionalProperties: false }],
    ["NotCondition", { type: "object", required: ["not"], properties: { not: schemaRef("Condition") }, additionalProperties: false }],
    [
      "FieldCondition",
      {
        type: "object",
        required: ["field", "op"],
        properties: {
          field: { type: "string" },
          op: { type: "string", enum: ["eq", "ne", "gt", "gte", "lt", "lte", "in", "nin", "contains"] },
          value: schemaRef("JsonValue"),
        },
      },
    ],
    [
      "SearchRequest",
      {
        type: "object",
        required: ["query"],
        properties: {
          query: { type: "string", minLength: 1 },
          filter: schemaRef("Condition"),
          sort: { type: "array", items: { type: "object", required: ["field"], properties: { field: { type: "string" }, direction: { type: "string", enum: ["asc", "desc"] } } } },
          where: schemaRef("Expression"),
        },
      },
    ],
    // Documentation text that must not break the output.
    [
      "DescriptionTorture",
      {
        type: "object",
        title: "Torture */ title `${x}`",
        description: hostileTexts.join("\n\n"),
        properties: {
          comment: { type: "string", description: hostileTexts[0]!, default: "*/ default", examples: ["*/", "${x}"] },
          template: { type: "string", description: hostileTexts[1]! },
          tags: { type: "string", description: hostileTexts[2]! },
          glob: { type: "string", description: hostileTexts[3]!, deprecated: true },
          breaks: { type: "string", description: hostileTexts[4]! },
          quotes: { type: "string", description: hostileTexts[5]!, title: "`*/`" },
          nested: { type: "object", description: "Referenced directly by RefToNestedProperty. */", properties: { deep: { type: "string" } } },
        },
      },
    ],
    ["RefToNestedProperty", { $ref: "#/components/schemas/DescriptionTorture/properties/nested" }],
    [
      "WeirdKeys",
      {
        type: "object",
        required: ["filter[name]", "class"],
        properties: {
          "filter[name]": { type: "string" },
          "X-Request-ID": { type: "string" },
          class: { type: "string" },
          default: { type: "boolean" },
          "1st_place": { type: "integer" },
          "with space": { type: "string" },
          "": { type: "string", description: "The empty key." },
          constructor: { type: "string" },
          // Computed: a plain `__proto__:` key in a literal would set the prototype instead.
          ["__proto__"]: { type: "string" },
          type: { type: "string" },
          items: { type: "array", items: { type: "string" } },
          enum: { type: "string" },
          "ünïcödé": { type: "string" },
          "kebab-case-key": { type: "object", properties: { "inner-key": { type: "string" } } },
        },
      },
    ],
    [
      "DeepConfig",
      {
        type: "object",
        properties: {
          level1: {
            type: "object",
            properties: {
              level2: {
                type: "object",
                properties: { level3: { type: "object", properties: { level4: { type: "string", enum: ["deep", "deeper"] } } } },
              },
            },
          },
        },
      },
    ],
    ["LegacyThing", { type: "object", deprecated: true, description: "Deprecated. Use Foo.", properties: { old: { type: "string", deprecated: true } } }],
    ["AnyValue", {}],
    ["NotString", { not: { type: "string" } }],
    ["BooleanSchemas", { type: "object", properties: { anything: true, count: { type: "integer" } } }],
    ["ArrayOfArrays", { type: "array", items: { type: "array", items: { type: "array", items: { type: "number" } } } }],
    ["ArrayOfUnion", { type: "array", items: { oneOf: [{ type: "string" }, schemaRef("Foo"), schemaRef("foo")] } }],
    ["ArrayOfNullable", { type: "array", items: { type: ["string", "null"] } }],
    ["2fa_settings", { type: "object", properties: { enabled: { type: "boolean" }, methods: { type: "array", items: { type: "string", enum: ["totp", "sms", "webauthn"] } } } }],
    ["v1.ModelRef", { type: "object", required: ["name"], properties: { name: { type: "string" }, revision: { type: "string" } } }],
  ];
}

function chatMessage(): JsonObject {
  return {
    type: "object",
    required: ["role", "content"],
    properties: {
      role: { type: "string", enum: ["system", "developer", "user", "assistant", "tool"] },
      content: {
        description: "The contents of the message: text, or an array of content parts.",
        anyOf: [{ type: "string" }, { type: "array", items: schemaRef("ContentPart") }, nullType],
      },
      name: { type: "string" },
      tool_calls: { type: "array", items: schemaRef("ToolCall") },
      tool_choice: schemaRef("ToolChoice"),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Fixed operations with edge-case names
// ---------------------------------------------------------------------------------------------

const errorDefault: JsonObject = { description: "Error.", content: json(schemaRef("Error")) };

function fixedOperations(builder: SpecBuilder): void {
  builder.tags.push("misc");
  const ok = (schema: JsonObject): JsonObject => ({ "200": { description: "OK", content: json(schema) }, default: errorDefault });
  builder.addOperation("/health", "get", {
    operationId: "health",
    tags: ["misc"],
    security: [],
    summary: "Liveness probe.",
    responses: { "200": { description: "Alive.", content: { "text/plain": { schema: { type: "string", const: "ok" } } } } },
  });
  // `listEngines` and `list_engines` are different ids with the same camelCase name.
  builder.addOperation("/v1/engines", "get", { operationId: "listEngines", tags: ["misc"], deprecated: true, responses: ok({ type: "array", items: schemaRef("v1.ModelRef") }) });
  builder.addOperation("/v2/engines", "get", { operationId: "list_engines", tags: ["misc"], responses: ok({ type: "array", items: schemaRef("v1.ModelRef") }) });
  // Reserved words and runtime exports as operation names.
  builder.addOperation("/v1/legacy/{name}", "delete", {
    operationId: "delete",
    tags: ["misc"],
    parameters: [{ name: "name", in: "path", required: true, schema: { type: "string" } }],
    responses: { "204": { description: "Deleted." }, "404": responseRef("NotFound") },
  });
  builder.addOperation("/v1/requests/{request_id}", "get", {
    operationId: "request",
    tags: ["misc"],
    parameters: [{ name: "request_id", in: "path", required: true, schema: { type: "string" } }],
    responses: ok(schemaRef("Request")),
  });
  // No operationId: named from the route.
  builder.addOperation("/v1/promises", "get", { tags: ["misc"], parameters: [parameterRef("Limit")], responses: ok(schemaRef("Array")) });
  builder.addOperation("/v1/session", "get", {
    operationId: "getSession",
    tags: ["misc"],
    security: [{ QueryKey: [] }, {}],
    parameters: [{ name: "session_id", in: "cookie", required: true, schema: { type: "string" } }],
    responses: ok(schemaRef("Client")),
  });
  // The same schema (with readOnly and writeOnly required properties) in and out.
  builder.addOperation("/v1/accounts/{account_id}", "put", {
    operationId: "replaceAccount",
    tags: ["misc"],
    parameters: [{ name: "account_id", in: "path", required: true, schema: { type: "string", format: "uuid" } }],
    requestBody: { required: true, content: json(schemaRef("Account")) },
    responses: { "200": { description: "OK", content: json(schemaRef("Account")) }, "422": responseRef("ValidationFailed") },
  });
  builder.addOperation("/v1/metadata/{object_id}", "patch", {
    operationId: "patchMetadata",
    tags: ["misc"],
    parameters: [{ name: "object_id", in: "path", required: true, schema: { type: "string" } }],
    requestBody: { $ref: "#/components/requestBodies/MetadataPatch" },
    responses: { "200": { description: "OK", content: { "application/json": { schema: schemaRef("Foo"), examples: { foo: { $ref: "#/components/examples/FooExample" } } } } } },
  });
}

// ---------------------------------------------------------------------------------------------
// Resource groups
// ---------------------------------------------------------------------------------------------

type Style = "openai" | "stripe" | "fastapi" | "together";
type OpKind =
  | "list"
  | "create"
  | "retrieve"
  | "update"
  | "delete"
  | "custom"
  | "stream"
  | "upload"
  | "download"
  | "subList"
  | "subRetrieve"
  | "head"
  | "batch"
  | "search";

interface Group {
  index: number;
  plural: string;
  singular: string;
  /** Words used in names: `admin_fine_tune` for a namespaced group. */
  nameBase: string;
  basePath: string;
  style: Style;
  idParam: string;
  kinds: OpKind[];
  /** Component keys (absent when the style inlines that schema). */
  resource: string;
  create?: string;
  update?: string;
  list?: string;
  event?: string;
  deleted?: string;
  subResource: string;
  verb: string;
  /** FastAPI handlers end in `_route` in some services. */
  routeSuffix: boolean;
}

const hubCount = 5;
const nouns = [
  "models", "files", "fine_tunes", "batches", "endpoints", "vector_stores", "assistants", "threads", "messages",
  "runs", "embeddings", "completions", "images", "transcriptions", "moderations", "evals", "projects", "users",
  "invites", "api_keys", "organizations", "customers", "invoices", "subscriptions", "charges", "refunds", "payouts",
  "disputes", "products", "prices", "coupons", "webhook_endpoints", "events", "hardware_configs", "jobs", "clusters",
  "deployments", "datasets", "checkpoints", "secrets", "volumes", "snapshots", "certificates", "domains", "regions",
  "quotas", "usage_records", "audit_logs", "containers", "sessions", "uploads", "tools", "prompts", "voices",
  "workspaces", "packages", "classes", "alerts", "reports", "schedules", "pipelines",
];
const namespaces = ["admin", "beta", "org", "internal", "legacy", "partner"];
const forcedStyles: Readonly<Record<string, Style>> = { files: "openai", packages: "stripe", classes: "together" };
const verbs = ["cancel", "pause", "resume", "archive", "restore", "start", "stop", "deploy", "retry", "verify", "finalize", "refresh"];
const subResources = ["versions", "steps", "checkpoints", "logs", "members", "attempts", "annotations", "revisions"];
const statusSets: readonly (readonly string[])[] = [
  ["queued", "in_progress", "completed", "failed", "cancelled"],
  ["active", "inactive", "deleted"],
  ["pending", "running", "succeeded", "failed", "cancel_requested", "cancelled"],
  ["draft", "open", "paid", "uncollectible", "void"],
  ["PENDING", "Pending", "pending", "READY"],
  ["validating", "in-progress", "in_progress", "finalizing", "expired", ""],
];

function planGroups(builder: SpecBuilder, budget: number): Group[] {
  const { rng } = builder;
  const order = rng.shuffle(nouns);
  const groups: Group[] = [];
  let planned = 0;
  for (let index = 0; planned < budget; index++) {
    const plural = order[index % order.length]!;
    const round = Math.floor(index / order.length);
    const namespace = round === 0 ? undefined : (namespaces[round - 1] ?? `ns${round}`);
    const singular = singularOf(plural);
    const nameBase = namespace === undefined ? singular : `${namespace}_${singular}`;
    const styles: Style[] = ["openai", "stripe", "fastapi", "together"];
    const style =
      forcedStyles[plural] ?? (index < styles.length ? styles[index]! : rng.weighted<Style>([["openai", 35], ["stripe", 25], ["fastapi", 20], ["together", 20]]));
    const kinds: OpKind[] = ["list", "create", "retrieve"];
    if (index % 5 === 1) kinds.push("stream");
    if (index % 7 === 2) kinds.push("upload");
    if (index % 9 === 3) kinds.push("download");
    if (index % 6 === 4) kinds.push("search");
    if (index % 8 === 5) kinds.push("batch");
    const extras: [OpKind, number][] = [["update", 0.65], ["delete", 0.6], ["custom", 0.5], ["subList", 0.35], ["subRetrieve", 0.25], ["head", 0.12]];
    for (const [kind, probability] of extras) if (rng.chance(probability)) kinds.push(kind);
    const taken = kinds.slice(0, budget - planned);
    planned += taken.length;
    const idParam =
      plural === "packages" || plural === "classes" ? singular : style === "stripe" ? singular : style === "together" ? "id" : `${singular}_id`;
    const basePath = namespace === undefined ? `/v1/${plural}` : `/v1/${namespace}/${plural}`;
    groups.push({
      index,
      plural,
      singular,
      nameBase,
      basePath,
      style,
      idParam,
      kinds: taken,
      resource: "",
      subResource: rng.pick(subResources),
      verb: rng.pick(verbs),
      routeSuffix: rng.chance(0.5),
    });
  }
  for (const group of groups) claimGroupKeys(builder, group);
  return groups;
}

/** The style's spelling of a schema name built from words (`FineTuneUsage` / `fine_tune_usage` / `admin.fine_tune`). */
function styledName(group: Group, ...parts: string[]): string {
  const base = [group.nameBase, ...parts].join("_");
  return group.style === "stripe" ? snake(base) : pascal(base);
}

function claimGroupKeys(builder: SpecBuilder, group: Group): void {
  const P = pascal(group.nameBase);
  const has = (kind: OpKind) => group.kinds.includes(kind);
  switch (group.style) {
    case "openai":
      group.resource = builder.claimKey(P);
      if (has("create") || has("batch")) group.create = builder.claimKey(`Create${P}Request`);
      if (has("update")) group.update = builder.claimKey(`Modify${P}Request`);
      if (has("list") || has("search")) group.list = builder.claimKey(`List${pascal(group.nameBase.replace(group.singular, group.plural))}Response`);
      if (has("stream")) group.event = builder.claimKey(`${P}StreamEvent`);
      if (has("delete")) group.deleted = builder.claimKey(`Delete${P}Response`);
      break;
    case "stripe": {
      // Stripe: snake_case names, dotted namespaces, bodies inline (form-encoded), `deleted_<x>` objects.
      const key = group.nameBase.includes("_") && group.nameBase !== group.singular ? group.nameBase.replace("_", ".") : group.singular;
      group.resource = builder.claimKey(key);
      if (has("stream")) group.event = builder.claimKey(`${snake(group.nameBase)}_event`);
      if (has("delete")) group.deleted = builder.claimKey(`deleted_${snake(group.nameBase)}`);
      break;
    }
    case "fastapi":
      group.resource = builder.claimKey(`${P}Response`);
      if (has("create") || has("batch")) group.create = builder.claimKey(`${P}Create`);
      if (has("update")) group.update = builder.claimKey(`${P}Update`);
      if (has("list") || has("search")) group.list = builder.claimKey(`${P}ListResponse`);
      if (has("stream")) group.event = builder.claimKey(`${P}Event`);
      break;
    case "together":
      group.resource = builder.claimKey(P);
      if (has("create") || has("batch")) group.create = builder.claimKey(`Create${P}Request`);
      if (has("list") || has("search")) group.list = builder.claimKey(`${P}List`);
      if (has("stream")) group.event = builder.claimKey(`${P}Chunk`);
      break;
  }
}

function addGroupSchemas(builder: SpecBuilder, group: Group, groups: readonly Group[]): void {
  const { rng } = builder;
  const fastapi = group.style === "fastapi";
  const title = (text: string): JsonObject => (fastapi ? { title: text } : {});
  // Both 3.1 spellings; FastAPI always writes anyOf.
  const nullable = (schema: JsonObject): JsonObject => {
    const type = schema["type"];
    return rng.chance(0.5) || fastapi || typeof type !== "string" ? { anyOf: [schema, nullType] } : { ...schema, type: [type, "null"] };
  };
  const statuses = rng.pick(statusSets);
  // The first groups are hubs (think customer, project): every resource links to one, hubs to each other.
  const other = groups.length > 1 ? groups[(group.index * 7 + 3) % Math.min(groups.length, hubCount)]! : undefined;
  const properties: JsonObject = {
    id: { type: "string", readOnly: true, description: `The ${words(group.singular).join(" ")} identifier, which can be referenced in API endpoints.`, ...title("Id") },
    object: group.style === "stripe" ? { type: "string", enum: [group.singular], description: "String representing the object's type." } : { type: "string", const: group.singular },
    [group.style === "stripe" ? "created" : "created_at"]: { type: "integer", format: "int64", description: "Unix timestamp (seconds).", examples: [1714560000] },
    status: { type: "string", enum: [...statuses], description: rng.chance(0.2) ? rng.pick(hostileTexts) : "Current status.", ...title("Status") },
    name: { ...nullable({ type: "string", maxLength: 256 }), ...title("Name") },
    metadata: group.style === "stripe" ? { type: "object", additionalProperties: { type: "string", maxLength: 500 } } : rng.chance(0.5) ? schemaRef("Metadata") : { anyOf: [schemaRef("Metadata"), nullType] },
    usage: {
      type: "object",
      description: "Usage so far.",
      properties: { units: { type: "integer", format: "int64" }, cost_usd: { type: "number" }, window: { type: "string", enum: ["hour", "day", "month"] } },
    },
  };
  if (other !== undefined && other !== group) {
    // Cross-group references make resources mutually recursive (Stripe's expandable fields, OpenAI's nested objects).
    properties[`${other.singular}`] =
      group.style === "stripe"
        ? { anyOf: [{ type: "string", maxLength: 5000 }, schemaRef(other.resource)], description: "ID or expanded object.", "x-expansionResources": { oneOf: [schemaRef(other.resource)] } }
        : nullable(schemaRef(other.resource));
  }
  if (group.style === "together") {
    properties["api_secret"] = { type: "string", writeOnly: true, description: "Only ever sent, never returned." };
    properties["tags"] = { type: "array", items: { type: "string" }, maxItems: 10 };
  }
  if (group.index % 4 === 0) properties["config"] = schemaRef(rng.pick(["DeepConfig", "AdditionalRef", "PatternWithProps", "BoundingBox", "NullablesShowcase", "EnumShowcase"]));
  if (group.index % 5 === 2) properties["content"] = { type: "array", items: schemaRef("ContentPart") };
  if (group.index % 6 === 3) properties["expression"] = schemaRef("Expression");
  builder.addSchema(group.resource, {
    type: "object",
    ...(fastapi ? { title: pascal(group.resource) } : {}),
    description: `Represents a ${words(group.singular).join(" ")}.${rng.chance(0.25) ? ` ${rng.pick(hostileTexts)}` : ""}`,
    required: ["id", "object", group.style === "stripe" ? "created" : "created_at", "status"],
    properties,
    ...(group.style === "stripe" ? { "x-resourceId": group.singular, "x-expandableFields": [other?.singular ?? "usage"] } : {}),
  });

  const writable: JsonObject = {
    name: { type: "string", maxLength: 256, ...title("Name") },
    description: { type: "string", description: rng.pick(hostileTexts) },
    metadata: schemaRef("Metadata"),
  };
  if (group.create !== undefined) {
    builder.addSchema(group.create, {
      type: "object",
      required: ["name"],
      properties: {
        ...writable,
        mode: { type: "string", enum: ["sync", "async", "Async"], default: "async" },
        options: { type: "object", properties: { priority: { type: "integer", minimum: 0, maximum: 9 }, tags: { type: "array", items: { type: "string" } } } },
        ...(group.index % 3 === 0 ? { template: { anyOf: [{ type: "string" }, schemaRef("JsonObject")] } } : {}),
      },
      ...(group.index % 5 === 0 ? { additionalProperties: false } : {}),
    });
  }
  if (group.update !== undefined) {
    builder.addSchema(group.update, { type: "object", properties: { ...writable, status: { type: "string", enum: ["active", "inactive"] } } });
  }
  if (group.list !== undefined) {
    const item = schemaRef(group.resource);
    builder.addSchema(
      group.list,
      fastapi
        ? { type: "object", title: group.list, required: ["items", "total"], properties: { items: { type: "array", items: item, title: "Items" }, total: { type: "integer", title: "Total" }, page: nullable({ type: "integer" }), size: nullable({ type: "integer" }) } }
        : {
            type: "object",
            required: ["object", "data", "has_more"],
            properties: {
              object: group.style === "together" ? { type: "string", enum: ["list"] } : { type: "string", const: "list" },
              data: { type: "array", items: item },
              first_id: { type: ["string", "null"] },
              last_id: { anyOf: [{ type: "string" }, nullType] },
              has_more: { type: "boolean" },
            },
          },
    );
  }
  if (group.event !== undefined) {
    builder.addSchema(group.event, {
      type: "object",
      description: "One server-sent event of the stream.",
      required: ["event", "data"],
      properties: {
        event: { type: "string", enum: [`${group.singular}.created`, `${group.singular}.in_progress`, `${group.singular}.delta`, `${group.singular}.completed`, "error", "done"] },
        data: { oneOf: [schemaRef(group.resource), schemaRef("Error"), { type: "object", properties: { delta: { type: "string" } } }] },
        sequence_number: { type: "integer" },
      },
    });
  }
  if (group.deleted !== undefined) {
    builder.addSchema(group.deleted, {
      type: "object",
      required: ["id", "object", "deleted"],
      properties: {
        id: { type: "string" },
        object: { type: "string", enum: [group.style === "stripe" ? group.singular : `${group.singular}.deleted`] },
        deleted: { type: "boolean", enum: [true] },
      },
    });
  }
}

function operationId(group: Group, kind: OpKind, method: Method, path: string, rng: Random): string | undefined {
  const { nameBase: base } = group;
  const plural = group.nameBase.replace(group.singular, group.plural);
  const action: Record<OpKind, string> = {
    list: `list_${plural}`,
    create: `create_${base}`,
    retrieve: `retrieve_${base}`,
    update: `modify_${base}`,
    delete: `delete_${base}`,
    custom: `${group.verb}_${base}`,
    stream: `stream_${base}_events`,
    upload: `upload_${base}_file`,
    download: `download_${base}_content`,
    subList: `list_${base}_${group.subResource}`,
    subRetrieve: `retrieve_${base}_${singularOf(group.subResource)}`,
    head: `check_${base}_exists`,
    batch: `batch_create_${plural}`,
    search: `search_${plural}`,
  };
  const phrase = action[kind];
  switch (group.style) {
    case "openai":
      return rng.chance(0.06) ? undefined : camel(phrase);
    case "stripe":
      // Stripe: method + path words, e.g. GetCustomersCustomer.
      return pascal(method) + path.split("/").filter((segment) => segment !== "" && segment !== "v1").map((segment) => pascal(segment.replace(/[{}:]/g, "_"))).join("");
    case "fastapi":
      return `${phrase}${group.routeSuffix ? "_route" : ""}${path.replace(/\W/g, "_")}_${method}`;
    case "together":
      return rng.chance(0.2) ? undefined : kebab(phrase);
  }
}

function errorResponses(group: Group): JsonObject {
  switch (group.style) {
    case "openai":
      return { "401": responseRef("Unauthorized"), "404": responseRef("NotFound"), "429": responseRef("RateLimited"), default: errorDefault };
    case "stripe":
      return { default: { description: "Error response.", content: json(schemaRef("error")) } };
    case "fastapi":
      return { "404": { description: "Not Found", content: json(schemaRef("Error")) }, "422": responseRef("ValidationFailed") };
    case "together":
      return {
        "4XX": { description: "Client error.", content: json(schemaRef("Error")) },
        "5XX": { description: "Server error.", content: json(schemaRef("Error")) },
      };
  }
}

function requestBody(group: Group, schema: JsonObject, required: boolean | undefined, description?: string): JsonObject {
  const content: JsonObject =
    group.style === "stripe"
      ? { "application/x-www-form-urlencoded": { schema, encoding: { metadata: { explode: true, style: "deepObject" } } } }
      : json(schema);
  return { ...(required === undefined ? {} : { required }), ...(description === undefined ? {} : { description }), content };
}

function addGroupOperations(builder: SpecBuilder, group: Group, groups: readonly Group[]): void {
  const { rng } = builder;
  const tag = pascal(group.nameBase.replace(group.singular, group.plural));
  builder.tags.push(tag);
  const itemPath = `${group.basePath}/{${group.idParam}}`;
  const idParameter: JsonObject = {
    name: group.idParam,
    in: "path",
    required: true,
    description: `The ID of the ${words(group.singular).join(" ")}.`,
    schema: group.style === "fastapi" ? { type: "string", title: pascal(group.idParam) } : group.index % 3 === 0 ? { type: "string", format: "uuid" } : { type: "string" },
  };
  // Together declares the id once on the path item; the others on each operation.
  const onPathItem = group.style === "together";
  const idParameters = onPathItem ? [] : [idParameter];
  const pathItemParameters = onPathItem ? [idParameter] : undefined;
  const resource = schemaRef(group.resource);
  const errors = errorResponses(group);
  const ok = (status: string, schema: JsonObject | undefined, description = "OK"): JsonObject => ({
    [status]: schema === undefined ? { description } : { description, content: json(schema) },
    ...errors,
  });
  const inlineWritable = (): JsonObject => ({
    type: "object",
    properties: {
      name: { type: "string", maxLength: 256 },
      description: { type: "string" },
      metadata: { type: "object", additionalProperties: { type: "string" } },
      expand: { type: "array", items: { type: "string", maxLength: 5000 } },
    },
  });
  const listSchema = (): JsonObject =>
    group.list !== undefined
      ? schemaRef(group.list)
      : {
          type: "object",
          title: `${group.singular}_list`,
          required: ["object", "data", "has_more", "url"],
          properties: {
            object: { type: "string", enum: ["list"] },
            data: { type: "array", items: resource },
            has_more: { type: "boolean" },
            url: { type: "string", maxLength: 5000, pattern: `^${group.basePath}` },
          },
        };
  const base = (kind: OpKind, method: Method, path: string, extra: JsonObject): boolean => {
    const id = operationId(group, kind, method, path, rng);
    const summary = rng.chance(0.1) ? `${kind} ${group.plural}: ${rng.pick(hostileTexts)}` : `${pascal(kind)} ${words(group.plural).join(" ")}`;
    const operation: JsonObject = { ...(id === undefined ? {} : { operationId: id }), tags: [tag], summary, ...extra };
    if (group.style === "stripe") operation["security"] = [{ BasicAuth: [] }, { ApiKeyAuth: [] }];
    return builder.addOperation(path, method, operation, path.startsWith(itemPath) ? pathItemParameters : undefined);
  };

  for (const kind of group.kinds) {
    switch (kind) {
      case "list": {
        const parameters: Json[] =
          group.style === "stripe"
            ? [parameterRef("Created"), { name: "ending_before", in: "query", schema: { type: "string", maxLength: 5000 } }, parameterRef("Expand"), parameterRef("Limit"), { name: "starting_after", in: "query", schema: { type: "string" } }]
            : [parameterRef("Limit"), parameterRef("After"), parameterRef("Order")];
        if (group.index % 2 === 0) parameters.push(parameterRef("FilterName"));
        if (group.index % 3 === 1) parameters.push(parameterRef("FilterCreatedGte"), parameterRef("Include"));
        if (group.index % 4 === 2) parameters.push(parameterRef("Class"), parameterRef("Default"));
        if (group.index % 5 === 3) parameters.push(parameterRef("RequestId"));
        if (group.index % 7 === 4) parameters.push({ name: "where", in: "query", content: json(schemaRef("Condition")) });
        parameters.push({
          name: "status",
          in: "query",
          description: "Only objects in these states.",
          schema: group.index % 2 === 0 ? { type: "array", items: { type: "string", enum: ["active", "archived", "all"] } } : { type: "string", enum: ["active", "archived", "all"] },
        });
        base(kind, "get", group.basePath, { parameters, responses: ok("200", listSchema()) });
        break;
      }
      case "create": {
        const body = group.create !== undefined ? schemaRef(group.create) : { ...inlineWritable(), required: ["name"] };
        base(kind, "post", group.basePath, {
          parameters: [parameterRef("IdempotencyKey"), ...(group.index % 2 === 1 ? [parameterRef("RequestId")] : [])],
          requestBody: requestBody(group, body, true),
          responses: ok(group.style === "openai" ? "200" : "201", resource, "Created."),
        });
        break;
      }
      case "retrieve":
        base(kind, "get", itemPath, {
          parameters: [...idParameters, ...(group.style === "stripe" ? [parameterRef("Expand")] : [])],
          responses: ok("200", resource),
        });
        break;
      case "update": {
        const method: Method = group.style === "openai" || group.style === "stripe" ? "post" : "patch";
        const schema = group.update !== undefined ? schemaRef(group.update) : group.style === "together" ? resource : inlineWritable();
        base(kind, method, itemPath, {
          parameters: idParameters,
          // Optional bodies: `required` absent or false.
          requestBody: requestBody(group, schema, group.index % 2 === 0 ? false : undefined, "Fields to change; absent fields are kept."),
          responses: ok("200", resource),
        });
        break;
      }
      case "delete":
        base(kind, "delete", itemPath, {
          parameters: idParameters,
          responses: group.deleted !== undefined ? ok("200", schemaRef(group.deleted)) : ok("204", undefined, "Deleted."),
        });
        break;
      case "custom": {
        const path = group.style === "stripe" ? `${itemPath}/${group.verb}` : `${itemPath}:${group.verb}`;
        const parameters: Json[] = [...idParameters];
        // Together: a query parameter with the same name as the path parameter.
        if (group.style === "together") parameters.push({ name: "id", in: "query", description: "Client token (not the path id).", schema: { type: "string" } });
        base(kind, "post", path, {
          parameters,
          ...(rng.chance(0.5) ? { requestBody: requestBody(group, { type: "object", properties: { reason: { type: "string", enum: ["requested_by_customer", "duplicate", "fraudulent"] } } }, false) } : {}),
          responses: { ...ok("200", resource), "409": { description: `The ${group.singular} cannot be ${group.verb}ed in its current state.`, content: json(schemaRef("Error")) } },
        });
        break;
      }
      case "stream": {
        const event = schemaRef(group.event ?? "JsonValue");
        const sse = { "text/event-stream": { schema: event } };
        const dual = group.index % 2 === 0;
        base(kind, "post", `${itemPath}:stream`, {
          parameters: idParameters,
          description: "Streams progress as server-sent events. Each `data:` line is one JSON event; the stream ends with `data: [DONE]`.",
          requestBody: requestBody(group, { type: "object", properties: { stream: { type: "boolean", default: true }, messages: { type: "array", items: schemaRef("ChatMessage") }, stop: schemaRef("StopConfiguration"), tool_choice: schemaRef("ToolChoice"), prompt: schemaRef("Prompt") } }, true),
          responses: {
            // Some vendors answer JSON or SSE depending on `stream`; others only SSE.
            "200": { description: "The event stream.", content: dual ? { "application/json": { schema: resource }, ...sse } : sse },
            ...errors,
          },
        });
        break;
      }
      case "upload": {
        const multipart = group.index % 3 !== 0;
        const file: JsonObject = { type: "string", format: "binary", description: "The file to upload." };
        let bodySchema: JsonObject = {
          type: "object",
          required: ["file", "purpose"],
          properties: {
            file,
            purpose: { type: "string", enum: ["fine-tune", "batch", "assistants", "user_data", "evals"] },
            chunk_size: { type: "integer", minimum: 1 },
            metadata: { type: "string", description: "JSON-encoded metadata." },
            files: { type: "array", items: { type: "string", format: "binary" } },
          },
        };
        if (multipart && group.style === "fastapi") {
          // FastAPI names multipart bodies `Body_<operationId>`.
          const id = operationId(group, kind, "post", `${itemPath}/files`, rng)!;
          const key = builder.claimKey(`Body_${id}`);
          builder.addSchema(key, { ...bodySchema, title: key });
          bodySchema = schemaRef(key);
        }
        base(kind, multipart ? "post" : "put", multipart ? `${itemPath}/files` : `${itemPath}/content`, {
          parameters: idParameters,
          requestBody: multipart
            ? { required: true, content: { "multipart/form-data": { schema: bodySchema, encoding: { file: { contentType: "application/octet-stream" } } } } }
            : { required: true, content: { "application/octet-stream": { schema: { type: "string", format: "binary" } } } },
          responses: ok("201", resource, "Uploaded."),
        });
        break;
      }
      case "download":
        base(kind, "get", `${itemPath}/content`, {
          parameters: [...idParameters, { name: "Range", in: "header", schema: { type: "string", pattern: "^bytes=" } }],
          responses: {
            "200": { description: "The raw bytes.", content: { "application/octet-stream": { schema: { type: "string", format: "binary" } } } },
            "206": { description: "Partial content.", content: { "application/octet-stream": { schema: { type: "string", contentEncoding: "binary" } } } },
            ...errors,
          },
        });
        break;
      case "subList": {
        const item = rng.pick(catalogObjectNames);
        base(kind, "get", `${itemPath}/${group.subResource}`, {
          parameters: [...idParameters, parameterRef("Limit"), parameterRef("After")],
          responses: ok("200", { type: "object", required: ["data"], properties: { data: { type: "array", items: schemaRef(item) }, next_cursor: { type: ["string", "null"] } } }),
        });
        break;
      }
      case "subRetrieve": {
        const subId = `${singularOf(group.subResource)}_id`;
        base(kind, "get", `${itemPath}/${group.subResource}/{${subId}}`, {
          parameters: [...idParameters, { name: subId, in: "path", required: true, schema: { type: "integer", format: "int64" } }],
          responses: ok("200", schemaRef(rng.pick(catalogObjectNames))),
        });
        break;
      }
      case "head":
        base(kind, "head", itemPath, { parameters: idParameters, responses: { "200": { description: "Exists." }, "404": { description: "Does not exist." } } });
        break;
      case "batch": {
        const item = group.create !== undefined ? schemaRef(group.create) : inlineWritable();
        base(kind, "post", `${group.basePath}:batchCreate`, {
          requestBody: requestBody(group, { type: "array", items: item, minItems: 1, maxItems: 100 }, true),
          responses: ok("200", { type: "array", items: resource }),
        });
        break;
      }
      case "search": {
        const other = groups[(group.index + 1) % groups.length]!;
        base(kind, "post", `${group.basePath}/search`, {
          parameters: [
            parameterRef("FeatureFlags"),
            parameterRef("Include"),
            // A parameter named like the body property.
            { name: "body", in: "query", description: "Search in message bodies too.", schema: { type: "boolean" } },
          ],
          requestBody: { required: true, content: json(schemaRef("SearchRequest")) },
          responses: {
            ...ok("200", listSchema()),
            "202": { description: "Search is still running.", content: json({ type: "object", properties: { search_id: { type: "string" }, related: schemaRef(other.resource) } }) },
          },
        });
        break;
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Filler schemas: templates until the requested count
// ---------------------------------------------------------------------------------------------

const fillerSuffixes = [
  "Settings", "Limits", "Config", "Spec", "Summary", "Result", "Hyperparameters", "Integration", "Metrics", "Billing",
  "Schedule", "Trigger", "Source", "Destination", "Filter", "Rule", "Policy", "Annotation", "Attachment", "Stats",
  "Window", "Quota", "Label", "Reference", "Details", "Options", "Kind", "Mode", "Tier", "Step", "Failure", "Output",
  "Input", "Location", "Owner", "Permission", "Role", "Scope", "Choice", "Delta", "Segment", "Span", "Entry", "Link",
  "Revision", "Artifact", "Template", "Variable", "Credential", "Notification", "Address", "Contact", "Plan",
  "Discount", "Tax", "Fee", "Balance", "Transfer", "Region", "Capability",
];
const enumPool = [
  "auto", "none", "low", "high", "standard", "premium", "enabled", "disabled", "text", "json_object", "json_schema",
  "in-progress", "in_progress", "InProgress", "", "1", "2", "v1", "v2", "us-east-1", "eu-west-1", "null", "default",
  "class", "true", "*/", "a b", "UPPER", "upper", "Upper", "gpt-4o-mini", "llama-3.1-70b", "x.y.z",
];

type Template =
  | "object"
  | "enum"
  | "discriminated"
  | "union"
  | "extends"
  | "nullableAlias"
  | "list"
  | "map"
  | "recursivePair"
  | "selfRecursive"
  | "tuple"
  | "pattern"
  | "readWrite"
  | "alias";

const templateWeights: readonly (readonly [Template, number])[] = [
  ["object", 34],
  ["enum", 10],
  ["discriminated", 7],
  ["union", 5],
  ["extends", 10],
  ["nullableAlias", 4],
  ["list", 5],
  ["map", 5],
  ["recursivePair", 4],
  ["selfRecursive", 3],
  ["tuple", 3],
  ["pattern", 2],
  ["readWrite", 3],
  ["alias", 2],
];

const templateSize = (template: Template): number => (template === "discriminated" ? 4 : template === "recursivePair" ? 2 : 1);

function addFillerSchemas(builder: SpecBuilder, groups: readonly Group[], count: number): void {
  const { rng } = builder;
  let remaining = count;
  for (let index = 0; remaining > 0; index++) {
    const owner = groups.length > 0 ? groups[index % groups.length]! : undefined;
    let template = rng.weighted(templateWeights);
    if (templateSize(template) > remaining) template = "object";
    const suffix = rng.pick(fillerSuffixes);
    const name = builder.claimKey(owner === undefined ? `Common${suffix}` : styledName(owner, snake(suffix)));
    const added = fillerTemplate(builder, template, name, owner);
    remaining -= added;
    if (owner !== undefined && rng.chance(0.7)) attachToOwner(builder, owner, name, snake(suffix));
  }
}

/** The owner resource gets a property pointing at the new schema, spelled one of several ways. */
function attachToOwner(builder: SpecBuilder, owner: Group, name: string, key: string): void {
  const { rng } = builder;
  const properties = builder.schema(owner.resource)["properties"] as JsonObject;
  if (properties[key] !== undefined) return;
  const target = schemaRef(name);
  properties[key] = rng.weighted<JsonObject>([
    [target, 4],
    [{ ...target, description: `The ${key.replace(/_/g, " ")}.` }, 2],
    [{ type: "array", items: target }, 2],
    [{ anyOf: [target, nullType] }, 2],
    [{ type: "object", additionalProperties: target }, 1],
  ]);
}

/** Adds the template's schemas (the first one named `name`) and returns how many it added. */
function fillerTemplate(builder: SpecBuilder, template: Template, name: string, owner: Group | undefined): number {
  const { rng } = builder;
  const add = (key: string, schema: JsonObject, pool: "object" | "any" = "any") => {
    builder.addSchema(key, schema);
    const level = 1 + Math.max(0, ...referencedSchemas(schema).map((target) => builder.levels.get(target) ?? 0));
    builder.levels.set(key, level);
    if (level >= maxLevel) return;
    builder.anyPool.push(key);
    if (pool === "object") builder.objectPool.push(key);
  };
  const variantName = (word: string) => builder.claimKey(`${name}${owner?.style === "stripe" ? "_" : ""}${owner?.style === "stripe" ? word.toLowerCase() : word}`);
  switch (template) {
    case "object": {
      add(name, randomObject(builder, rng.int(3, 9), owner), "object");
      return 1;
    }
    case "enum": {
      const values = rng.sample(enumPool, rng.int(2, 6));
      const schema: JsonObject = rng.chance(0.15) ? { type: ["string", "null"], enum: [...values, null] } : { type: "string", enum: values };
      if (rng.chance(0.3)) schema["default"] = values[0]!;
      if (rng.chance(0.2)) schema["description"] = rng.pick(hostileTexts);
      add(name, schema);
      return 1;
    }
    case "discriminated": {
      const propertyName = rng.pick(["type", "kind", "object", "event_type"]);
      const tags = rng.sample(["text", "image", "audio", "file", "tool", "web_search", "code", "computer-use", "mcp"], 3);
      const variants = tags.map((tag) => variantName(pascal(tag)));
      variants.forEach((variant, position) => {
        const object = randomObject(builder, rng.int(1, 4), owner);
        const properties = object["properties"] as JsonObject;
        properties[propertyName] = rng.chance(0.5) ? { type: "string", const: tags[position]! } : { type: "string", enum: [tags[position]!] };
        object["required"] = unique([propertyName, ...((object["required"] as string[] | undefined) ?? [])]);
        add(variant, object, "object");
      });
      const withMapping = rng.chance(0.5);
      const mapping: JsonObject = {};
      tags.forEach((tag, position) => (mapping[tag] = `#/components/schemas/${variants[position]!}`));
      add(name, {
        [rng.chance(0.8) ? "oneOf" : "anyOf"]: variants.map(schemaRef),
        discriminator: withMapping ? { propertyName, mapping } : { propertyName },
      });
      return 1 + variants.length;
    }
    case "union": {
      const members: JsonObject[] = rng.sample(builder.anyPool, rng.int(2, 3)).map(schemaRef);
      if (rng.chance(0.5)) members.push({ type: "string" });
      if (rng.chance(0.3)) members.push(nullType);
      add(name, { [rng.chance(0.5) ? "oneOf" : "anyOf"]: members, description: "One of several shapes." });
      return 1;
    }
    case "extends": {
      const parent = rng.pick(builder.objectPool);
      const own = randomObject(builder, rng.int(1, 4), owner);
      const schema: JsonObject = rng.chance(0.2)
        ? { allOf: [schemaRef(parent)], description: `A ${parent} (single-$ref allOf with a description).` }
        : rng.chance(0.3)
          ? { allOf: [schemaRef(parent)], ...own }
          : { allOf: [schemaRef(parent), own] };
      add(name, schema);
      return 1;
    }
    case "nullableAlias": {
      const target = rng.pick(builder.anyPool);
      add(name, rng.chance(0.5) ? { anyOf: [schemaRef(target), nullType] } : { oneOf: [schemaRef(target), nullType] });
      return 1;
    }
    case "list": {
      const item = rng.pick(builder.anyPool);
      add(
        name,
        rng.chance(0.5)
          ? { type: "array", items: schemaRef(item) }
          : { type: "object", required: ["data", "has_more"], properties: { object: { const: "list" }, data: { type: "array", items: schemaRef(item) }, has_more: { type: "boolean" } } },
        "any",
      );
      return 1;
    }
    case "map": {
      const value = rng.chance(0.6) ? schemaRef(rng.pick(builder.anyPool)) : { type: "object", properties: { value: { type: "number" }, unit: { type: "string" } } };
      add(name, { type: "object", additionalProperties: value, ...(rng.chance(0.3) ? { maxProperties: 64 } : {}) });
      return 1;
    }
    case "recursivePair": {
      const partner = variantName("Part");
      add(name, {
        type: "object",
        required: ["id"],
        properties: {
          id: { type: "string" },
          parts: { type: "array", items: schemaRef(partner) },
          primary: { anyOf: [schemaRef(partner), nullType] },
        },
      }, "object");
      add(partner, {
        type: "object",
        properties: {
          owner: schemaRef(name),
          siblings: { type: "object", additionalProperties: schemaRef(partner) },
          alternatives: { oneOf: [schemaRef(name), { type: "array", items: schemaRef(partner) }] },
        },
      }, "object");
      return 2;
    }
    case "selfRecursive": {
      add(name, {
        type: "object",
        required: ["label"],
        properties: {
          label: { type: "string" },
          children: { type: "array", items: schemaRef(name) },
          parent: { type: ["object", "null"], allOf: [schemaRef(name)] },
          index: { type: "object", additionalProperties: schemaRef(name) },
        },
      }, "object");
      return 1;
    }
    case "tuple": {
      const closed = rng.chance(0.6);
      add(name, {
        type: "array",
        prefixItems: [{ type: "string" }, { type: "integer" }, ...(rng.chance(0.5) ? [schemaRef(rng.pick(builder.anyPool))] : [])],
        ...(closed ? { items: false } : { items: { type: "number" } }),
      });
      return 1;
    }
    case "pattern": {
      add(name, {
        type: "object",
        properties: { version: { type: "integer" } },
        patternProperties: { "^x-[a-z]+$": { type: "string" }, "^n_": { type: "number" } },
        additionalProperties: rng.chance(0.5) ? false : { type: "boolean" },
      });
      return 1;
    }
    case "readWrite": {
      const object = randomObject(builder, rng.int(1, 4), owner);
      const properties = object["properties"] as JsonObject;
      properties["id"] = { type: "string", readOnly: true };
      properties["updated_at"] = { type: "string", format: "date-time", readOnly: true };
      properties["secret"] = { type: "string", writeOnly: true };
      object["required"] = unique(["id", "secret", ...((object["required"] as string[] | undefined) ?? [])]);
      add(name, object, "object");
      return 1;
    }
    case "alias": {
      const target = rng.pick(builder.anyPool);
      add(name, rng.chance(0.5) ? schemaRef(target) : { $ref: `#/components/schemas/${target}`, description: "An alias with its own description." });
      return 1;
    }
  }
}

/** Names of the component schemas a schema references directly (anywhere inside it). */
function referencedSchemas(schema: Json): string[] {
  if (Array.isArray(schema)) return schema.flatMap(referencedSchemas);
  if (schema === null || typeof schema !== "object") return [];
  const names = Object.values(schema).flatMap(referencedSchemas);
  const ref = schema["$ref"];
  if (typeof ref === "string" && ref.startsWith("#/components/schemas/")) names.push(ref.slice("#/components/schemas/".length));
  return names;
}

/** An object schema with `count` properties of assorted kinds; some required. */
function randomObject(builder: SpecBuilder, count: number, owner: Group | undefined): JsonObject {
  const { rng } = builder;
  const fastapi = owner?.style === "fastapi";
  const properties: JsonObject = {};
  const required: string[] = [];
  const keys = rng.sample(
    ["name", "type", "value", "enabled", "count", "created_at", "updated_at", "url", "region", "mode", "limit", "items",
      "labels", "options", "source", "target", "description", "priority", "score", "weight", "duration_ms", "format",
      "version", "owner", "default", "class", "filter[name]", "X-Trace-ID", "error", "data", "model", "tokens", "ratio"],
    count,
  );
  for (const key of keys) {
    const schema = randomPropertySchema(builder, 0);
    if (fastapi) schema["title"] = pascal(key).replace(/([a-z])([A-Z])/g, "$1 $2");
    if (rng.chance(0.12)) schema["description"] = rng.pick(hostileTexts);
    properties[key] = schema;
    if (rng.chance(0.4)) required.push(key);
  }
  const object: JsonObject = { type: "object", properties };
  if (required.length > 0) object["required"] = required;
  if (rng.chance(0.1)) object["additionalProperties"] = rng.pick<Json>([true, false, { type: "string" }]);
  if (rng.chance(0.15)) object["description"] = rng.pick(hostileTexts);
  return object;
}

function randomPropertySchema(builder: SpecBuilder, depth: number): JsonObject {
  const { rng } = builder;
  const kind = rng.weighted<string>([
    ["string", 10],
    ["format", 5],
    ["integer", 6],
    ["number", 4],
    ["boolean", 4],
    ["nullableType", 5],
    ["nullableRef", 4],
    ["enum", 6],
    ["const", 2],
    ["arrayString", 3],
    ["arrayRef", 5],
    ["ref", 10],
    ["refDescribed", 2],
    ["inlineObject", depth < 2 ? 4 : 0],
    ["map", 3],
    ["mixed", 1],
    ["metadata", 2],
    ["union", 2],
  ]);
  switch (kind) {
    case "string":
      return rng.chance(0.3) ? { type: "string", maxLength: rng.pick([64, 256, 5000]) } : { type: "string" };
    case "format": {
      const format = rng.pick(["date-time", "uuid", "email", "uri", "date", "binary", "byte"]);
      return format === "date-time" && rng.chance(0.5) ? { type: "string", format, examples: ["2024-01-01T00:00:00Z"] } : { type: "string", format };
    }
    case "integer":
      return rng.chance(0.4) ? { type: "integer", format: "int64" } : rng.chance(0.3) ? { type: "integer", minimum: 0, default: 0 } : { type: "integer" };
    case "number":
      return { type: "number", ...(rng.chance(0.3) ? { minimum: 0, maximum: 1 } : {}) };
    case "boolean":
      return rng.chance(0.3) ? { type: "boolean", default: false } : { type: "boolean" };
    case "nullableType":
      return { type: [rng.pick(["string", "integer", "number", "boolean"]), "null"] };
    case "nullableRef":
      return { anyOf: [schemaRef(rng.pick(builder.anyPool)), nullType] };
    case "enum":
      return { type: "string", enum: rng.sample(enumPool, rng.int(2, 5)) };
    case "const":
      return rng.chance(0.7) ? { type: "string", const: rng.pick(enumPool) } : { const: rng.int(0, 3) };
    case "arrayString":
      return { type: "array", items: { type: "string" }, ...(rng.chance(0.3) ? { maxItems: 16 } : {}) };
    case "arrayRef":
      return { type: "array", items: schemaRef(rng.pick(builder.anyPool)) };
    case "ref":
      return schemaRef(rng.pick(builder.anyPool));
    case "refDescribed":
      return { $ref: `#/components/schemas/${rng.pick(builder.anyPool)}`, description: "A reference with a sibling description." };
    case "inlineObject": {
      const properties: JsonObject = {};
      for (const key of rng.sample(["a", "b", "kind", "size", "note"], rng.int(1, 3))) properties[key] = randomPropertySchema(builder, depth + 1);
      return { type: "object", properties };
    }
    case "map":
      return { type: "object", additionalProperties: rng.chance(0.5) ? { type: "string" } : schemaRef(rng.pick(builder.anyPool)) };
    case "mixed":
      return { type: ["string", "integer"] };
    case "metadata":
      return rng.chance(0.5) ? schemaRef("Metadata") : { anyOf: [schemaRef("Metadata"), nullType] };
    default:
      return { oneOf: [{ type: "string" }, schemaRef(rng.pick(builder.anyPool))] };
  }
}
