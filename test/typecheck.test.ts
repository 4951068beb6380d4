import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { expect, it } from "vitest";

const root = path.join(import.meta.dirname, "..");
const tsc = path.join(root, "node_modules/.bin/tsc");

// One strict compile of the whole repo: generator, templates, tests, generated/ and every
// snapshot client under test/fixtures/clients (tsconfig.json holds the strict flag set).
it("everything type-checks under the strict flag set", async () => {
  const result = await promisify(execFile)(tsc, ["-p", "tsconfig.json"], { cwd: root }).then(
    () => ({ code: 0, output: "" }),
    (error: { code?: number; stdout?: string }) => ({ code: error.code ?? 1, output: error.stdout ?? "" }),
  );
  expect(result.output).toBe("");
  expect(result.code).toBe(0);
}, 120_000);
