import path from "node:path";
import { describe, expect, it } from "vitest";
import { generate } from "../../generator/generate.js";
import { formatLocation } from "../../generator/shared/specError.js";

const fixtures = path.join(import.meta.dirname, "../fixtures");
const clientsDir = path.join(fixtures, "clients");

// Issue 21's clients: the vendored lists (Stripe, GitHub, OpenAI) and one synthetic spec with the other schemes.
// test/e2e/pagination.test.ts runs them against a local server; the strict type-check compiles them.
const specs: [string, string][] = [
  ["paging-stripe", "vendor/stripe/customers.json"],
  ["paging-github", "vendor/github/issues.json"],
  ["paging-openai", "vendor/openai/list-files.json"],
  ["paging-schemes", "paging/schemes.yaml"],
];

/** runtime.ts and paging.ts are the same in every client but for their header: each is pinned once, in clients/. */
async function expectShared(file: { path: string; text: string }, header: string): Promise<void> {
  expect(file.text.startsWith(`${header}\n\n`)).toBe(true);
  await expect(file.text.slice(header.length + 2)).toMatchFileSnapshot(path.join(clientsDir, file.path));
}

describe.each(specs)("%s", (name, spec) => {
  it("generates the pinned client, with paging.ts", async () => {
    const api = await generate(path.join(fixtures, spec));
    expect(api.files.map((file) => file.path)).toEqual([
      "models.ts",
      "operations.ts",
      "client.ts",
      "index.ts",
      "runtime.ts",
      "paging.ts",
      "API.md",
      "api-surface.json",
    ]);
    const header = api.files.find((file) => file.path === "index.ts")!.text.split("\n\n")[0]!;
    for (const file of api.files) {
      if (file.path === "runtime.ts" || file.path === "paging.ts") await expectShared(file, header);
      else await expect(file.text).toMatchFileSnapshot(path.join(clientsDir, name, file.path));
    }
    const warnings = api.warnings.map((warning) => `${warning.level === "note" ? "note: " : ""}${formatLocation(warning.location)}: ${warning.message}\n`).join("");
    await expect(warnings).toMatchFileSnapshot(path.join(clientsDir, name, "warnings.txt"));
  });
});
