import { existsSync } from "node:fs";
import path from "node:path";
import { describe, it } from "vitest";
import { repoRoot, runCli, stackFrames } from "./helpers.js";

describe.concurrent("CLI usage", () => {
  it("--help exits 0 and documents the options and exit codes", async ({ expect }) => {
    const result = await runCli(["--help"]);
    expect(result.code).toBe(0);
    const help = result.stdout + result.stderr;
    for (const option of ["--spec", "--out", "--check", "--force"]) expect(help).toContain(option);
    // Every exit code is documented with its meaning.
    expect(help).toMatch(/exit codes?/i);
    expect(help).toMatch(/\b0\b[^\n]*\bok\b/i);
    expect(help).toMatch(/\b1\b[^\n]*spec error/i);
    expect(help).toMatch(/\b1\b[^\n]*--check/);
    expect(help).toMatch(/\b2\b[^\n]*usage/i);
  });

  it("an unknown flag is a usage error: exit 2 naming the flag", async ({ expect }) => {
    const result = await runCli(["--spce", "specs/together"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("spce");
    expect(stackFrames(result.stderr)).toEqual([]);
    expect(result.stdout).toBe("");
  });

  it("--out without --spec is a usage error: exit 2, nothing written", async ({ expect }) => {
    const result = await runCli(["--out", "never-written-by-cli-test"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--out/);
    expect(result.stderr).toMatch(/--spec/);
    expect(stackFrames(result.stderr)).toEqual([]);
    expect(existsSync(path.join(repoRoot, "never-written-by-cli-test"))).toBe(false);
  });
});
