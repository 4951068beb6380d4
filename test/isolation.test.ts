import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { mocking } from "../vitest.config.js";

const root = path.join(import.meta.dirname, "..");

// Test files share a worker's modules (vitest.config.ts). A vi.mock in such a file would reach only
// the modules no earlier file in its worker had loaded, and which files those are depends on timing.
it("every test file that mocks a module runs with modules of its own", () => {
  const testFiles = readdirSync(path.join(root, "test"), { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".test.ts"))
    .map((file) => `test/${file.split(path.sep).join("/")}`);
  const mockingFiles = testFiles.filter((file) => /\bvi\.(mock|doMock)\(/.test(readFileSync(path.join(root, file), "utf8")));
  expect(mockingFiles.sort()).toEqual([...mocking].sort());
});
