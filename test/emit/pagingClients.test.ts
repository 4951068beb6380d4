import path from "node:path";
import { describe, it } from "vitest";
import { generate } from "../../generator/generate.js";
import { expectPinnedClient } from "./pinnedClient.js";

const fixtures = path.join(import.meta.dirname, "../fixtures");

// Issue 21's clients: the vendored lists (Stripe, GitHub, OpenAI) and one synthetic spec with the other schemes.
// test/e2e/pagination.test.ts runs them against a local server; the strict type-check compiles them.
const specs: [string, string][] = [
  ["paging-stripe", "vendor/stripe/customers.json"],
  ["paging-github", "vendor/github/lists.json"],
  ["paging-openai", "vendor/openai/list-files.json"],
  ["paging-schemes", "paging/schemes.yaml"],
];

describe.each(specs)("%s", (name, spec) => {
  it("generates the pinned client, with paging.ts", async () => {
    await expectPinnedClient(await generate(path.join(fixtures, spec)), name, true);
  });
});
