import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { format, type Options } from "prettier";
import type { OutputFile } from "../emit/emitApi.js";

/**
 * Pinned here, never read from config files, so output does not depend on where the generator runs.
 * `babel-ts` prints the same as the `typescript` parser for what we emit, at less than half the cost.
 */
export const prettierOptions: Options = {
  parser: "babel-ts",
  printWidth: 100,
  tabWidth: 2,
  useTabs: false,
  semi: true,
  singleQuote: false,
  trailingComma: "all",
  bracketSpacing: true,
  arrowParens: "always",
  endOfLine: "lf",
};

/** Below this much code, starting worker threads costs more than it saves. */
const parallelThreshold = 400_000;

/** Formats the TypeScript files (other files pass through); large outputs on worker threads, one file per task. */
export async function formatFiles(files: readonly OutputFile[]): Promise<OutputFile[]> {
  const code = files.filter((file) => file.path.endsWith(".ts"));
  const size = code.reduce((total, file) => total + file.text.length, 0);
  const workers = Math.min(availableParallelism(), 4);
  const formatted = size < parallelThreshold || workers < 2 ? await formatHere(code) : await formatOnWorkers(code, workers);
  return files.map((file) => ({ path: file.path, text: formatted.get(file.path) ?? file.text }));
}

async function formatHere(files: readonly OutputFile[]): Promise<Map<string, string>> {
  const texts = await Promise.all(files.map((file) => format(file.text, prettierOptions)));
  return new Map(files.map((file, index) => [file.path, texts[index]!]));
}

async function formatOnWorkers(files: readonly OutputFile[], count: number): Promise<Map<string, string>> {
  const pool = Array.from({ length: count }, () => new Worker(new URL("./formatWorker.mjs", import.meta.url)));
  try {
    // Largest first, each to the worker with the least work queued: the big files run side by side.
    const queued = pool.map(() => 0);
    const tasks = [...files].sort((a, b) => b.text.length - a.text.length).map((file) => {
      const index = queued.indexOf(Math.min(...queued));
      queued[index]! += file.text.length;
      return formatOn(pool[index]!, file);
    });
    return new Map(await Promise.all(tasks));
  } finally {
    await Promise.all(pool.map((worker) => worker.terminate()));
  }
}

function formatOn(worker: Worker, file: OutputFile): Promise<[string, string]> {
  return new Promise((resolve, reject) => {
    const id = file.path;
    const onMessage = (reply: { id: string; text?: string; error?: string }): void => {
      if (reply.id !== id) return;
      worker.off("message", onMessage);
      if (reply.text === undefined) reject(new Error(`prettier failed on ${id}: ${reply.error}`));
      else resolve([id, reply.text]);
    };
    worker.on("message", onMessage);
    worker.once("error", reject);
    worker.postMessage({ id, text: file.text, options: prettierOptions });
  });
}
