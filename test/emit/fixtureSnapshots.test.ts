import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { generate } from "../../generator/generate.js";
import { formatLocation } from "../../generator/load/specError.js";

const specsDir = path.join(import.meta.dirname, "../fixtures/specs");
const fixtures = readdirSync(specsDir).filter((name) => name.endsWith(".yaml")).sort();

// Whole clients as file snapshots; the strict type-check test compiles these same files.
describe.each(fixtures)("%s", (fixture) => {
  it("generates the pinned client", async () => {
    const api = await generate(path.join(specsDir, fixture));
    const snapshotDir = path.join(import.meta.dirname, "../fixtures/clients", fixture.replace(/\.yaml$/, ""));
    // The manifest pins the file list, so a vanished or extra file fails too.
    expect(api.files.map((file) => file.path)).toEqual([
      "models.ts",
      "operations.ts",
      "client.ts",
      "index.ts",
      "runtime.ts",
      "API.md",
      "api-surface.json",
    ]);
    for (const file of api.files) {
      await expect(file.text).toMatchFileSnapshot(path.join(snapshotDir, file.path));
    }
    const warnings = api.warnings.map((warning) => `${formatLocation(warning.location)}: ${warning.message}\n`).join("");
    await expect(warnings).toMatchFileSnapshot(path.join(snapshotDir, "warnings.txt"));
  });
});
