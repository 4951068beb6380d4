import { readdir } from "node:fs/promises";
import path from "node:path";
import SwaggerParser from "@apidevtools/swagger-parser";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { dereferenceInPlace } from "../../generator/load/dereference.js";
import { mergeDocuments } from "../../generator/load/mergeDocuments.js";
import { openApiSchemaFailures } from "../../generator/load/openApiSchemaCheck.js";
import { as31ForChecking, isOpenApi32 } from "../../generator/load/openApi32.js";
import { wrapRefsWithSiblings } from "../../generator/load/prepareRefs.js";
import { readDocument, type SpecDocument } from "../../generator/load/readDocument.js";
import { refParser } from "../../generator/load/refParser.js";
import { validateDocument } from "../../generator/load/validateDocument.js";
import { validationView } from "../../generator/load/validationView.js";

/**
 * The loader's own dereferencers stand in for the JSON Schema $Ref Parser (dereference.ts for the
 * model, validationView.ts for the OpenAPI schema check). Here both are run on every fixture, the
 * bundled specs, variants of them that break the OpenAPI schema, and documents built to be hard
 * (cycles, chains, refs with siblings), and must give what the ref parser gives.
 */

/** Lets a test switch validateDocument's quick path off, so it asks swagger-parser as before. */
const quick = vi.hoisted(() => ({ on: true, taken: 0 }));
vi.mock("../../generator/load/validationView.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../generator/load/validationView.js")>();
  return {
    validationView: (document: Record<string, unknown>) => {
      if (!quick.on) return undefined;
      const view = original.validationView(document);
      if (view !== undefined) quick.taken++;
      return view;
    },
  };
});
const realValidationView = (await vi.importActual<typeof import("../../generator/load/validationView.js")>("../../generator/load/validationView.js")).validationView;

/**
 * swagger-parser's validate, asked once per document: the schema-failure test and validateDocument's
 * slow path ask it about the same documents, and each answer compiles the OpenAPI schema afresh.
 */
const validated = new Map<string, Promise<unknown>>();
const validate = SwaggerParser.validate.bind(SwaggerParser) as (api: unknown, options: unknown) => Promise<unknown>;
vi.spyOn(SwaggerParser, "validate").mockImplementation(((api: unknown, options: unknown) => {
  const key = JSON.stringify([api, options]);
  if (!validated.has(key)) validated.set(key, validate(api, options));
  return validated.get(key)!;
}) as typeof SwaggerParser.validate);

type JsonObject = Record<string, unknown>;
const repoRoot = path.resolve(import.meta.dirname, "../..");

async function specFiles(): Promise<string[]> {
  const folders = ["test/fixtures/specs", "test/fixtures/specs/multi-file-30", "specs/cerebras", "specs/together"].map((folder) => path.join(repoRoot, folder));
  const files = await Promise.all(folders.map(async (folder) => (await readdir(folder)).filter((name) => /\.(ya?ml|json)$/.test(name)).map((name) => path.join(folder, name))));
  return files.flat();
}

/** Ways to break the OpenAPI schema, each applied to every document that has something to break. */
const slips: Record<string, (document: JsonObject) => boolean> = {
  "responses lose their description": (document) => everyObjectAt(document, ["paths", "*", "*", "responses", "*"], (response) => delete response["description"]),
  "component responses lose their description": (document) => everyObjectAt(document, ["components", "responses", "*"], (response) => delete response["description"]),
  "schemas get an unknown key": (document) => everyObjectAt(document, ["components", "schemas", "*"], (schema) => (schema["colour"] = "red")),
  "parameters are in the body": (document) => everyObjectAt(document, ["paths", "*", "*", "parameters", "*"], (parameter) => (parameter["in"] = "body")),
  "component parameters lose their name": (document) => everyObjectAt(document, ["components", "parameters", "*"], (parameter) => delete parameter["name"]),
  "a response is a $ref to a schema": (document) => {
    const schemas = Object.keys((document["components"] as { schemas?: JsonObject } | undefined)?.schemas ?? {});
    if (schemas[0] === undefined) return false;
    return everyObjectAt(document, ["paths", "*", "*", "responses"], (responses) => (responses["599"] = { $ref: `#/components/schemas/${schemas[0]}` }));
  },
};

/** Calls `edit` on every object at the path (`*` is every key); says whether there was one. */
function everyObjectAt(node: unknown, keys: readonly string[], edit: (object: JsonObject) => unknown): boolean {
  if (node === null || typeof node !== "object" || Array.isArray(node) && keys[0] !== "*") return false;
  if (keys.length === 0) {
    if ("$ref" in node) return false;
    edit(node as JsonObject);
    return true;
  }
  const [key, ...rest] = keys;
  const children = key === "*" ? Object.values(node) : [(node as JsonObject)[key!]];
  return children.map((child) => everyObjectAt(child, rest, edit)).some(Boolean);
}

const info = { title: "t", version: "1" };
const ok = (schema: JsonObject) => ({ "200": { description: "ok", content: { "application/json": { schema } } } });

/** Built to exercise what a real spec seldom has in one place. */
const handMade: Record<string, JsonObject> = {
  "mutual recursion first met from a path": {
    openapi: "3.0.3",
    info,
    paths: { "/a": { get: { responses: ok({ $ref: "#/components/schemas/A" }) } }, "/b": { get: { responses: ok({ $ref: "#/components/schemas/B" }) } } },
    components: { schemas: { A: { type: "object", properties: { b: { $ref: "#/components/schemas/B" }, bad: { type: "strange" } } }, B: { type: "object", properties: { a: { $ref: "#/components/schemas/A" }, list: { type: "array", items: { $ref: "#/components/schemas/B" } } } } } },
  },
  "chains, plain and with sibling keys, in 3.1": {
    openapi: "3.1.0",
    info,
    paths: { "/a": { get: { responses: ok({ $ref: "#/components/schemas/Alias" }) } }, "/b": { post: { requestBody: { content: { "application/json": { schema: { $ref: "#/components/schemas/Titled", description: "body" } } } }, responses: ok({ $ref: "#/components/schemas/Titled" }) } } },
    components: {
      schemas: {
        Alias: { $ref: "#/components/schemas/Alias2" },
        Alias2: { $ref: "#/components/schemas/Thing" },
        Titled: { $ref: "#/components/schemas/Thing", title: "Titled", properties: { extra: { type: "string" } } },
        Thing: { type: "object", properties: { self: { $ref: "#/components/schemas/Alias" }, n: { type: "integer" } } },
      },
    },
  },
  "a ref with siblings in 3.0 and a response that is a ref to a ref": {
    openapi: "3.0.3",
    info,
    paths: { "/a": { get: { parameters: [{ $ref: "#/components/parameters/P" }, { $ref: "#/components/parameters/P", description: "again" }], responses: { "200": { $ref: "#/components/responses/R" }, default: { $ref: "#/components/responses/R2" } } } } },
    components: { parameters: { P: { name: "p", in: "query", schema: { type: "string" } } }, responses: { R: { description: "r", content: { "application/json": { schema: { $ref: "#/components/schemas/S" } } } }, R2: { $ref: "#/components/responses/R" } }, schemas: { S: { type: "object", additionalProperties: { $ref: "#/components/schemas/S" } } } },
  },
};

interface Case {
  name: string;
  document: JsonObject;
}

let cases: Case[];
beforeAll(async () => {
  const read: SpecDocument[] = [];
  for (const file of await specFiles()) read.push(await readDocument(file, { root: path.dirname(file), strict: false }));
  // swagger-parser does not read 3.2: a 3.2 fixture is compared as the 3.1 document its check sees
  for (const spec of read) if (isOpenApi32(spec.document)) spec.document = as31ForChecking(spec.document);
  const broken = read.flatMap((spec) =>
    Object.entries(slips).flatMap(([slip, edit]) => {
      const document = structuredClone(spec.document);
      return edit(document) ? [{ name: `${spec.file}: ${slip}`, document }] : [];
    }),
  );
  cases = [...read.map((spec) => ({ name: spec.file, document: spec.document })), ...broken, ...Object.entries(handMade).map(([name, document]) => ({ name, document }))];
});

async function refParserView(document: JsonObject): Promise<unknown> {
  const parser = new SwaggerParser();
  await parser.dereference(structuredClone(document) as never, { resolve: { external: false }, dereference: { circular: "ignore" } });
  return parser.api; // swagger-parser's name for the ref parser's `schema`
}

async function swaggerParserFailures(document: JsonObject): Promise<unknown[]> {
  try {
    await SwaggerParser.validate(structuredClone(document) as never, { resolve: { external: false } });
    return [];
  } catch (error) {
    return (error as { details: unknown[] }).details;
  }
}

describe("the validation view", () => {
  it("is the ref parser's circular-ignoring dereference, key order included, on every case", async () => {
    expect(cases.length).toBeGreaterThan(60);
    for (const { name, document } of cases) {
      const view = realValidationView(structuredClone(document));
      expect(view, name).toBeDefined();
      expect(JSON.stringify(view), name).toBe(JSON.stringify(await refParserView(document)));
    }
  });

  it("fails the OpenAPI schema exactly where swagger-parser's validate does, in the same order", async () => {
    let failing = 0;
    let schemaFailuresThroughRefs = 0; // a component schema's failure seen again where a path uses it (checked once, reused)
    for (const { name, document } of cases) {
      const expected = (await swaggerParserFailures(document)) as { instancePath: string; params: { additionalProperty?: string } }[];
      if (expected.length > 0) failing++;
      schemaFailuresThroughRefs += expected.filter((failure) => failure.params.additionalProperty === "colour" && failure.instancePath.startsWith("/paths/")).length;
      expect(openApiSchemaFailures(realValidationView(structuredClone(document))!), name).toEqual(expected);
    }
    expect(failing).toBeGreaterThan(30);
    expect(schemaFailuresThroughRefs).toBeGreaterThan(10);
  });

  it("gives validateDocument the same warnings as swagger-parser did", async () => {
    quick.taken = 0;
    for (const { name, document } of cases) {
      quick.on = true;
      const fast = await validateDocument(document, "spec.yaml", { strict: false });
      quick.on = false;
      const before = await validateDocument(document, "spec.yaml", { strict: false });
      expect(fast, name).toEqual(before);
    }
    quick.on = true;
    expect(quick.taken).toBe(cases.length);
  });

  it("leaves to the ref parser what it does not follow the same way", async () => {
    const withRef = (ref: string): JsonObject => ({ openapi: "3.0.3", info, paths: {}, components: { schemas: { A: { type: "string" }, B: { $ref: ref } } } });
    expect(realValidationView(withRef("#/components/schemas/A"))).toBeDefined();
    expect(realValidationView(withRef("#/components/schemas/%41"))).toBeUndefined();
    expect(realValidationView(withRef("#"))).toBeUndefined();
    expect(realValidationView({ ...withRef("#/components/schemas/A"), openapi: "3.1.0", $id: "https://example.test/api" })).toBeUndefined();
    // A link whose keys merge into its target's makes new objects each time: through a cycle, deeper than the ref parser goes (its error stands).
    const endless = withRef("#/components/schemas/Titled");
    Object.assign((endless["components"] as { schemas: JsonObject }).schemas, {
      Titled: { $ref: "#/components/schemas/Thing", title: "Titled", properties: { extra: { type: "string" } } },
      Thing: { type: "object", properties: { self: { $ref: "#/components/schemas/Titled" } } },
    });
    endless["paths"] = { "/a": { get: { responses: ok({ $ref: "#/components/schemas/Titled" }) } } };
    expect(realValidationView(structuredClone(endless))).toBeUndefined();
    await expect(SwaggerParser.validate(endless as never)).rejects.toThrow("Maximum dereference depth");
  });
});

describe("dereferenceInPlace", () => {
  it("builds the very object graph the ref parser builds (identity and cycles included) on every case", async () => {
    for (const { name, document } of cases) {
      const merged = mergeDocuments([{ file: "spec.yaml", document: structuredClone(document), warnings: [], fileSchemas: new Map(), dataRefsHidden: false }]).document;
      wrapRefsWithSiblings(merged);
      const ours = structuredClone(merged);
      expect(dereferenceInPlace(ours), name).toBe(true);
      const theirs = structuredClone(merged);
      await refParser.dereference(theirs as never, { resolve: { external: false } });
      expect(sameGraph(ours, theirs), name).toBe(true);
    }
  });

  it("changes nothing and says so when a ref is not a plain local pointer", () => {
    const document = { openapi: "3.0.3", info, paths: {}, components: { schemas: { A: { type: "string" }, B: { $ref: "#/components/schemas/%41" } } } };
    const before = structuredClone(document);
    expect(dereferenceInPlace(document)).toBe(false);
    expect(document).toEqual(before);
  });
});

/** Whether two object graphs have the same shape, key order and sharing: one object maps to one object. */
function sameGraph(a: unknown, b: unknown, pairs = new Map<object, object>(), reverse = new Map<object, object>()): boolean {
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return Object.is(a, b);
  if (pairs.has(a) || reverse.has(b)) return pairs.get(a) === b && reverse.get(b) === a;
  pairs.set(a, b);
  reverse.set(b, a);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = Object.keys(a);
  if (keys.join("\0") !== Object.keys(b).join("\0")) return false;
  return keys.every((key) => sameGraph((a as JsonObject)[key], (b as JsonObject)[key], pairs, reverse));
}
