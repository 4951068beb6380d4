// Issue 22: a program importing only functions does not grow with the client class. The class
// lives in resources.ts and classClient.ts, reached from index.ts only through re-exports, and
// declares nothing with side effects (its statics are getters), so a bundler drops it.
import path from "node:path";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

const together = path.join(import.meta.dirname, "../../generated/together");
// Property names a minifier keeps and only the class runtime writes.
const classMarkers = ["asResponse", "hasNextPage", "APIConnectionTimeoutError"];

async function bundle(program: string): Promise<string> {
  const result = await build({
    stdin: { contents: program, resolveDir: together, sourcefile: "program.ts", loader: "ts" },
    bundle: true,
    minify: true,
    format: "esm",
    write: false,
    platform: "neutral",
    logLevel: "silent",
  });
  return result.outputFiles[0]!.text;
}

describe("the client class stays out of a program that imports only functions", () => {
  it("a function call's bundle holds none of the class (nor its error classes)", async () => {
    const text = await bundle(`import { createClient, getEndpoint } from "./index.js";\ngetEndpoint(createClient({ apiKey: "k" }), { endpointId: "e" }).then(console.log);\n`);
    expect(text).toContain("/endpoints/{endpointId}");
    expect(classMarkers.filter((marker) => text.includes(marker))).toEqual([]);
  });

  it("the same call through the class holds it (the markers are the class's)", async () => {
    const text = await bundle(`import Together from "./index.js";\nnew Together({ apiKey: "k" }).endpoints.retrieve("e").then(console.log);\n`);
    expect(text).toContain("/endpoints/{endpointId}");
    expect(classMarkers.filter((marker) => text.includes(marker))).toEqual(classMarkers);
  });
});
