import { describe, expect, it } from "vitest";
import { mutations } from "./mutations.js";
import { diffAfterChange, readFixture, type DiffSize } from "./specVersions.js";

// Exact output diffs for small spec changes, each read and checked by hand: a change touches
// only its own lines (plus the import line of operations.ts when a model appears or goes).
const expected: Record<string, DiffSize> = {
  // the result alias, the function, and the blank lines around them; one API.md line; its surface entry
  "add an operation": {
    "API.md": { added: 1, removed: 0 },
    "api-surface.json": { added: 8, removed: 0 },
    "operations.ts": { added: 11, removed: 0 },
  },
  // its params interface, result alias and function; its hoisted body type; one import line rewritten
  "remove an operation": {
    "API.md": { added: 0, removed: 2 },
    "api-surface.json": { added: 1, removed: 40 },
    "models.ts": { added: 0, removed: 6 },
    "operations.ts": { added: 1, removed: 27 },
  },
  "add a property": {
    "API.md": { added: 1, removed: 1 },
    "api-surface.json": { added: 5, removed: 0 },
    "models.ts": { added: 1, removed: 0 },
  },
  "remove a property": {
    "API.md": { added: 1, removed: 1 },
    "api-surface.json": { added: 0, removed: 5 },
    "models.ts": { added: 0, removed: 1 },
  },
  // the union line is rewritten, the const object gains one member
  "add an enum value": {
    "API.md": { added: 1, removed: 1 },
    "api-surface.json": { added: 1, removed: 0 },
    "models.ts": { added: 2, removed: 1 },
  },
  "reorder components": {},
  "reorder paths": {},
  "rename an operationId": {},
};

// The spec's content hash sits in every file's header: it changes everywhere, and only, when the
// spec's content changes (key order does not count, so reordering changes nothing at all).
const contentUnchanged = new Set(["reorder components", "reorder paths"]);

describe("a small spec change gives a small output diff", () => {
  it.each(Object.keys(mutations))("%s", async (name) => {
    const base = await readFixture("basics-31.yaml");
    const changed = mutations[name]!(base);
    expect(changed).not.toBe(base);
    const { size, after, provenanceChanged } = await diffAfterChange(base, changed);
    expect(size).toEqual(expected[name]);
    expect(provenanceChanged).toEqual(contentUnchanged.has(name) ? [] : after.files.map((file) => file.path));
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
});
