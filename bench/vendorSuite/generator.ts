/**
 * The generator side of `../vendorSdkSuite.ts`: a chosen checkout (perhaps another session's live
 * worktree, uncommitted changes included) is copied into the temporary folder and run from there, so
 * that its `.build/` bundle is written in the copy and the checkout itself is only ever read.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, symlinkSync } from "node:fs";
import { dirname, join } from "node:path";

const git = (dir: string, ...args: string[]) => execFileSync("git", ["--no-optional-locks", "-C", dir, ...args], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });

/** `abc1234`, or `abc1234 + uncommitted changes`; read without taking git's index lock. With `ref`: that commit. */
export function commitOf(dir: string, ref?: string): string {
  if (ref !== undefined) return git(dir, "rev-parse", "--short", `${ref}^{commit}`).trim();
  const head = git(dir, "rev-parse", "--short", "HEAD").trim();
  return git(dir, "status", "--porcelain", "--untracked-files=normal").trim() === "" ? head : `${head} + uncommitted changes`;
}

/**
 * Copies the checkout's files to `dest`: those of commit `ref`, or else of the working tree (tracked and
 * untracked, not ignored). Its node_modules is linked, never written (the generator runs with `--no-cache`).
 */
export function copyCheckout(dir: string, dest: string, ref?: string): void {
  mkdirSync(dest, { recursive: true });
  if (ref !== undefined) execFileSync("tar", ["-x", "-C", dest], { input: execFileSync("git", ["-C", dir, "archive", "--format=tar", ref], { maxBuffer: 256 * 1024 * 1024 }) });
  else copyWorkingTree(dir, dest);
  symlinkSync(join(dir, "node_modules"), join(dest, "node_modules"), "dir");
}

function copyWorkingTree(dir: string, dest: string): void {
  const files = git(dir, "ls-files", "-z", "--cached", "--others", "--exclude-standard")
    .split("\0")
    .filter(Boolean);
  for (const file of files) {
    if (!existsSync(join(dir, file))) continue; // deleted in the working tree
    mkdirSync(dirname(join(dest, file)), { recursive: true });
    copyFileSync(join(dir, file), join(dest, file));
  }
}

/**
 * Generates `spec` into `out` with the copied generator, with `--resources apiMd`. True when it was;
 * false when that generator does not know the flag, and generated without it.
 */
export function generateClient(generatorDir: string, spec: string, out: string, apiMd: string): boolean {
  const start = join(generatorDir, "generator/start.mjs");
  const common = ["--spec", spec, "--out", out, "--no-cache", "--quiet"];
  const withResources = spawnSync(process.execPath, [start, ...common, "--resources", apiMd], { cwd: generatorDir, encoding: "utf8" });
  if (withResources.status === 0) return true;
  if (!/Unknown argument: resources/.test(withResources.stderr)) throw new Error(`generation failed (exit ${withResources.status}):\n${withResources.stderr}`);
  const without = spawnSync(process.execPath, [start, ...common], { cwd: generatorDir, encoding: "utf8" });
  if (without.status !== 0) throw new Error(`generation failed (exit ${without.status}):\n${without.stderr}`);
  return false;
}
