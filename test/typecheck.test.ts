import { execFile } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { expect, it } from "vitest";
import { readmeTsBlocks, togetherFullSpecMarker } from "./readmeExamples.js";

const root = path.join(import.meta.dirname, "..");
// TypeScript 7 by its own path: the 5.x aliases installed for consumer tests also declare a `tsc` bin.
const tsc = path.join(root, "node_modules/typescript/bin/tsc");

/** The README's TypeScript examples, pointed at generated/, so the documented usage is compiled too. */
function writeReadmeExamples(): void {
  const dir = path.join(root, "test/readme-examples");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir);
  // Together's full client is generated and compiled by test/e2e/togetherStream.test.ts.
  const blocks = readmeTsBlocks().filter((block) => !block.startsWith(togetherFullSpecMarker));
  blocks.forEach((block, index) => {
    const source = block
      .replace('"./acme/index.js"', '"../fixtures/clients/operations-31/index.js"')
      .replace('"./llm/index.js"', '"../fixtures/clients/streaming-31/index.js"')
      .replace('"./stripe/index.js"', '"../fixtures/clients/paging-stripe/index.js"')
      .replace('"./github/index.js"', '"../fixtures/clients/paging-github/index.js"')
      .replace(/"\.\/(\w+)\/index\.js"/g, '"../../generated/$1/index.js"');
    writeFileSync(path.join(dir, `example${index + 1}.ts`), `export {};\n${source}`);
  });
  if (blocks.length < 2) throw new Error("README lost its usage examples");
}

// One strict compile of the whole repo: generator, templates, tests, generated/ and every
// snapshot client under test/fixtures/clients (tsconfig.json holds the strict flag set).
it("everything type-checks under the strict flag set", async () => {
  writeReadmeExamples();
  const result = await promisify(execFile)(tsc, ["-p", "tsconfig.json"], { cwd: root }).then(
    () => ({ code: 0, output: "" }),
    (error: { code?: number; stdout?: string }) => ({ code: error.code ?? 1, output: error.stdout ?? "" }),
  );
  expect(result.output).toBe("");
  expect(result.code).toBe(0);
});
