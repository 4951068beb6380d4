/**
 * Runs once before any test file. The CLI tests run the generator as users do, `node
 * generator/start.mjs`, which bundles the sources when they changed since the last bundle. Bundling
 * here, before any worker starts (and again before each rerun in watch mode), builds it once instead
 * of in many test runs at once, and a bundling failure is one clear error instead of many.
 * Also gives the run one scratch run-cache folder for the CLI (`inject("cliCacheDir")`), removed at the end.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    cliCacheDir: string;
  }
}

const repoRoot = path.join(import.meta.dirname, "..");

function bundleGenerator(): void {
  // start.mjs says "note: generator not bundled (…)" on stderr when esbuild fails, and carries on.
  const build = spawnSync(process.execPath, ["generator/start.mjs", "--build-only"], { cwd: repoRoot, encoding: "utf8" });
  if (build.status !== 0 || build.stderr !== "" || !existsSync(path.join(repoRoot, ".build", "cli.mjs"))) {
    throw new Error(`bundling the generator failed (exit ${build.status}):\n${build.stderr}`);
  }
}

export function setup(project: TestProject): () => void {
  bundleGenerator();
  project.onTestsRerun(bundleGenerator);
  const cliCacheDir = mkdtempSync(path.join(os.tmpdir(), "clitest-run-cache-"));
  project.provide("cliCacheDir", cliCacheDir);
  return () => rmSync(cliCacheDir, { recursive: true, force: true });
}
