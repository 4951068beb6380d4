/**
 * The generators the benchmark runs: ours and the peers, each as the command a user would type.
 */
import { readFileSync } from "node:fs";
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

export function packageVersion(name: string): string {
  try {
    const manifest = JSON.parse(readFileSync(path.join(repoRoot, "node_modules", name, "package.json"), "utf8")) as { version?: unknown };
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
    command: (specPath, outDir) => ({
      command: bin("tsx"),
      args: [path.join(repoRoot, "generator/cli.ts"), "--spec", specPath, "--out", outDir, "--force"],
      cwd: repoRoot,
    }),
  },
  {
    id: "openapi-typescript",
    label: `openapi-typescript ${packageVersion("openapi-typescript")}`,
    produces: "types only, unformatted, one file",
    command: (specPath, outDir) => ({
      command: bin("openapi-typescript"),
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
