/**
 * Consumer cost: how long a strict `tsc --noEmit` (TypeScript 7) takes over a generated client
 * copied, alone, into a folder of its own.
 */
import { cp, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { measure, type Measurement } from "./measure.js";
import { outputFiles, repoRoot } from "./tools.js";

export const tscPath = path.join(repoRoot, "node_modules/typescript/bin/tsc");

/** The same settings for every tool: a browser-style strict consumer without Node typings. */
export const consumerCompilerOptions = {
  target: "ES2022",
  lib: ["ES2022", "DOM"],
  module: "ESNext",
  moduleResolution: "Bundler",
  strict: true,
  skipLibCheck: true,
  types: [],
  noEmit: true,
} as const;

export interface ConsumerProject {
  dir: string;
  /** TypeScript files and their bytes (other output, such as docs, is copied but not compiled). */
  files: number;
  bytes: number;
}

/** Copies `source` (a folder or one .ts file) to `<dir>/src/` and writes `<dir>/tsconfig.json`. */
export async function makeConsumerProject(source: string, dir: string): Promise<ConsumerProject> {
  const src = path.join(dir, "src");
  await mkdir(src, { recursive: true });
  const files = await outputFiles(source);
  if (files.length === 1 && files[0]!.path === source) await cp(source, path.join(src, path.basename(source)));
  else await cp(source, src, { recursive: true });
  const tsconfig = { compilerOptions: consumerCompilerOptions, include: ["src"] };
  await writeFile(path.join(dir, "tsconfig.json"), `${JSON.stringify(tsconfig, null, 2)}\n`);
  const typescript = files.filter((file) => file.path.endsWith(".ts"));
  return { dir, files: typescript.length, bytes: typescript.reduce((sum, file) => sum + file.bytes, 0) };
}

export interface TypecheckRun {
  measurement: Measurement;
  /** Number of `error TS` diagnostics tsc printed. */
  errors: number;
  /** Diagnostics per code, most frequent first. */
  errorCodes: Record<string, number>;
  firstErrors: string[];
}

export async function typecheck(project: ConsumerProject, timeoutMs?: number): Promise<TypecheckRun> {
  const measurement = await measure({
    command: process.execPath,
    args: [tscPath, "-p", project.dir, "--pretty", "false"],
    cwd: project.dir,
    countLines: /error (TS\d+):/,
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
  });
  const firstErrors = measurement.firstMatches.map((line) => line.replace(`${project.dir}/`, ""));
  const errorCodes = Object.fromEntries(Object.entries(measurement.matchCounts).sort((a, b) => b[1] - a[1]));
  return { measurement, errors: measurement.matchedLines, errorCodes, firstErrors };
}
