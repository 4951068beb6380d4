/**
 * The warm and start-up rows: what a user waits for after a small spec change (our generator
 * with its run cache filled by the previous version) and for `npm run generate` on the bundled seeds.
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { measure, median, type Measurement } from "./measure.js";
import { oneOperationChange } from "./realSpecs.js";
import { oursCommand, repoRoot } from "./tools.js";

export interface TimedRuns {
  runs: number[];
  medianWallMs: number | undefined;
  peakRssKb: number | undefined;
  error: string | undefined;
}

/**
 * Regeneration after a one-operation change: the unchanged spec generated once into a fresh
 * cache (not timed), then each timed run edits the spec anew (see oneOperationChange) and
 * regenerates with that cache, as the next `npm run generate` or --watch run would.
 */
export async function warmRuns(specPath: string, runs: number): Promise<TimedRuns> {
  const work = await mkdtemp(path.join(os.tmpdir(), "bench-warm-"));
  try {
    const spec = path.join(work, path.basename(specPath));
    const original = await readFile(specPath, "utf8");
    await writeFile(spec, original);
    const cache = path.join(work, "cache");
    const out = path.join(work, "out");
    const fill = await measure(oursCommand(spec, out, cache));
    if (fill.exitCode !== 0) return failed(fill);
    const measured: Measurement[] = [];
    for (let run = 1; run <= runs; run++) {
      const document: unknown = JSON.parse(original);
      oneOperationChange(document, run);
      await writeFile(spec, JSON.stringify(document));
      const measurement = await measure(oursCommand(spec, out, cache));
      if (measurement.exitCode !== 0) return failed(measurement);
      measured.push(measurement);
    }
    return summary(measured);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/**
 * `npm run generate -- --check` on the bundled seeds, whole process (npm included): once with an
 * empty cache (a fresh clone's first run; the build is made beforehand, as `npm ci` does), then
 * `runs` times with the cache that run left. `--check` does all the work but the final write.
 */
export async function startupRuns(runs: number): Promise<{ cold: TimedRuns; warm: TimedRuns }> {
  const cache = await mkdtemp(path.join(os.tmpdir(), "bench-startup-"));
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const command = { command: npm, args: ["run", "--silent", "generate", "--", "--check", "--quiet"], cwd: repoRoot, env: { CLIENTGEN_CACHE_DIR: cache } };
  try {
    await measure({ ...command, args: ["run", "--silent", "generate", "--", "--help"] });
    const cold = await measure(command);
    const warm: Measurement[] = [];
    for (let run = 0; run < runs; run++) warm.push(await measure(command));
    return { cold: summary([cold]), warm: summary(warm) };
  } finally {
    await rm(cache, { recursive: true, force: true });
  }
}

function summary(measured: Measurement[]): TimedRuns {
  const failure = measured.find((measurement) => measurement.exitCode !== 0);
  if (failure !== undefined) return failed(failure);
  const peaks = measured.map((measurement) => measurement.peakRssKb ?? 0);
  return {
    runs: measured.map((measurement) => measurement.wallMs),
    medianWallMs: median(measured.map((measurement) => measurement.wallMs)),
    peakRssKb: Math.max(...peaks) || undefined,
    error: undefined,
  };
}

function failed(measurement: Measurement): TimedRuns {
  const reason = measurement.stderrTail.trim().split("\n").at(-1) ?? "";
  return { runs: [], medianWallMs: undefined, peakRssKb: undefined, error: `exit code ${measurement.exitCode}: ${reason}` };
}
