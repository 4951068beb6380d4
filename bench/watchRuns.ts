/**
 * The `--watch` row: one long-running `npm run generate -- --watch` process, and for each run the
 * time from saving a one-operation change to the client written, as the user waits for it (the
 * watcher's 200 ms debounce included). No peak memory: the process lives across all the runs.
 */
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rename, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { median } from "./measure.js";
import { oneOperationChange } from "./realSpecs.js";
import { oursCommand } from "./tools.js";
import type { TimedRuns } from "./warmRuns.js";

/** A run that takes longer than this has failed. */
const runTimeoutMs = 120_000;

export async function watchRuns(specPath: string, runs: number): Promise<TimedRuns> {
  const work = await mkdtemp(path.join(os.tmpdir(), "bench-watch-"));
  const spec = path.join(work, path.basename(specPath));
  const original = await readFile(specPath, "utf8");
  await writeFile(spec, original);
  const command = oursCommand(spec, path.join(work, "out"), path.join(work, "cache"));
  const child = spawn(command.command, [...command.args, "--watch"], { cwd: command.cwd, env: { ...process.env, ...command.env } });
  const written = clientsWritten(child.stdout);
  try {
    await written.next(runTimeoutMs);
    const times: number[] = [];
    for (let run = 1; run <= runs; run++) {
      const document: unknown = JSON.parse(original);
      oneOperationChange(document, run);
      // Saved as editors do, by rename: the watcher sees one complete file.
      await writeFile(`${spec}.tmp`, JSON.stringify(document));
      const saved = performance.now();
      await rename(`${spec}.tmp`, spec);
      await written.next(runTimeoutMs);
      times.push(performance.now() - saved);
    }
    return { runs: times, medianWallMs: median(times), peakRssKb: undefined, error: undefined };
  } catch (error) {
    return { runs: [], medianWallMs: undefined, peakRssKb: undefined, error: error instanceof Error ? error.message : String(error) };
  } finally {
    child.kill();
    await rm(work, { recursive: true, force: true });
  }
}

/** Resolves once per "<api>: N files in <dir>" line the watcher prints (one per completed run). */
function clientsWritten(stdout: NodeJS.ReadableStream): { next(timeoutMs: number): Promise<void> } {
  let seen = 0;
  let waiting: { count: number; resolve: () => void } | undefined;
  let buffered = "";
  stdout.on("data", (chunk: Buffer) => {
    buffered += chunk.toString();
    const lines = buffered.split("\n");
    buffered = lines.pop() ?? "";
    seen += lines.filter((line) => / files in /.test(line)).length;
    if (waiting !== undefined && seen >= waiting.count) waiting.resolve();
  });
  let expected = 0;
  return {
    next(timeoutMs) {
      expected++;
      if (seen >= expected) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`--watch wrote nothing within ${timeoutMs / 1000} s`)), timeoutMs);
        waiting = { count: expected, resolve: () => (clearTimeout(timer), resolve()) };
      });
    },
  };
}
