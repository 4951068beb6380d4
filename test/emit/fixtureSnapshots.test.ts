import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, it } from "vitest";
import { generate } from "../../generator/generate.js";
import { expectPinnedClient } from "./pinnedClient.js";

const specsDir = path.join(import.meta.dirname, "../fixtures/specs");
// A folder is one multi-file spec (a root document and the files its `$ref`s reach).
const fixtures = readdirSync(specsDir)
  .filter((name) => name.endsWith(".yaml") || statSync(path.join(specsDir, name)).isDirectory())
  .sort();

// multi-file-30 is DigitalOcean-shaped: its lists page by `links.pages.next`.
const paged = new Set(["multi-file-30"]);

// Whole clients as file snapshots; the strict type-check test compiles these same files.
describe.each(fixtures)("%s", (fixture) => {
  it("generates the pinned client", async () => {
    const api = await generate(path.join(specsDir, fixture));
    await expectPinnedClient(api, fixture.replace(/\.yaml$/, ""), paged.has(fixture));
  });
});
