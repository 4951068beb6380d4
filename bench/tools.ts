/**
 * The generators the benchmark runs: ours and the peers, each as the command a user would type.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { withNodeOption, type Command } from "./measure.js";

export const repoRoot = path.join(import.meta.dirname, "..");
const bin = (name: string) => path.join(repoRoot, "node_modules/.bin", name);

export type ToolId = "ours" | "openapi-typescript" | "hey-api";

export interface Tool {
  id: ToolId;
  /** Package and installed version, e.g. `@hey-api/openapi-ts 0.95.0`. */
  label: string;
  /** What the tool produces in this benchmark. */
  produces: string;
  /** The command generating `specPath` into `outDir` (a folder that does not exist yet). */
  command(specPath: string, outDir: string): Command;
}

/**
 * openapi-typescript 7 declares `peerDependencies: typescript ^5.x`, which conflicts with the
 * repo's TypeScript 7, so it lives in bench/peers/ with its own lockfile (see ensurePeers).
 */
export const peersRoot = path.join(repoRoot, "bench/peers");

/** Our generator as `npm run generate` starts it, reading and writing its run cache in `cacheDir`. */
export function oursCommand(specPath: string, outDir: string, cacheDir: string): Command {
  return {
    command: process.execPath,
    args: [path.join(repoRoot, "generator/start.mjs"), "--spec", specPath, "--out", outDir, "--force", "--quiet"],
    cwd: repoRoot,
    env: { CLIENTGEN_CACHE_DIR: cacheDir },
  };
}

/** Installs bench/peers from its lockfile when it is missing; an error message when that fails. */
export function ensurePeers(): string | undefined {
  if (existsSync(path.join(peersRoot, "node_modules/.bin/openapi-typescript"))) return undefined;
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const install = spawnSync(npm, ["ci", "--prefix", peersRoot, "--ignore-scripts", "--no-audit", "--no-fund"], { encoding: "utf8" });
  return install.status === 0 ? undefined : `npm ci --prefix bench/peers failed: ${(install.stderr ?? "").trim().split("\n").at(-1)}`;
}

/** The 7.x of bench/peers; the repo's own 6.x when bench/peers could not be installed. */
function openapiTypescript(): { bin: string; version: string } {
  const peer = path.join(peersRoot, "node_modules");
  const modules = existsSync(path.join(peer, ".bin/openapi-typescript")) ? peer : path.join(repoRoot, "node_modules");
  return { bin: path.join(modules, ".bin/openapi-typescript"), version: packageVersion("openapi-typescript", modules) };
}

export function packageVersion(name: string, modules = path.join(repoRoot, "node_modules")): string {
  try {
    const manifest = JSON.parse(readFileSync(path.join(modules, name, "package.json"), "utf8")) as { version?: unknown };
    return typeof manifest.version === "string" ? manifest.version : "unknown";
  } catch {
    return "not installed";
  }
}

/**
 * Both peers call TypeScript's classic compiler API (`ts.factory`, `ts.NewLineKind`, ...) to
 * build or print their output. The repo's `typescript` is TypeScript 7, the native compiler,
 * which has no such API: `@hey-api/openapi-ts` then dies on load with
 * `TypeError: Cannot read properties of undefined (reading 'LineFeed')`. This preload sends the
 * peers' `import "typescript"` to the `typescript-5.9` alias the repo already installs.
 */
const typescript5Preload = pathToFileURL(path.join(import.meta.dirname, "preload/typescript5.mjs")).href;

export const tools: readonly Tool[] = [
  {
    id: "ours",
    label: `openapi-ts-clientgen (this repo)`,
    produces: "full SDK (types, operations, runtime), prettier-formatted",
    // What `npm run generate` runs. A cache folder of its own per run: every run here is cold.
    command: (specPath, outDir) => oursCommand(specPath, outDir, `${outDir}.cache`),
  },
  {
    id: "openapi-typescript",
    // Read when printed: bench/peers may be installed only once the bench has started.
    get label() {
      return `openapi-typescript ${openapiTypescript().version}`;
    },
    produces: "types only, unformatted, one file",
    command: (specPath, outDir) => ({
      command: openapiTypescript().bin,
      args: [specPath, "-o", path.join(outDir, "schema.ts")],
      cwd: path.dirname(outDir),
    }),
  },
  {
    id: "hey-api",
    label: `@hey-api/openapi-ts ${packageVersion("@hey-api/openapi-ts")}`,
    produces: "full SDK: default plugins (@hey-api/typescript, @hey-api/sdk) + @hey-api/client-fetch, unformatted",
    command: (specPath, outDir) => ({
      command: bin("openapi-ts"),
      args: ["--input", specPath, "--output", outDir, "--client", "@hey-api/client-fetch", "--no-log-file", "--silent"],
      // A folder of its own, so no openapi-ts.config.* of the repo is picked up.
      cwd: path.dirname(outDir),
      env: { NODE_OPTIONS: withNodeOption(process.env["NODE_OPTIONS"], `--import=${typescript5Preload}`) },
    }),
  },
];

/** Every regular file under `target` (or `target` itself if it is a file), with its size. */
export async function outputFiles(target: string): Promise<{ path: string; bytes: number }[]> {
  const info = await stat(target).catch(() => undefined);
  if (info === undefined) return [];
  if (info.isFile()) return [{ path: target, bytes: info.size }];
  const files: { path: string; bytes: number }[] = [];
  for (const entry of await readdir(target, { withFileTypes: true })) {
    files.push(...(await outputFiles(path.join(target, entry.name))));
  }
  return files;
}

export async function outputBytes(target: string): Promise<number> {
  return (await outputFiles(target)).reduce((sum, file) => sum + file.bytes, 0);
}
