import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { generate } from "../../generator/generate.js";
import { SpecError } from "../../generator/shared/specError.js";
import { parseNameLock } from "../../generator/naming/nameLock.js";

const spec = `openapi: 3.1.0
info: { title: Locks, version: "1" }
paths:
  /items/{id}:
    get:
      operationId: getItem
      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
      responses:
        "200":
          description: ok
          content: { application/json: { schema: { $ref: "#/components/schemas/Item" } } }
components:
  schemas:
    Item:
      type: object
      properties:
        kind: { type: string, enum: [small-box, big-box] }
`;

let dir: string;
/** Where the CLI would keep the lock: in the client's output folder. */
let nameLock: { file: string };
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "lock-"));
  await writeFile(path.join(dir, "api.yaml"), spec);
  await mkdir(path.join(dir, "out"));
  nameLock = { file: path.join(dir, "out", "names.lock.json") };
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe("names.lock.json", () => {
  it("records every keyed name: operations by METHOD path, types by pointer, members of named enums", async () => {
    const api = await generate(path.join(dir, "api.yaml"), { nameLock });
    expect(api.nameLock.path).toBe(nameLock.file);
    expect(parseNameLock(api.nameLock.text)).toEqual({
      operations: { "GET /items/{id}": { name: "getItem", operationId: "getItem" } },
      types: { "/components/schemas/Item": "Item", "/components/schemas/Item/properties/kind": "ItemKind" },
      enumMembers: { "/components/schemas/Item/properties/kind": { '"big-box"': "BigBox", '"small-box"': "SmallBox" } },
      resources: { "GET /items/{id}": { resource: "items", method: "retrieve" } },
    });
  });

  it("a user moves a method of the client class by editing its resource and method in the lock", async () => {
    const first = await generate(path.join(dir, "api.yaml"), { nameLock });
    const edited = first.nameLock.text.replace('"resource": "items"', '"resource": "catalog.items"').replace('"method": "retrieve"', '"method": "fetch"');
    await writeFile(nameLock.file, edited);
    const second = await generate(path.join(dir, "api.yaml"), { nameLock });
    const resources = second.files.find((file) => file.path === "resources.ts")!.text;
    expect(resources).toContain("items: CatalogItemsResource = new CatalogItemsResource(this._client);");
    expect(resources).toMatch(/\n  fetch\(\n?\s*id: ops\.GetItemParams\["id"\]/);
    expect(parseNameLock(second.nameLock.text).resources).toEqual({ "GET /items/{id}": { resource: "catalog.items", method: "fetch" } });
  });

  it("a user renames a function, a type and an enum member by editing one line each", async () => {
    const first = await generate(path.join(dir, "api.yaml"), { nameLock });
    const edited = first.nameLock.text
      .replace('"name": "getItem"', '"name": "fetchItem"')
      .replace('"/components/schemas/Item": "Item"', '"/components/schemas/Item": "Product"')
      .replace('"\\"big-box\\"": "BigBox"', '"\\"big-box\\"": "Large"');
    await writeFile(nameLock.file, edited);
    const second = await generate(path.join(dir, "api.yaml"), { nameLock });
    const code = second.files.map((file) => file.text).join("\n");
    expect(code).toContain("export function fetchItem(");
    expect(code).toContain("export interface Product {");
    expect(code).toContain('Large: "big-box"');
    expect(code).not.toMatch(/\bgetItem\b|interface Item\b|BigBox/);
    expect(second.nameLock.text).toBe(edited);
  });

  it("a new entity never takes a locked name, even one whose entity is gone", async () => {
    await writeFile(nameLock.file, JSON.stringify({ types: { "/components/schemas/Gone": "Item" } }));
    const api = await generate(path.join(dir, "api.yaml"), { nameLock });
    expect(api.files.find((file) => file.path === "models.ts")?.text).toContain("export interface Item2 {");
    expect(api.nameNotes).toEqual(["type Item (/components/schemas/Gone) is no longer in the spec"]);
  });

  it("an invalid name in the lock is a SpecError naming the lock file", async () => {
    await writeFile(nameLock.file, JSON.stringify({ types: { "/components/schemas/Item": "not valid" } }));
    const error = await generate(path.join(dir, "api.yaml"), { nameLock }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SpecError);
    expect((error as SpecError).location.file).toMatch(/out\/names\.lock\.json$/);
    expect((error as SpecError).message).toContain('"not valid" is not a valid TypeScript identifier');
  });

  it("the output's lock wins over one beside the spec; without a place, no lock is read at all", async () => {
    await writeFile(path.join(dir, "api.names.lock.json"), JSON.stringify({ types: { "/components/schemas/Item": "Beside" } }));
    const former = { ...nameLock, formerFile: path.join(dir, "api.names.lock.json") };
    await writeFile(nameLock.file, JSON.stringify({ types: { "/components/schemas/Item": "InOutput" } }));
    const models = async (options: Parameters<typeof generate>[1]) =>
      (await generate(path.join(dir, "api.yaml"), options)).files.find((file) => file.path === "models.ts")?.text;
    expect(await models({ nameLock: former })).toContain("export interface InOutput {");
    expect(await models({})).toContain("export interface Item {");
  });
});
