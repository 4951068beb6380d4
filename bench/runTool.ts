/**
 * One tool on one spec: up to --runs runs, each a separate child process, within the budget.
 */
import { mkdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import type { Context } from "./benchContext.js";
import { consumerSize } from "./benchSpecs.js";
import { budgetSkip, remainingMs } from "./budget.js";
import { fmtMiB, fmtSeconds } from "./figures.js";
import type { GenerationResult } from "./generationResult.js";
import { measure, median, type Measurement } from "./measure.js";
import type { BenchSpec } from "./realSpecs.js";
import { outputFiles, type Tool } from "./tools.js";

/** A peer whose first run at a size takes longer than this is run only once there. */
const slowRunMs = 60_000;

interface ToolRun {
  tool: Tool;
  spec: BenchSpec;
  /** A peer under a budget: skipped when predicted to overrun it, stopped when it runs out. */
  budgeted: boolean;
}

/** `history`: the tool's results at the smaller synthetic sizes, from which its time here is predicted. */
export async function runTool(context: Context, tool: Tool, spec: BenchSpec, history: GenerationResult[]): Promise<GenerationResult> {
  const result = emptyResult(tool, spec);
  if (tool.id === "hey-api" && !spec.synthetic) {
    return { ...result, status: "skipped", note: "hey-api runs on the synthetic specs only (time budget)" };
  }
  const budgeted = tool.id !== "ours" && context.options.budgetMs !== undefined;
  const skip = budgeted ? budgetSkip(context, history, spec.operations) : undefined;
  if (skip !== undefined) {
    context.progress.log(`${tool.id} ${spec.label}: ${skip}`);
    return { ...result, status: "skipped", note: skip };
  }
  await measuredRuns(context, { tool, spec, budgeted }, result);
  if (result.runs.length > 0) {
    result.medianWallMs = median(result.runs.map((run) => run.wallMs));
    const peaks = result.runs.map((run) => run.peakRssKb).filter((kb): kb is number => kb !== undefined);
    result.peakRssKb = peaks.length === 0 ? undefined : Math.max(...peaks);
  }
  return result;
}

function emptyResult(tool: Tool, spec: BenchSpec): GenerationResult {
  return {
    tool: tool.id,
    spec: spec.label,
    operations: spec.operations,
    status: "ok",
    runs: [],
    medianWallMs: undefined,
    peakRssKb: undefined,
    outputBytes: undefined,
    outputFiles: undefined,
    outputTsBytes: undefined,
    note: undefined,
    error: undefined,
  };
}

/** Records each run in `result`; stops at the first failure, or when the budget has no time for another. */
async function measuredRuns(context: Context, run: ToolRun, result: GenerationResult): Promise<void> {
  const { options, progress } = context;
  const name = `${run.tool.id} ${run.spec.label}`;
  let planned = options.runs;
  for (let index = 0; index < planned; index++) {
    // Ours always runs once per size; its repeats, like a peer's, only while the budget allows.
    if (options.budgetMs !== undefined && index > 0 && median(result.runs.map((done) => done.wallMs)) > remainingMs(context)) {
      result.note = `ran ${index} of ${options.runs} times: the budget left no time for more`;
      return;
    }
    const timeoutMs = run.budgeted ? Math.max(10_000, remainingMs(context)) : undefined;
    const { measurement, runDir, outDir } = await runOnce(context, run, index, timeoutMs);
    const ended = await endedRun(measurement, outDir);
    if (ended !== undefined) {
      Object.assign(result, ended);
      progress.log(ended.status === "timed-out" ? `${name}: ${ended.note}` : `${name} FAILED: ${ended.error}`);
      await rm(runDir, { recursive: true, force: true });
      return;
    }
    result.runs.push({ wallMs: measurement.wallMs, peakRssKb: measurement.peakRssKb, exitCode: measurement.exitCode });
    progress.log(`${name}, run ${index + 1}/${planned}: ${fmtSeconds(measurement.wallMs)} s, ${fmtMiB(measurement.peakRssKb)} MB peak RSS`);
    if (index === 0) planned = await afterFirstRun(context, { run, result, measurement, outDir, planned });
    await rm(runDir, { recursive: true, force: true });
  }
}

async function runOnce(context: Context, run: ToolRun, index: number, timeoutMs: number | undefined) {
  const { tool, spec } = run;
  const runDir = path.join(context.work, "runs", `${tool.id}-${spec.label.replace(/[^\w.-]+/g, "_")}-${index}`);
  await mkdir(runDir, { recursive: true });
  const outDir = path.join(runDir, "out");
  if (tool.id === "openapi-typescript") await mkdir(outDir, { recursive: true });
  const command = tool.command(spec.path, outDir);
  const measurement = await measure(timeoutMs === undefined ? command : { ...command, timeoutMs });
  return { measurement, runDir, outDir };
}

/** A run that ends the tool's runs at this size: stopped when the budget ran out, or failed (no output counts as failing). */
async function endedRun(measurement: Measurement, outDir: string): Promise<{ status: "timed-out"; note: string } | { status: "failed"; error: string } | undefined> {
  if (measurement.timedOut) return { status: "timed-out", note: `stopped after ${fmtSeconds(measurement.wallMs)} s, when the budget ran out` };
  if (measurement.exitCode === 0 && (await outputFiles(outDir)).length > 0) return undefined;
  return { status: "failed", error: describeFailure(measurement) };
}

function describeFailure(measurement: Measurement): string {
  const stream = measurement.stderrTail.trim() !== "" ? measurement.stderrTail : measurement.stdoutTail;
  const lines = stream
    .split("\n")
    .map((line) => line.trimEnd())
    .filter((line) => line.trim() !== "");
  const reason = measurement.signal !== null ? `killed by ${measurement.signal}` : `exit code ${measurement.exitCode}`;
  return `${reason}: ${lines.slice(-6).join(" | ") || "(no output)"}`;
}

interface FirstRun {
  run: ToolRun;
  result: GenerationResult;
  measurement: Measurement;
  outDir: string;
  planned: number;
}

/**
 * After the first run: the output's size; a slow peer runs only once (the runs planned now);
 * the consumer size's output is kept for the type-check and the bundles.
 */
async function afterFirstRun(context: Context, first: FirstRun): Promise<number> {
  const { run, result, measurement, outDir } = first;
  const files = await outputFiles(outDir);
  result.outputFiles = files.length;
  result.outputBytes = files.reduce((sum, file) => sum + file.bytes, 0);
  result.outputTsBytes = files.filter((file) => file.path.endsWith(".ts")).reduce((sum, file) => sum + file.bytes, 0);
  let planned = first.planned;
  if (run.tool.id !== "ours" && measurement.wallMs > slowRunMs && planned > 1) {
    planned = 1;
    result.note = `run once: a run takes over ${slowRunMs / 1000} s`;
  }
  if (run.spec.synthetic && run.spec.operations === consumerSize) {
    const kept = path.join(context.work, "outputs", run.tool.id);
    await mkdir(path.dirname(kept), { recursive: true });
    await rm(kept, { recursive: true, force: true });
    await rename(outDir, kept);
    context.keptOutputs.set(run.tool.id, kept);
  }
  return planned;
}
