import { execFile } from "node:child_process";
import { copyFile, mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { diffAfterChange } from "./specVersions.js";

const vendor = path.join(import.meta.dirname, "../fixtures/vendor/together");

/** The vendored version and the next one (the vendored patch applied with git). */
async function togetherVersions(): Promise<{ before: string; after: string }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "together-"));
  try {
    await copyFile(path.join(vendor, "openapi.yaml"), path.join(dir, "openapi.yaml"));
    await promisify(execFile)("git", ["apply", path.join(vendor, "openapi.yaml.patch")], { cwd: dir });
    return { before: await readFile(path.join(vendor, "openapi.yaml"), "utf8"), after: await readFile(path.join(dir, "openapi.yaml"), "utf8") };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe("a real vendor update touches only what changed", () => {
  // Two generations of Together's whole spec (about 100 operations, 350 types): a few seconds.
  it("Together 06addb0 -> da6a1b9 (two property descriptions rewritten)", async () => {
    const { before, after } = await togetherVersions();
    const { size, changed, after: api } = await diffAfterChange(before, after, { specName: "openapi.yaml" });
    // The two descriptions are JSDoc lines in models.ts (response_encoding's twice: on the property
    // and on its hoisted enum type); api-surface.json's one changed line is the spec's content
    // hash. Every other file, runtime.ts, API.md and names.lock.json included, is byte-identical.
    expect(changed).toEqual(["api-surface.json", "models.ts"]);
    expect(size).toEqual({ "api-surface.json": { added: 1, removed: 1 }, "models.ts": { added: 3, removed: 3 } });
    const models = api.files.find((file) => file.path === "models.ts")?.text;
    expect(models).toContain("   * Sampling rate in Hz for the output audio. Cartesia and Minimax models respect this parameter.");
  });
});
