/**
 * Spec builders for hostileSpecs.test.ts: one OpenAPI 3.1 document that puts a payload into every
 * text field and every kind of name the generator reads, and one that uses a group of colliding
 * names everywhere names go. Each builder also says what the generated code must preserve.
 */
import type { Json, JsonObject } from "./harness.js";
import { componentNamePattern } from "./payloads.js";

/** What a correct client must carry over from the spec, byte for byte. */
export interface Expectations {
  /** `defaultBaseUrl` after server-variable substitution. */
  defaultBaseUrl: string;
  /** The value list of each enum the spec declares (each must be some exported const object's values). */
  enums: string[][];
  /** Every path template, exactly as in the spec. */
  paths: string[];
  /** Wire names per parameter location, over all operations. */
  wireNames: { pathParams: string[]; query: string[]; headers: string[]; cookies: string[] };
  /** Query parameters serialized by `deepObject("<name>", …)`: the name is a string argument. */
  deepObjectNames: string[];
  /** Security schemes: key -> apiKey parameter name (or "" for http schemes). */
  schemes: Record<string, string>;
}

export interface BuiltSpec {
  document: JsonObject;
  expect: Expectations;
}

/** Sets an own property even for `__proto__` (plain assignment would replace the prototype instead). */
function put(object: JsonObject, key: string, value: Json): void {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
}

const ref = (name: string): JsonObject => ({ $ref: `#/components/schemas/${name.replaceAll("~", "~0").replaceAll("/", "~1")}` });

/** `{…}` placeholders of a path template (the generator and swagger-parser read them alike). */
function placeholders(template: string): string[] {
  return [...new Set([...template.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]!))];
}

/** No payload brings more than this many `{…}` placeholders; slots are padded to it so every slot has the same structure. */
const placeholderBudget = 1;

/** One payload's share of a spec: its own components, paths and security schemes. */
interface Slot {
  schemas: [string, Json][];
  paths: [string, Json][];
  securitySchemes: [string, Json][];
  expect: Omit<Expectations, "defaultBaseUrl">;
}

/**
 * The payload `p` in every place the generator reads text or a name from: schema titles,
 * descriptions, defaults, examples and formats; property names at every depth; enum and const
 * values; discriminator property and mapping values; `propertyNames` enums; a component name
 * (when the OpenAPI charset allows it); operationIds and summaries; parameter names (path-item,
 * query in three styles, header, cookie, path placeholders); path templates; media type keys of
 * requests and responses; media type examples; response descriptions; security schemes' parameter
 * names. Slot `i` prefixes its component, path and scheme names, so several payloads share a spec.
 * Every slot has the same structure whatever `p` is, so a clean twin can be compared with it.
 */
function slot(p: string, index: number): Slot {
  const s = `S${index}`;
  const name = (base: string) => `${s}.${base}`;
  const payloadPath = `/s${index}/items/{id}/${p}`;
  const padding = Array.from({ length: placeholderBudget - placeholders(payloadPath).length + 1 }, (_, extra) => `/{extra${extra}}`);
  const literalPath = `${payloadPath}${padding.join("")}`;
  const literalPathParams = placeholders(literalPath).filter((param) => param !== "id");
  const itemPath = `/s${index}/items/{id}`;
  const payloadEnum = [p, `${p} plain`, "plain"];
  const namedComponent = componentNamePattern.test(p) ? p : name("named");

  const properties: JsonObject = {};
  put(properties, "id", { type: "string", description: p, examples: [p] });
  put(properties, p, { type: "string", title: p, description: p, default: p, examples: [p], format: p });
  put(properties, "kind", { enum: payloadEnum, description: p, default: p });
  put(properties, "pinned", { const: p, description: p });
  put(properties, "named", ref(namedComponent));
  put(properties, "nested", {
    type: "object",
    description: p,
    properties: Object.fromEntries([[p, { type: "object", properties: Object.fromEntries([[p, { type: "array", items: { type: "string", description: p } }]]) }]]),
    additionalProperties: { type: "string", description: p },
  });
  put(properties, "keyed", { type: "object", propertyNames: { enum: [p, "plain"] }, additionalProperties: { type: "integer" } });
  put(properties, "choice", { anyOf: [{ type: "string", description: p }, { type: "null" }], description: p });
  const item: JsonObject = {
    type: "object",
    title: p,
    description: p,
    required: ["id", p],
    properties,
    default: Object.fromEntries([["id", p], [p, p]]),
    examples: [Object.fromEntries([["id", p], [p, p], ["kind", p]])],
  };
  const payloadProperty = (schema: Json): JsonObject => Object.fromEntries([[p, schema]]);
  const schemas: [string, Json][] = [
    [name("Item"), item],
    [name("Cat"), { type: "object", title: p, required: [p], properties: { ...payloadProperty({ type: "string" }), meow: { type: "boolean", description: p } } }],
    [name("Dog"), { type: "object", required: [p], properties: { ...payloadProperty({ type: "string", const: `dog ${p}` }), bark: { type: "boolean" } } }],
    [
      name("Pet"),
      {
        oneOf: [ref(name("Cat")), ref(name("Dog"))],
        discriminator: { propertyName: p, mapping: Object.fromEntries([[p, `#/components/schemas/${name("Cat")}`], [`${p}-again`, `#/components/schemas/${name("Cat")}`]]) },
        description: p,
      },
    ],
    [namedComponent, { type: "object", description: p, properties: { ...payloadProperty({ type: "string" }), self: ref(namedComponent) } }],
    [`${namedComponent}-alias`, ref(namedComponent)],
    [name("Kind"), { type: "string", enum: payloadEnum, description: p, title: p }],
    [name("Problem"), { type: "object", properties: payloadProperty({ type: "string", description: p }), description: p }],
  ];
  const jsonMedia = (schema: Json): JsonObject => ({
    schema,
    example: Object.fromEntries([["id", p], [p, p]]),
    examples: Object.fromEntries([[p, { summary: p, description: p, value: { id: p } }]]),
  });
  const security = [{ [name("headerKey")]: [] }, { [name("queryKey")]: [], [name("cookieKey")]: [] }, { [name("bearer")]: [] }];
  const getParameters: Json[] = [
    { name: "id", in: "path", required: true, description: p, schema: { type: "string", examples: [p] } },
    { name: p, in: "header", description: p, schema: { type: "string", enum: [p, "plain"] } },
    { name: p, in: "cookie", description: p, schema: { type: "string" } },
    { name: `${p} deep`, in: "query", style: "deepObject", explode: true, schema: { type: "object", properties: payloadProperty({ type: "string" }) } },
    { name: `${p} pipes`, in: "query", style: "pipeDelimited", explode: false, schema: { type: "array", items: { type: "string", enum: [p, "plain"] } } },
    { name: `${p} form`, in: "query", explode: false, schema: { type: "array", items: { type: "integer" } } },
  ];
  const query = [p, `${p} pipes`, `${p} form`];
  const deepObjectNames = [`${p} deep`];
  const itemPathItem: JsonObject = {
    summary: p,
    description: p,
    parameters: [{ name: p, in: "query", description: p, schema: { type: "string", default: p }, example: p }],
    get: {
      operationId: p,
      summary: p,
      description: p,
      tags: [p],
      deprecated: true,
      parameters: getParameters,
      responses: {
        "200": { description: p, content: { "application/json": jsonMedia(ref(name("Item"))), [`application/json; profile="${p}"`]: { schema: ref(name("Pet")) } } },
        "404": { description: p, content: { "application/problem+json": { schema: { type: "object", properties: payloadProperty({ type: "string", description: p }) } } } },
        default: { description: p, content: { [`text/plain; charset="${p}"`]: { schema: { type: "string" } } } },
      },
      security,
    },
    post: {
      operationId: `create ${p}`,
      summary: p,
      description: p,
      tags: [p],
      parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
      requestBody: {
        description: p,
        required: true,
        content: {
          // The first (default) request media type is written into a JSDoc.
          [`application/json; profile="${p}"`]: jsonMedia(ref(name("Item"))),
          "multipart/form-data": { schema: { type: "object", properties: payloadProperty({ type: "string", format: "binary", description: p }) } },
          [`text/plain; x="${p}"`]: { schema: { type: "string" }, example: p },
        },
      },
      responses: {
        "201": { description: p, content: { "application/json": { schema: ref(name("Pet")) } } },
        "204": { description: p },
        "4XX": { description: p, content: { "application/json": { schema: { type: "object", description: p, properties: payloadProperty(ref(name("Kind"))) } } } },
      },
    },
  };
  const literalPathItem: JsonObject = {
    put: {
      // No operationId: the function is named from the method and this path.
      summary: p,
      parameters: [
        { name: "id", in: "path", required: true, schema: { type: "string" } },
        ...literalPathParams.map((param) => ({ name: param, in: "path", required: true, description: p, schema: { type: "string" } })),
      ],
      requestBody: { content: { "application/octet-stream": { schema: { type: "string", format: "binary" } } } },
      responses: { "200": { description: p, content: { [`application/x-${p}`]: { schema: { type: "string", format: "binary" } } } } },
    },
  };
  return {
    schemas,
    paths: [
      [itemPath, itemPathItem],
      [literalPath, literalPathItem],
    ],
    securitySchemes: [
      [name("headerKey"), { type: "apiKey", in: "header", name: p, description: p }],
      [name("queryKey"), { type: "apiKey", in: "query", name: p, description: p }],
      [name("cookieKey"), { type: "apiKey", in: "cookie", name: p, description: p }],
      [name("bearer"), { type: "http", scheme: "bearer", bearerFormat: p, description: p }],
    ],
    expect: {
      enums: [payloadEnum],
      paths: [itemPath, literalPath],
      wireNames: { pathParams: ["id", ...literalPathParams], query, headers: [p], cookies: [p] },
      deepObjectNames,
      schemes: Object.fromEntries([[name("headerKey"), p], [name("queryKey"), p], [name("cookieKey"), p], [name("bearer"), ""]]),
    },
  };
}

/**
 * Each kind of placement once, for the 100 KB payloads: the generator repeats names (a 100 KB
 * operationId names the function, its params, result and error types, and prefixes hoisted
 * types), so the full slot would produce tens of megabytes and take most of the time budget.
 */
function leanSlot(p: string, index: number): Slot {
  const s = `S${index}`;
  const name = (base: string) => `${s}.${base}`;
  const payloadPath = `/s${index}/items/${p}`;
  const padding = Array.from({ length: placeholderBudget - placeholders(payloadPath).length }, (_, extra) => `/{extra${extra}}`);
  const literalPath = `${payloadPath}${padding.join("")}`;
  const pathParams = placeholders(literalPath);
  const payloadEnum = [p, "plain"];
  return {
    schemas: [
      [name("Item"), { type: "object", description: p, required: ["kind"], properties: entriesObject([["kind", { enum: payloadEnum }], [p, { type: "string", default: p }]]) }],
      [name("Pet"), { oneOf: [ref(name("Item"))], discriminator: { propertyName: "kind", mapping: entriesObject([[p, `#/components/schemas/${name("Item")}`]]) } }],
    ],
    paths: [
      [
        literalPath,
        {
          post: {
            operationId: p,
            parameters: [
              ...pathParams.map((param) => ({ name: param, in: "path", required: true, schema: { type: "string" } })),
              { name: p, in: "query", schema: { type: "string" } },
            ],
            requestBody: { content: { [`text/plain; x="${p}"`]: { schema: { type: "string" } } } },
            responses: { "200": { description: p, content: { "application/json": { schema: ref(name("Pet")) } } } },
            security: [{ [name("key")]: [] }],
          },
        },
      ],
    ],
    securitySchemes: [[name("key"), { type: "apiKey", in: "header", name: p }]],
    expect: {
      enums: [payloadEnum],
      paths: [literalPath],
      wireNames: { pathParams, query: [p], headers: [], cookies: [] },
      deepObjectNames: [],
      schemes: Object.fromEntries([[name("key"), p]]),
    },
  };
}

function entriesObject(entries: readonly [string, Json][]): JsonObject {
  const object: JsonObject = {};
  for (const [key, value] of entries) put(object, key, value);
  return object;
}

/**
 * A spec holding one slot per payload. The document-level fields (info, servers, tags) hold all
 * payloads joined by " | "; the first server's variable default is that joined text too.
 */
export function hostileSpec(values: readonly string[], options: { lean?: boolean } = {}): BuiltSpec {
  const slots = values.map((value, index) => (options.lean === true ? leanSlot(value, index) : slot(value, index)));
  const joined = values.join(" | ");
  const document: JsonObject = {
    openapi: "3.1.0",
    info: { title: joined, version: joined, description: joined, summary: joined, contact: { name: joined }, license: { name: joined, identifier: "MIT" } },
    servers: [
      // The 3.1 schema as swagger-parser applies it refuses a `description` on a server variable.
      { url: "https://api.example.test/{prefix}/v1", description: joined, variables: { prefix: { default: joined } } },
      { url: `https://second.example.test/${joined}`, description: joined },
    ],
    tags: values.map((value, index) => ({ name: `${value} ${index}`, description: value, externalDocs: { url: "https://docs.example.test/", description: value } })),
    paths: entriesObject(slots.flatMap((entry) => entry.paths)),
    components: {
      schemas: entriesObject(slots.flatMap((entry) => entry.schemas)),
      securitySchemes: entriesObject(slots.flatMap((entry) => entry.securitySchemes)),
    },
  };
  const all = <T>(pick: (expect: Slot["expect"]) => T[]): T[] => slots.flatMap((entry) => pick(entry.expect));
  return {
    document,
    expect: {
      defaultBaseUrl: `https://api.example.test/${joined}/v1`,
      enums: all((expect) => expect.enums),
      paths: all((expect) => expect.paths),
      wireNames: {
        pathParams: all((expect) => expect.wireNames.pathParams),
        query: all((expect) => expect.wireNames.query),
        headers: all((expect) => expect.wireNames.headers),
        cookies: all((expect) => expect.wireNames.cookies),
      },
      deepObjectNames: all((expect) => expect.deepObjectNames),
      schemes: Object.assign({}, ...slots.map((entry) => entry.expect.schemes)) as Record<string, string>,
    },
  };
}

/**
 * A group of names that collide after case conversion, used everywhere a name goes: component
 * names, property names, path and query parameter names, operationIds, enum values and security
 * schemes.
 */
export function collisionSpec(names: readonly string[]): BuiltSpec {
  const componentNames = names.filter((name) => componentNamePattern.test(name));
  const schemas: [string, Json][] = componentNames.map((name) => [
    name,
    {
      type: "object",
      required: [...names],
      properties: entriesObject(names.map((property) => [property, { type: "object", properties: entriesObject([[property, ref(name)]]) }])),
    },
  ]);
  schemas.push(["Choice", { type: "string", enum: [...names] }]);
  const paths: [string, Json][] = names.map((name, index) => [
    `/c${index}/{${name}}`,
    {
      get: {
        operationId: name,
        parameters: [
          { name, in: "path", required: true, schema: { type: "string" } },
          ...names.map((query) => ({ name: query, in: "query", schema: { type: "string", enum: [...names] } })),
        ],
        responses: {
          "200": { description: "ok", content: { "application/json": { schema: ref(componentNames[index % componentNames.length]!) } } },
          "400": { description: "bad", content: { "application/json": { schema: ref("Choice") } } },
        },
        security: componentNames.map((scheme) => entriesObject([[scheme, []]])),
      },
    },
  ]);
  const document: JsonObject = {
    openapi: "3.1.0",
    info: { title: "Collisions", version: "1" },
    servers: [{ url: "https://collide.example.test" }],
    paths: entriesObject(paths),
    components: {
      schemas: entriesObject(schemas),
      securitySchemes: entriesObject(componentNames.map((name) => [name, { type: "apiKey", in: "header", name }])),
    },
  };
  return {
    document,
    expect: {
      defaultBaseUrl: "https://collide.example.test",
      enums: [[...names]],
      paths: names.map((name, index) => `/c${index}/{${name}}`),
      wireNames: { pathParams: [...names], query: [...names], headers: [], cookies: [] },
      deepObjectNames: [],
      schemes: Object.fromEntries(componentNames.map((name) => [name, name])),
    },
  };
}
