import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { generate } from "../generator/generate.js";
import { compareOutput } from "../generator/output/compareOutput.js";

const root = path.join(import.meta.dirname, "..");
const apis = readdirSync(path.join(root, "specs")).sort();

describe("committed generated/", () => {
  it("has one client folder per bundled spec and nothing else", () => {
    expect(readdirSync(path.join(root, "generated")).sort()).toEqual(apis);
  });

  it.each(apis)("generated/%s and its names.lock.json equal a fresh generation byte for byte", async (api) => {
    const fresh = await generate(path.join(root, "specs", api));
    expect(await compareOutput(path.join(root, "generated", api), fresh.files)).toEqual([]);
    expect(readFileSync(fresh.nameLock.path, "utf8")).toBe(fresh.nameLock.text);
    expect(fresh.nameNotes).toEqual([]);
  });
});
