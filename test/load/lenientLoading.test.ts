import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../generator/generate.js";
import { formatLocation, SpecError, warningLines } from "../../generator/shared/specError.js";

type JsonObject = Record<string, unknown>;

const ok = { "200": { description: "ok", content: { "application/json": { schema: { $ref: "#/components/schemas/Pet" } } } } };
const pet = { Pet: { type: "object", properties: { name: { type: "string" } } } };

function petApi(edit: (document: JsonObject & { info: JsonObject; paths: JsonObject }) => void): JsonObject {
  const document = structuredClone({ openapi: "3.0.3", info: { title: "Pets", version: "1" }, servers: [{ url: "https://pets.test" }], paths: { "/pets": { get: { operationId: "listPets", responses: ok } } }, components: { schemas: pet } });
  edit(document);
  return document;
}

const getPets = (document: JsonObject): JsonObject => (document["paths"] as Record<string, Record<string, JsonObject>>)["/pets"]!["get"]!;
const fiveSlips = petApi((document) => {
  for (const status of ["201", "202", "203", "204", "205"]) (getPets(document)["responses"] as JsonObject)[status] = {};
});

/** Slips that break the OpenAPI schema but leave nothing in doubt: each generates, with these warnings (after `<file>#`). */
const slips: [string, JsonObject, string[]][] = [
  [
    "info.version as a number",
    petApi((document) => (document.info["version"] = 1)),
    ['/info/version: info.version is the number 1, not a string; the client uses "1" (quote it: YAML reads 1.10 as 1.1)'],
  ],
  [
    "a response without description",
    petApi((document) => delete (getPets(document)["responses"] as Record<string, JsonObject>)["200"]!["description"]),
    ["/paths/~1pets/get/responses/200: `description` is missing (OpenAPI requires it)"],
  ],
  [
    "an unknown key under a tag",
    petApi((document) => Object.assign(document, { tags: [{ name: "pets", colour: "red" }] })),
    ['/tags/0/colour: unknown key "colour" (not part of OpenAPI)'],
  ],
  [
    "a response description that is a number",
    petApi((document) => ((getPets(document)["responses"] as Record<string, JsonObject>)["200"]!["description"] = 3)),
    ["/paths/~1pets/get/responses/200/description: must be a string, not the number 3"],
  ],
  [
    "no info at all",
    petApi((document) => delete (document as JsonObject)["info"]),
    ["/info: `info` is missing (OpenAPI requires it)"],
  ],
  [
    "a parameter with neither schema nor content",
    petApi((document) => (getPets(document)["parameters"] = [{ name: "limit", in: "query" }])),
    ["/paths/~1pets/get/parameters/0: needs `schema` or `content` (OpenAPI requires one)"],
  ],
  [
    "a parameter `in: body` (Swagger 2.0 style): the allowed values of every branch in one line",
    petApi((document) => (getPets(document)["parameters"] = [{ name: "limit", in: "body", schema: { type: "integer" } }])),
    ['/paths/~1pets/get/parameters/0/in: the string "body" is not one of "path", "query", "header", "cookie"'],
  ],
  [
    "a slip in a component: reported once, where it is written, not where it is used",
    petApi((document) => Object.assign((document["components"] as { schemas: { Pet: JsonObject } }).schemas.Pet, { nullable: "yes" })),
    ['/components/schemas/Pet/nullable: must be a boolean, not the string "yes"'],
  ],
  [
    "a $ref to the wrong kind of object (a parameter where a schema belongs): the $ref is the place",
    petApi((document) => {
      (document["components"] as JsonObject)["parameters"] = { Limit: { name: "limit", in: "query", schema: { type: "integer" } } };
      getPets(document)["parameters"] = [{ name: "tags", in: "query", schema: { type: "array", items: { $ref: "#/components/parameters/Limit" } } }];
    }),
    ['/paths/~1pets/get/parameters/0/schema/items: what this $ref points at does not fit here (unknown key "name")'],
  ],
  [
    "OpenAPI 3.0 with components and no paths key",
    petApi((document) => delete (document as JsonObject)["paths"]),
    ["/paths: OpenAPI 3.0 requires `paths` (`paths: {}` will do); no operations are generated"],
  ],
  [
    "the same slip in five responses: a warning at each (warningLines shows three and counts the rest)",
    fiveSlips,
    ["201", "202", "203", "204", "205"].map((status) => `/paths/~1pets/get/responses/${status}: \`description\` is missing (OpenAPI requires it)`),
  ],
];

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "lenient-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function writeCase(index: number, document: JsonObject): Promise<string> {
  const file = path.join(dir, `case-${index}.json`);
  await writeFile(file, JSON.stringify(document));
  return file;
}

const options = (strict: boolean) => ({ strict });

describe("a document that breaks the OpenAPI schema but can be generated", () => {
  slips.forEach(([title, document, expected], index) => {
    it(`${title}: generates, with a warning naming the place`, async () => {
      const file = await writeCase(index, document);
      const api = await generate(file, options(false));
      const lines = api.warnings.map((warning) => formatLocation(warning.location));
      expect(lines.every((line) => line.startsWith(`${path.relative(process.cwd(), file)}#/`))).toBe(true);
      expect(api.warnings.map((warning) => `${warning.location.pointer}: ${warning.message}`)).toEqual(expected);
      expect(api.files.find((file) => file.path === "models.ts")!.text).toContain("export interface Pet");
    });

    it(`${title}: is refused with --strict`, async () => {
      const file = await writeCase(index, document);
      const error = await generate(file, options(true)).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(SpecError);
      const { location, message } = error as SpecError;
      expect(`${location.pointer}: ${message}`).toBe(expected[0]!.replace(": ", ": invalid spec: "));
    });
  });

  it("the same slip at five places is printed at three, and counted once (the one cap is warningLines)", async () => {
    const file = await writeCase(96, fiveSlips);
    const api = await generate(file, options(false));
    const shown = path.relative(process.cwd(), file);
    const message = "`description` is missing (OpenAPI requires it)";
    expect(warningLines(api.warnings)).toEqual([
      ...["201", "202", "203"].map((status) => `warning: ${shown}#/paths/~1pets/get/responses/${status}: ${message}`),
      `warning: ${shown}: 2 more places (5 in all): ${message}`,
    ]);
  });

  it("a parameter without a name is left out of the client (the warning names it)", async () => {
    const file = await writeCase(98, petApi((document) => (getPets(document)["parameters"] = [{ in: "query", schema: { type: "integer" } }])));
    const api = await generate(file, options(false));
    expect(api.warnings.map((warning) => `${warning.location.pointer}: ${warning.message}`)).toEqual(["/paths/~1pets/get/parameters/0: `name` is missing (OpenAPI requires it)"]);
    const operations = api.files.find((file) => file.path === "operations.ts")!.text;
    expect(operations).not.toContain("undefined?:");
    expect(operations).toMatch(/export function listPets\(\s*client: Client,\s*params\?: \{\},|export function listPets\(\s*client: Client,\s*options\?/);
  });

  it("`openapi: 3.0` read as a number is refused, naming the field (which 3.0.x was meant is not guessed)", async () => {
    const file = await writeCase(97, petApi((document) => Object.assign(document, { openapi: 3 })));
    const error = await generate(file, options(false)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SpecError);
    expect(`${(error as SpecError).location.pointer}: ${(error as SpecError).message}`).toBe('/openapi: the version must be a string such as "3.0.3", not the number 3');
  });

  it("a valid document gives no warning, strict or not", async () => {
    const file = await writeCase(99, petApi(() => {}));
    expect((await generate(file, options(true))).warnings).toEqual([]);
  });
});
