import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { generate } from "../../generator/generate.js";
import { formatLocation } from "../../generator/shared/specError.js";

const specsDir = path.join(import.meta.dirname, "../fixtures/specs");
// A folder is one multi-file spec (a root document and the files its `$ref`s reach).
const fixtures = readdirSync(specsDir)
  .filter((name) => name.endsWith(".yaml") || statSync(path.join(specsDir, name)).isDirectory())
  .sort();

const clientsDir = path.join(import.meta.dirname, "../fixtures/clients");

/**
 * The runtime is the same in every client but for its header (which names the spec), so it is
 * pinned once, in clients/runtime.ts; each fixture's committed runtime.ts re-exports that copy,
 * which keeps every snapshot client compilable and runnable without 17 copies of the runtime.
 * So is paging.ts, in clients/paging.ts, for a client with a paged list.
 */
async function expectSharedRuntime(file: { path: string; text: string }, files: readonly { path: string; text: string }[]): Promise<void> {
  const header = files.find((file) => file.path === "index.ts")!.text.split("\n\n")[0]!;
  expect(file.text.startsWith(`${header}\n\n`)).toBe(true);
  await expect(file.text.slice(header.length + 2)).toMatchFileSnapshot(path.join(clientsDir, file.path));
}

// multi-file-30 is DigitalOcean-shaped: its lists page by `links.pages.next`.
const paged = new Set(["multi-file-30"]);

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
      ...(paged.has(fixture) ? ["paging.ts"] : []),
      "API.md",
      "api-surface.json",
    ]);
    for (const file of api.files) {
      if (file.path === "runtime.ts" || file.path === "paging.ts") await expectSharedRuntime(file, api.files);
      else await expect(file.text).toMatchFileSnapshot(path.join(snapshotDir, file.path));
    }
    const warnings = api.warnings.map((warning) => `${warning.level === "note" ? "note: " : ""}${formatLocation(warning.location)}: ${warning.message}\n`).join("");
    await expect(warnings).toMatchFileSnapshot(path.join(snapshotDir, "warnings.txt"));
  });
});
