/**
 * `npm run bench`: our generator against openapi-typescript and @hey-api/openapi-ts on synthetic
 * specs of 100, 1,000 and 3,000 operations, each run a separate child process; then the consumer
 * cost of the outputs (strict `tsc --noEmit`) and the bundle size of a one-operation consumer.
 *
 * Nothing here asserts a time. The run keeps to a time budget (default 570 s in all) so that it ends
 * within 10 minutes on a 2-core machine: ours always runs in full; a peer whose single run is slow
 * runs once at that size, and a peer predicted to overrun the budget is skipped and said so.
 * See bench/README.md.
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Context } from "./benchContext.js";
import { parseOptions, usage, type Options } from "./benchOptions.js";
import { benchReport, type Measured } from "./benchReport.js";
import { benchSpecs, consumerSize } from "./benchSpecs.js";
import { consumerBundles } from "./consumerBundles.js";
import { consumerTypechecks } from "./consumerTypechecks.js";
import { fmtInt, fmtSeconds } from "./figures.js";
import type { GenerationResult } from "./generationResult.js";
import { writeLatestJson } from "./latestJson.js";
import { rssMethod } from "./measure.js";
import { machineNote, startProgress } from "./progress.js";
import type { BenchSpec } from "./realSpecs.js";
import { runTool } from "./runTool.js";
import { ensurePeers, packageVersion, tools } from "./tools.js";
import { startupRuns, warmRuns, type TimedRuns } from "./warmRuns.js";
import { watchRuns } from "./watchRuns.js";

async function main(): Promise<number> {
  const progress = startProgress();
  let options: Options;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
    return 2;
  }
  const work = await mkdtemp(path.join(os.tmpdir(), "openapi-ts-clientgen-bench-"));
  const context: Context = { options, work, progress, keptOutputs: new Map(), notes: [] };
  try {
    return await bench(context);
  } finally {
    if (options.keep) console.log(`\nKept ${work}`);
    else await rm(work, { recursive: true, force: true });
  }
}

/** Specs, generation, the warm and start-up rows, consumer type-check, bundles; then the report. Exit code 1 when ours failed. */
async function bench(context: Context): Promise<number> {
  const { options, progress } = context;
  const method = rssMethod();
  progress.log(
    `sizes ${options.sizes.map(fmtInt).join(", ")}; ${options.runs} run(s) each; ` +
      `budget ${options.budgetMs === undefined ? "none" : `${options.budgetMs / 1000} s`}; peak RSS via ${method === "gnu-time" ? "/usr/bin/time -v" : "node wrapper (process.resourceUsage().maxRSS)"}`,
  );
  const { specs, consumerSpec } = await benchSpecs(context);
  const peersProblem = ensurePeers();
  if (peersProblem !== undefined) context.notes.push(`${peersProblem}; openapi-typescript is the repo's own ${packageVersion("openapi-typescript")}`);
  const generation = await generationRuns(context, specs);
  const reruns = await rerunRows(context, specs);
  const typechecks = options.sizes.includes(consumerSize) ? await consumerTypechecks(context) : [];
  if (typechecks.length === 0) context.notes.push(`consumer type-check and synthetic bundles need --sizes to include ${fmtInt(consumerSize)}`);
  const bundles = await consumerBundles(context, consumerSpec);
  const measured: Measured = { specs, generation, ...reruns, typechecks, bundles };
  const totalMs = progress.elapsedMs();
  context.notes.push(machineNote(progress));
  const report = benchReport(measured, { runs: options.runs, notes: context.notes, totalMs });
  console.log(report.text);
  await writeLatestJson(measured, report, { options, peakRssMethod: method, loadSamples: progress.loadSamples, notes: context.notes, totalMs });
  console.log(`Results written to bench/results/latest.json`);
  const oursFailed = generation.some((result) => result.tool === "ours" && result.status !== "ok");
  return oursFailed ? 1 : 0;
}

/** Ours first, in full; then each peer, within the budget (predicted from its smaller synthetic sizes). */
async function generationRuns(context: Context, specs: BenchSpec[]): Promise<GenerationResult[]> {
  const results: GenerationResult[] = [];
  for (const tool of tools) {
    const history: GenerationResult[] = [];
    for (const spec of specs) {
      const result = await runTool(context, tool, spec, spec.synthetic ? history : []);
      if (spec.synthetic) history.push(result);
      results.push(result);
    }
  }
  return results;
}

/** Ours after a one-operation change, run again and saved under --watch, on the largest synthetic spec and every real one; then start-up. */
async function rerunRows(context: Context, specs: BenchSpec[]): Promise<Pick<Measured, "warm" | "watch" | "startup">> {
  const { options, progress } = context;
  const warm = new Map<string, TimedRuns>();
  const watch = new Map<string, TimedRuns>();
  const largest = specs.filter((spec) => spec.synthetic).at(-1);
  for (const spec of specs.filter((candidate) => candidate === largest || !candidate.synthetic)) {
    const again = await warmRuns(spec.path, options.runs);
    warm.set(spec.label, again);
    progress.log(`ours ${spec.label} after a one-operation change: ${medianOrError(again)}`);
    const watched = await watchRuns(spec.path, options.runs);
    watch.set(spec.label, watched);
    progress.log(`ours --watch ${spec.label}, saved change to client written: ${medianOrError(watched)}`);
  }
  const startup = await startupRuns(options.runs);
  progress.log(`start-up (npm run generate, bundled seeds): first run ${fmtSeconds(startup.cold.medianWallMs ?? 0)} s, next runs ${fmtSeconds(startup.warm.medianWallMs ?? 0)} s`);
  return { warm, watch, startup };
}

const medianOrError = (runs: TimedRuns) => runs.error ?? `${fmtSeconds(runs.medianWallMs!)} s (median of ${runs.runs.length})`;

process.exitCode = await main();
