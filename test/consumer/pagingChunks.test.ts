import path from "node:path";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

const client = path.join(import.meta.dirname, "../fixtures/clients/paging-stripe");
// A line only the walk (pageWalk.ts) holds: it stays out of what a program that only awaits loads.
const walkMarker = "stopped to avoid looping";

/** The chunks esbuild writes for a program, split as bundlers split a dynamic import(). */
async function chunks(program: string): Promise<{ entry: string; others: string[] }> {
  const result = await build({
    stdin: { contents: program, resolveDir: client, sourcefile: "program.ts", loader: "ts" },
    bundle: true,
    format: "esm",
    splitting: true,
    outdir: path.join(client, "out"),
    write: false,
    platform: "neutral",
    logLevel: "silent",
  });
  const texts = result.outputFiles.map((file) => ({ name: path.basename(file.path), text: file.text }));
  const entry = texts.find((file) => file.name.startsWith("stdin"))!;
  return { entry: entry.text, others: texts.filter((file) => file !== entry).map((file) => file.text) };
}

describe("a paged list's walk is loaded only when a program iterates (Stripe's GET /v1/customers)", () => {
  it("awaited only: the chunk loaded up front holds paged() but not the walk", async () => {
    const { entry, others } = await chunks(`import { createClient, getCustomers } from "./index.js";\ngetCustomers(createClient({ apiKey: "k" }), {}).then((page) => console.log(page.data));\n`);
    expect(entry).toContain("/v1/customers");
    expect(entry).not.toContain(walkMarker);
    expect(others.filter((text) => text.includes(walkMarker))).toHaveLength(1);
  });

  it("iterated: the walk comes in its own chunk, imported when iteration starts", async () => {
    const { entry, others } = await chunks(`import { createClient, getCustomers } from "./index.js";\nfor await (const customer of getCustomers(createClient({ apiKey: "k" }), {})) console.log(customer.id);\n`);
    expect(entry).toMatch(/import\("\.\/pageWalk-[\w-]+\.js"\)/);
    expect(others.some((text) => text.includes(walkMarker))).toBe(true);
  });
});
