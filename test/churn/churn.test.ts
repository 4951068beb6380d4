import { copyFile, mkdir, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { generate, type GeneratedApi } from "../../generator/generate.js";
import type { Provenance } from "../../generator/surface/surfaceJson.js";
import { mutations } from "./mutations.js";
import { diffAfterChange, readFixture, type DiffSize } from "./specVersions.js";

// Exact output diffs for small spec changes, each read and checked by hand: a change touches
// only its own lines (plus the import line of operations.ts when a model appears or goes), and
// api-surface.json's `specContent` line whenever the spec's content changes. Every file not
// listed, names.lock.json included, is byte-identical.
const expected: Record<string, DiffSize> = {
  // the result alias, the function, and the blank lines around them; one API.md line; its surface
  // entry (its class method among its lines); its name and its place in the resource client in the
  // lock; its method in resources.ts
  "add an operation": {
    "API.md": { added: 1, removed: 0 },
    "api-surface.json": { added: 10, removed: 1 },
    "names.lock.json": { added: 8, removed: 0 },
    "operations.ts": { added: 11, removed: 0 },
    "resources.ts": { added: 9, removed: 0 },
  },
  // its params interface, result alias and function (with its jsonBody encoder); its hoisted body
  // type; two import lines rewritten (models, and the runtime's jsonBody); its lock entries (and a
  // comma on the entry now last), its resource place among them; its method in resources.ts
  "remove an operation": {
    "API.md": { added: 0, removed: 2 },
    "api-surface.json": { added: 2, removed: 30 },
    "models.ts": { added: 0, removed: 6 },
    "names.lock.json": { added: 1, removed: 10 },
    "operations.ts": { added: 2, removed: 29 },
    "resources.ts": { added: 0, removed: 13 },
  },
  // the hash line and one line for the property (api-surface.json keeps an object of scalars on one line)
  "add a property": {
    "API.md": { added: 1, removed: 1 },
    "api-surface.json": { added: 2, removed: 1 },
    "models.ts": { added: 1, removed: 0 },
  },
  // the hash line, the property's line, and the comma of the property before it, now last
  "remove a property": {
    "API.md": { added: 1, removed: 1 },
    "api-surface.json": { added: 2, removed: 3 },
    "models.ts": { added: 0, removed: 1 },
  },
  // the union line is rewritten, the const object gains one member, the lock its name
  "add an enum value": {
    "API.md": { added: 1, removed: 1 },
    "api-surface.json": { added: 2, removed: 1 },
    "models.ts": { added: 2, removed: 1 },
    "names.lock.json": { added: 1, removed: 0 },
  },
  "reorder components": {},
  "reorder paths": {},
  // the lock records the operationId it saw; the client does not change
  "rename an operationId": {
    "api-surface.json": { added: 1, removed: 1 },
    "names.lock.json": { added: 1, removed: 1 },
  },
};

// Key order does not count in the spec's content hash, so reordering changes nothing at all.
const contentUnchanged = new Set(["reorder components", "reorder paths"]);

const provenance = (api: GeneratedApi): Provenance =>
  (JSON.parse(api.files.find((file) => file.path === "api-surface.json")!.text) as { generatedFrom: Provenance }).generatedFrom;
const specContent = (api: GeneratedApi): string => provenance(api).specContent;
const specFiles = (api: GeneratedApi): string[] => provenance(api).specFiles;

describe("a small spec change gives a small output diff", () => {
  it.each(Object.keys(mutations))("%s", async (name) => {
    const base = await readFixture("basics-31.yaml");
    const changed = mutations[name]!(base);
    expect(changed).not.toBe(base);
    const { size, before, after } = await diffAfterChange(base, changed);
    expect(size).toEqual(expected[name]);
    expect(specContent(after) === specContent(before)).toBe(contentUnchanged.has(name));
  });

  it("a renamed operationId keeps the function name, and says so", async () => {
    const base = await readFixture("basics-31.yaml");
    const { after } = await diffAfterChange(base, mutations["rename an operationId"]!(base));
    expect(after.files.find((file) => file.path === "operations.ts")?.text).toContain("export function readThing(");
    expect(after.nameNotes).toEqual([
      'operation GET /things/{thing_id}: operationId changed from "read_thing_things__thing_id__get" to "fetchThing"; the function keeps its name readThing',
    ]);
  });

  it("a removed operation is reported with the types that went with it", async () => {
    const base = await readFixture("basics-31.yaml");
    const { after } = await diffAfterChange(base, mutations["remove an operation"]!(base));
    expect(after.nameNotes).toEqual([
      "operation PUT /things/{thing_id} (replaceThing) is no longer in the spec",
      "type ReplaceThingBody (/paths/~1things~1{thing_id}/put/requestBody/content/application~1json/schema) is no longer in the spec",
    ]);
  });

  it("a document added to a folder spec (Cerebras publishes one per operation) leaves the files it does not affect byte-identical", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "folder-spec-"));
    try {
      const specs = path.join(import.meta.dirname, "../../specs/cerebras");
      const folder = path.join(dir, "cerebras");
      await mkdir(folder);
      await copyFile(path.join(specs, "retrieve-endpoint-status.yaml"), path.join(folder, "retrieve-endpoint-status.yaml"));
      const one = await generate(folder);
      await copyFile(path.join(specs, "deploy-model-to-endpoint.yaml"), path.join(folder, "deploy-model-to-endpoint.yaml"));
      const two = await generate(folder);
      // The headers name the folder, not its documents: only what the new operation adds changes.
      const changed = two.files.filter((file) => one.files.find((old) => old.path === file.path)?.text !== file.text).map((file) => file.path);
      expect(changed).toEqual(["models.ts", "operations.ts", "resources.ts", "API.md", "api-surface.json"]);
      expect(two.files.find((file) => file.path === "client.ts")!.text).toMatch(/^\/\/ Generated by openapi-ts-clientgen from cerebras\/;/);
      expect(specFiles(two)).toEqual(["cerebras/deploy-model-to-endpoint.yaml", "cerebras/retrieve-endpoint-status.yaml"]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
