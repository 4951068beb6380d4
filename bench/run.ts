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
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { syntheticSpec, type Json, type JsonObject } from "../test/scale/syntheticSpec.js";
import { bundleSize, heyApiEntry, oursEntry, togetherEntry, type BundleEntry, type BundleSize } from "./bundleSize.js";
import { measure, median, rssMethod, type Measurement } from "./measure.js";
import { ensurePeers, outputFiles, packageVersion, repoRoot, tools, type Tool, type ToolId } from "./tools.js";
import { realSpec, type BenchSpec } from "./realSpecs.js";
import { summaryTable } from "./summaryTable.js";
import { makeConsumerProject, typecheck, type TypecheckRun } from "./typecheck.js";
import { startupRuns, warmRuns, type TimedRuns } from "./warmRuns.js";
import { watchRuns } from "./watchRuns.js";

// ---------------------------------------------------------------------------------------------
// Options
// ---------------------------------------------------------------------------------------------

const usage = `Usage: npm run bench -- [--runs N] [--sizes 100,1000,3000] [--specs NAME=FILE,...] [--budget SECONDS] [--keep]

  --runs N        runs per tool and size; the median is reported (default 3)
  --sizes LIST    operation counts of the synthetic specs (default 100,1000,3000)
  --specs LIST    real specs too, as name=file.json pairs (or BENCH_SPECS); a missing file is
                  skipped, saying so. They cannot be committed, hence not bundled
  --budget S      time budget of the whole benchmark in seconds (default 570); 0 = no budget,
                  every peer runs at every size
  --keep          keep the temporary folder with specs and outputs, and print its path`;

interface Options {
  runs: number;
  sizes: number[];
  /** Real specs by name, from --specs or BENCH_SPECS. */
  realSpecs: { name: string; file: string }[];
  budgetMs: number | undefined;
  keep: boolean;
}

/** Component schemas per operation in the synthetic specs (the brief: 2.5-3 times). */
const schemasPerOperation = 2.75;
/** The spec size whose outputs go through the consumer type-check and the bundle. */
const consumerSize = 1000;
/** A peer whose first run at a size takes longer than this is run only once there. */
const slowRunMs = 60_000;
/** Time kept back from the budget for the warm and start-up rows (about 60 s), the consumer type-check and the bundles. */
const reserveMs = 110_000;

function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      runs: { type: "string" },
      sizes: { type: "string" },
      specs: { type: "string" },
      budget: { type: "string" },
      keep: { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
    strict: true,
  });
  if (values.help === true) {
    console.log(usage);
    process.exit(0);
  }
  const integer = (text: string, name: string, min: number): number => {
    const value = Number(text.replace(/[_,]/g, ""));
    if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be an integer >= ${min}, got "${text}"`);
    return value;
  };
  const runs = values.runs === undefined ? 3 : integer(values.runs, "--runs", 1);
  const sizes =
    values.sizes === undefined
      ? [100, 1000, 3000]
      : [...new Set(values.sizes.split(/[\s,]+/).filter(Boolean).map((text) => integer(text, "--sizes", 1)))].sort((a, b) => a - b);
  if (sizes.length === 0) throw new Error("--sizes needs at least one size");
  const budgetSeconds = values.budget === undefined ? 570 : integer(values.budget, "--budget", 0);
  const realSpecs = (values.specs ?? process.env["BENCH_SPECS"] ?? "")
    .split(",")
    .filter((pair) => pair.trim() !== "")
    .map((pair) => {
      const [name, file] = pair.split("=");
      if (name === undefined || file === undefined) throw new Error(`--specs takes name=file pairs, got "${pair}"`);
      return { name: name.trim(), file: file.trim() };
    });
  return { runs, sizes, realSpecs, budgetMs: budgetSeconds === 0 ? undefined : budgetSeconds * 1000, keep: values.keep === true };
}

/**
 * Discriminator mappings given as bare schema names (`ImagePart`, valid OpenAPI) become full refs
 * (`#/components/schemas/ImagePart`, the same meaning): openapi-typescript 7 refuses the bare
 * form ("Can't resolve $ref at .../mapping/image_url"). Every tool gets the same rewritten spec.
 */
function spellOutMappings(value: Json): void {
  if (Array.isArray(value)) value.forEach(spellOutMappings);
  if (!isObject(value)) return;
  const mapping = value["mapping"];
  if (isObject(mapping) && value["propertyName"] !== undefined) {
    for (const [key, target] of Object.entries(mapping)) {
      if (typeof target === "string" && !target.includes("/")) mapping[key] = `#/components/schemas/${target}`;
    }
  }
  Object.values(value).forEach(spellOutMappings);
}

// ---------------------------------------------------------------------------------------------
// Results
// ---------------------------------------------------------------------------------------------

interface RunRecord {
  wallMs: number;
  peakRssKb: number | undefined;
  exitCode: number | null;
}

type Status = "ok" | "failed" | "timed-out" | "skipped";

interface GenerationResult {
  tool: ToolId;
  /** The spec's label (SpecInfo.label). */
  spec: string;
  operations: number;
  status: Status;
  runs: RunRecord[];
  medianWallMs: number | undefined;
  /** The highest peak RSS of the runs, in KiB. */
  peakRssKb: number | undefined;
  outputBytes: number | undefined;
  outputFiles: number | undefined;
  /** Of which TypeScript (.ts) files. */
  outputTsBytes: number | undefined;
  note: string | undefined;
  error: string | undefined;
}

type SpecInfo = BenchSpec;

const startedAt = performance.now();
const elapsedMs = () => performance.now() - startedAt;
/** 1-minute load averages sampled at every progress line: other work on the machine inflates times. */
const loadSamples: number[] = [];
const progress = (message: string) => {
  loadSamples.push(os.loadavg()[0] ?? 0);
  console.error(`[${(elapsedMs() / 1000).toFixed(0).padStart(4)} s] ${message}`);
};

const fmtInt = (value: number) => value.toLocaleString("en-US");
const fmtSeconds = (ms: number) => (ms / 1000).toFixed(2);
const fmtMiB = (kb: number | undefined) => (kb === undefined ? "?" : (kb / 1024).toFixed(0));
const fmtKiB = (bytes: number | undefined) => (bytes === undefined ? "—" : fmtInt(Math.round(bytes / 1024)));

function describeFailure(measurement: Measurement): string {
  const stream = measurement.stderrTail.trim() !== "" ? measurement.stderrTail : measurement.stdoutTail;
  const lines = stream
    .split("\n")
    .map((line) => line.trimEnd())
    .filter((line) => line.trim() !== "");
  const reason = measurement.signal !== null ? `killed by ${measurement.signal}` : `exit code ${measurement.exitCode}`;
  return `${reason}: ${lines.slice(-6).join(" | ") || "(no output)"}`;
}

// ---------------------------------------------------------------------------------------------
// Generation runs
// ---------------------------------------------------------------------------------------------

interface Context {
  options: Options;
  work: string;
  /** Output folder kept per tool for the consumer size. */
  keptOutputs: Map<ToolId, string>;
  notes: string[];
}

function remainingMs(context: Context): number {
  return context.options.budgetMs === undefined ? Number.POSITIVE_INFINITY : context.options.budgetMs - elapsedMs() - reserveMs;
}

/**
 * Predicted wall time of one run at `size` from the tool's earlier sizes: a power law through the
 * last two (exponent clamped to 1..3), or linear from the only one.
 */
function predictMs(history: GenerationResult[], size: number): number | undefined {
  const points = history.filter((result) => result.status === "ok" && result.medianWallMs !== undefined && result.operations < size);
  const last = points.at(-1);
  if (last === undefined) return undefined;
  const before = points.at(-2);
  let exponent = 1;
  if (before !== undefined) {
    exponent = Math.log(last.medianWallMs! / before.medianWallMs!) / Math.log(last.operations / before.operations);
    exponent = Math.min(3, Math.max(1, Number.isFinite(exponent) ? exponent : 1));
  }
  return last.medianWallMs! * (size / last.operations) ** exponent;
}

async function runOnce(context: Context, tool: Tool, spec: SpecInfo, index: number, timeoutMs: number | undefined) {
  const runDir = path.join(context.work, "runs", `${tool.id}-${spec.label.replace(/[^\w.-]+/g, "_")}-${index}`);
  await mkdir(runDir, { recursive: true });
  const outDir = path.join(runDir, "out");
  if (tool.id === "openapi-typescript") await mkdir(outDir, { recursive: true });
  const command = tool.command(spec.path, outDir);
  const measurement = await measure(timeoutMs === undefined ? command : { ...command, timeoutMs });
  return { measurement, runDir, outDir };
}

async function runTool(context: Context, tool: Tool, spec: SpecInfo, history: GenerationResult[]): Promise<GenerationResult> {
  const { options } = context;
  const result: GenerationResult = {
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
  const isPeer = tool.id !== "ours";
  const budgeted = isPeer && options.budgetMs !== undefined;

  if (tool.id === "hey-api" && !spec.synthetic) {
    result.status = "skipped";
    result.note = "hey-api runs on the synthetic specs only (time budget)";
    return result;
  }
  if (budgeted) {
    const stoppedBefore = history.find((earlier) => earlier.status === "timed-out");
    const predicted = predictMs(history, spec.operations);
    const left = remainingMs(context);
    if (stoppedBefore !== undefined) {
      result.status = "skipped";
      result.note = `skipped: it was stopped at ${fmtInt(stoppedBefore.operations)} operations already`;
    } else if (left < 10_000 || (predicted !== undefined && predicted > left)) {
      result.status = "skipped";
      result.note =
        `skipped: one run predicted ~${fmtSeconds(predicted ?? 0).replace(/\.\d+$/, "")} s ` +
        `(from its smaller sizes), more than the ${Math.max(0, Math.round(left / 1000))} s left of the ` +
        `${Math.round(options.budgetMs! / 1000)} s budget; --budget 0 runs it`;
    }
    if (result.status === "skipped") {
      progress(`${tool.id} ${spec.label}: ${result.note}`);
      return result;
    }
  }

  let planned = options.runs;
  for (let index = 0; index < planned; index++) {
    // Ours always runs once per size; its repeats, like a peer's, only while the budget allows.
    if (options.budgetMs !== undefined && index > 0 && median(result.runs.map((run) => run.wallMs)) > remainingMs(context)) {
      result.note = `ran ${index} of ${options.runs} times: the budget left no time for more`;
      break;
    }
    const timeoutMs = budgeted ? Math.max(10_000, remainingMs(context)) : undefined;
    const { measurement, runDir, outDir } = await runOnce(context, tool, spec, index, timeoutMs);
    const ok = measurement.exitCode === 0 && !measurement.timedOut && (await outputFiles(outDir)).length > 0;
    if (measurement.timedOut) {
      result.status = "timed-out";
      result.note = `stopped after ${fmtSeconds(measurement.wallMs)} s, when the budget ran out`;
      progress(`${tool.id} ${spec.label}: ${result.note}`);
      await rm(runDir, { recursive: true, force: true });
      break;
    }
    if (!ok) {
      result.status = "failed";
      result.error = describeFailure(measurement);
      progress(`${tool.id} ${spec.label} FAILED: ${result.error}`);
      await rm(runDir, { recursive: true, force: true });
      break;
    }
    result.runs.push({ wallMs: measurement.wallMs, peakRssKb: measurement.peakRssKb, exitCode: measurement.exitCode });
    progress(
      `${tool.id} ${spec.label}, run ${index + 1}/${planned}: ` +
        `${fmtSeconds(measurement.wallMs)} s, ${fmtMiB(measurement.peakRssKb)} MB peak RSS`,
    );
    if (index === 0) {
      const files = await outputFiles(outDir);
      result.outputFiles = files.length;
      result.outputBytes = files.reduce((sum, file) => sum + file.bytes, 0);
      result.outputTsBytes = files.filter((file) => file.path.endsWith(".ts")).reduce((sum, file) => sum + file.bytes, 0);
      if (isPeer && measurement.wallMs > slowRunMs && planned > 1) {
        planned = 1;
        result.note = `run once: a run takes over ${slowRunMs / 1000} s`;
      }
    }
    if (index === 0 && spec.synthetic && spec.operations === consumerSize) {
      const kept = path.join(context.work, "outputs", tool.id);
      await mkdir(path.dirname(kept), { recursive: true });
      await rm(kept, { recursive: true, force: true });
      await rename(outDir, kept);
      context.keptOutputs.set(tool.id, kept);
    }
    await rm(runDir, { recursive: true, force: true });
  }
  if (result.runs.length > 0) {
    result.medianWallMs = median(result.runs.map((run) => run.wallMs));
    const peaks = result.runs.map((run) => run.peakRssKb).filter((kb): kb is number => kb !== undefined);
    result.peakRssKb = peaks.length === 0 ? undefined : Math.max(...peaks);
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// Consumer type-check and bundle size
// ---------------------------------------------------------------------------------------------

interface TypecheckResult {
  tool: ToolId;
  operations: number;
  files: number;
  inputBytes: number;
  runs: number;
  medianWallMs: number | undefined;
  peakRssKb: number | undefined;
  errors: number | undefined;
  errorCodes: Record<string, number>;
  firstErrors: string[];
  note: string | undefined;
}

async function consumerTypechecks(context: Context): Promise<TypecheckResult[]> {
  const results: TypecheckResult[] = [];
  for (const tool of tools) {
    const output = context.keptOutputs.get(tool.id);
    const base = { tool: tool.id, operations: consumerSize, files: 0, inputBytes: 0, runs: 0, errorCodes: {}, firstErrors: [] as string[] };
    if (output === undefined) {
      results.push({ ...base, medianWallMs: undefined, peakRssKb: undefined, errors: undefined, note: `no ${fmtInt(consumerSize)}-operation output` });
      continue;
    }
    const project = await makeConsumerProject(output, path.join(context.work, "consumer", tool.id));
    const runs: TypecheckRun[] = [];
    for (let index = 0; index < context.options.runs; index++) {
      const spent = runs.reduce((sum, run) => sum + run.measurement.wallMs, 0);
      const budgetLeft = context.options.budgetMs === undefined ? Number.POSITIVE_INFINITY : context.options.budgetMs - elapsedMs();
      if (index > 0 && spent / index > budgetLeft - 15_000) break;
      const run = await typecheck(project);
      runs.push(run);
      progress(`tsc --noEmit over ${tool.id} (${fmtInt(consumerSize)} ops), run ${index + 1}: ${fmtSeconds(run.measurement.wallMs)} s, ${run.errors} errors`);
    }
    const last = runs.at(-1)!;
    results.push({
      ...base,
      files: project.files,
      inputBytes: project.bytes,
      runs: runs.length,
      medianWallMs: median(runs.map((run) => run.measurement.wallMs)),
      peakRssKb: Math.max(...runs.map((run) => run.measurement.peakRssKb ?? 0)) || undefined,
      errors: last.errors,
      errorCodes: last.errorCodes,
      firstErrors: last.firstErrors,
      note: runs.length < context.options.runs ? `ran ${runs.length} of ${context.options.runs} times (budget)` : undefined,
    });
  }
  return results;
}

const isObject = (value: Json | undefined): value is JsonObject => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * The operation the one-operation consumers call: the spec's first GET with a plain camelCase
 * operationId and exactly one path parameter that both SDKs export under that name.
 */
async function pickOperation(spec: JsonObject, oursDir: string, heyDir: string | undefined) {
  const oursSource = await readFile(path.join(oursDir, "operations.ts"), "utf8");
  const heySource = heyDir === undefined ? undefined : await readFile(path.join(heyDir, "sdk.gen.ts"), "utf8").catch(() => "");
  const paths = isObject(spec["paths"]) ? spec["paths"] : {};
  for (const [template, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    const operation = item["get"];
    if (!isObject(operation)) continue;
    const id = operation["operationId"];
    const params = [...template.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]!);
    if (typeof id !== "string" || !/^[a-z][A-Za-z0-9]*$/.test(id) || params.length !== 1) continue;
    const start = oursSource.indexOf(`export function ${id}(`);
    if (start < 0) continue;
    if (heySource !== undefined && !heySource.includes(`export const ${id} =`)) continue;
    // Our operations read path parameters as `params.<name>`; take the name from the source.
    const oursParam = /params\.([A-Za-z_$][\w$]*)/.exec(oursSource.slice(start))?.[1];
    if (oursParam === undefined) continue;
    return { id, template, specParam: params[0]!, oursParam };
  }
  throw new Error("no GET operation with one path parameter found in both outputs");
}

interface BundleResult extends BundleSize {
  tool: string;
  error?: string;
}

async function bundles(context: Context, spec: JsonObject | undefined): Promise<BundleResult[]> {
  const entries: { tool: string; entry: BundleEntry }[] = [{ tool: "ours", entry: togetherEntry() }];
  const oursDir = context.keptOutputs.get("ours");
  const heyDir = context.keptOutputs.get("hey-api");
  if (spec !== undefined && oursDir !== undefined) {
    const picked = await pickOperation(spec, oursDir, heyDir);
    const label = `${fmtInt(consumerSize)}-op synthetic`;
    entries.push({ tool: "ours", entry: oursEntry(`${label}, ours`, oursDir, picked.id, { [picked.oursParam]: "id_123" }) });
    if (heyDir !== undefined) {
      entries.push({ tool: "hey-api", entry: heyApiEntry(`${label}, hey-api`, heyDir, picked.id, { [picked.specParam]: "id_123" }) });
    } else {
      context.notes.push(`bundle: no hey-api output for ${fmtInt(consumerSize)} operations, so no hey-api bundle`);
    }
  }
  const results: BundleResult[] = [];
  for (const { tool, entry } of entries) {
    try {
      results.push({ tool, ...(await bundleSize(entry)) });
    } catch (error) {
      const message = error instanceof Error ? error.message.split("\n")[0]! : String(error);
      results.push({ tool, label: entry.label, operation: entry.operation, minifiedBytes: 0, gzipBytes: 0, error: message });
    }
  }
  return results;
}

// ---------------------------------------------------------------------------------------------
// Printing
// ---------------------------------------------------------------------------------------------

function table(header: string[], rows: string[][], rightAligned: boolean[]): string {
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => (row[column] ?? "").length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (rightAligned[column] === true ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!)))
      .join("  ")
      .trimEnd();
  return [line(header), widths.map((width) => "-".repeat(width)).join("  ").trimEnd(), ...rows.map(line)].join("\n");
}

function generationTable(results: GenerationResult[], specs: SpecInfo[]): { text: string; footnotes: string[] } {
  const footnotes: string[] = [];
  const rows: string[][] = [];
  for (const spec of specs) {
    const size = spec.operations;
    const ours = results.find((result) => result.tool === "ours" && result.spec === spec.label);
    for (const tool of tools) {
      const result = results.find((candidate) => candidate.tool === tool.id && candidate.spec === spec.label);
      if (result === undefined) continue;
      let mark = "";
      const remark = result.note ?? result.error;
      if (remark !== undefined) {
        footnotes.push(`[${footnotes.length + 1}] ${tool.id} on ${spec.label}: ${result.error === undefined ? remark : `failed, ${remark}`}`);
        mark = `[${footnotes.length}]`;
      }
      const ok = result.medianWallMs !== undefined;
      const ratio =
        tool.id === "ours" || !ok || ours?.medianWallMs === undefined ? "—" : `${(ours.medianWallMs / result.medianWallMs!).toFixed(2)}×`;
      rows.push([
        spec.label,
        fmtInt(size),
        tool.id,
        String(result.runs.length),
        ok ? fmtSeconds(result.medianWallMs!) : result.status,
        ok ? fmtMiB(result.peakRssKb) : "—",
        ok ? fmtKiB(result.outputBytes) : "—",
        ok ? fmtKiB(result.outputTsBytes) : "—",
        ratio,
        mark,
      ]);
    }
  }
  const text = table(
    ["spec", "ops", "tool", "runs", "wall s (median)", "peak RSS MB", "output KB", "of it .ts KB", "ours ÷ tool (time)", ""],
    rows,
    [false, true, false, true, true, true, true, true, true, false],
  );
  return { text, footnotes };
}

function perOperationLines(results: GenerationResult[]): { text: string; data: { operations: number; msPerOperation: number; marginalMsPerOperation: number | undefined }[] } {
  const ours = results.filter((result) => result.tool === "ours" && result.spec.startsWith("synthetic") && result.medianWallMs !== undefined);
  const data = ours.map((result, index) => {
    const previous = index > 0 ? ours[index - 1] : undefined;
    return {
      operations: result.operations,
      msPerOperation: result.medianWallMs! / result.operations,
      marginalMsPerOperation:
        previous === undefined ? undefined : (result.medianWallMs! - previous.medianWallMs!) / (result.operations - previous.operations),
    };
  });
  const rows = data.map((entry, index) => [
    fmtInt(entry.operations),
    entry.msPerOperation.toFixed(1),
    entry.marginalMsPerOperation === undefined ? "—" : `${entry.marginalMsPerOperation.toFixed(1)} (${fmtInt(data[index - 1]!.operations)} → ${fmtInt(entry.operations)})`,
  ]);
  return { text: table(["ops", "ours ms/op", "ours marginal ms/op"], rows, [true, true, false]), data };
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

async function main(): Promise<number> {
  let options: Options;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
    return 2;
  }
  const work = await mkdtemp(path.join(os.tmpdir(), "openapi-ts-clientgen-bench-"));
  const context: Context = { options, work, keptOutputs: new Map(), notes: [] };
  try {
    return await bench(context);
  } finally {
    if (options.keep) console.log(`\nKept ${work}`);
    else await rm(work, { recursive: true, force: true });
  }
}

async function bench(context: Context): Promise<number> {
  const { options, work } = context;
  const method = rssMethod();
  progress(
    `sizes ${options.sizes.map(fmtInt).join(", ")}; ${options.runs} run(s) each; ` +
      `budget ${options.budgetMs === undefined ? "none" : `${options.budgetMs / 1000} s`}; peak RSS via ${method === "gnu-time" ? "/usr/bin/time -v" : "node wrapper (process.resourceUsage().maxRSS)"}`,
  );

  // 1. Specs
  await mkdir(path.join(work, "specs"), { recursive: true });
  const specs: SpecInfo[] = [];
  let consumerSpec: JsonObject | undefined;
  for (const operations of options.sizes) {
    const schemas = Math.round(operations * schemasPerOperation);
    const document = syntheticSpec({ operations, schemas });
    spellOutMappings(document);
    const file = path.join(work, "specs", `synthetic-${operations}.json`);
    const text = JSON.stringify(document);
    await writeFile(file, text);
    specs.push({ label: `synthetic ${fmtInt(operations)}`, synthetic: true, operations, schemas, path: file, bytes: Buffer.byteLength(text) });
    if (operations === consumerSize) consumerSpec = document;
  }
  progress(`specs written: ${specs.map((spec) => `${fmtInt(spec.operations)} ops/${fmtInt(spec.schemas)} schemas (${fmtKiB(spec.bytes)} KB)`).join(", ")}`);
  for (const real of options.realSpecs) {
    const spec = await realSpec(real, path.join(work, "specs"));
    if (typeof spec === "string") context.notes.push(`${real.name}: skipped, ${spec}`);
    else specs.push(spec);
  }
  const peersProblem = ensurePeers();
  if (peersProblem !== undefined) context.notes.push(`${peersProblem}; openapi-typescript is the repo's own ${packageVersion("openapi-typescript")}`);

  // 2. Generation: ours first, in full; then each peer, within the budget.
  const results: GenerationResult[] = [];
  for (const tool of tools) {
    const history: GenerationResult[] = [];
    for (const spec of specs) {
      const result = await runTool(context, tool, spec, spec.synthetic ? history : []);
      if (spec.synthetic) history.push(result);
      results.push(result);
    }
  }

  // 3. Warm regeneration after a one-operation change, on the largest synthetic spec and every real one; start-up.
  const warm = new Map<string, TimedRuns>();
  const watch = new Map<string, TimedRuns>();
  const largest = specs.filter((spec) => spec.synthetic).at(-1);
  for (const spec of specs.filter((candidate) => candidate === largest || !candidate.synthetic)) {
    const result = await warmRuns(spec.path, options.runs);
    warm.set(spec.label, result);
    progress(`ours ${spec.label} after a one-operation change: ${result.error ?? `${fmtSeconds(result.medianWallMs!)} s (median of ${result.runs.length})`}`);
    const watched = await watchRuns(spec.path, options.runs);
    watch.set(spec.label, watched);
    progress(`ours --watch ${spec.label}, saved change to client written: ${watched.error ?? `${fmtSeconds(watched.medianWallMs!)} s (median of ${watched.runs.length})`}`);
  }
  const startup = await startupRuns(options.runs);
  progress(`start-up (npm run generate, bundled seeds): first run ${fmtSeconds(startup.cold.medianWallMs ?? 0)} s, next runs ${fmtSeconds(startup.warm.medianWallMs ?? 0)} s`);

  // 4. Consumer type-check of the 1,000-operation outputs.
  const typechecks = options.sizes.includes(consumerSize) ? await consumerTypechecks(context) : [];
  if (typechecks.length === 0) context.notes.push(`consumer type-check and synthetic bundles need --sizes to include ${fmtInt(consumerSize)}`);

  // 5. Bundle size of a one-operation consumer.
  const bundleResults = await bundles(context, consumerSpec);

  // 6. Report
  const totalMs = elapsedMs();
  const generation = generationTable(results, specs);
  const perOperation = perOperationLines(results);
  const out: string[] = [];
  out.push("");
  out.push(`Generation: median of ${options.runs} run(s), each a separate child process; peak RSS = highest of the runs.`);
  for (const tool of tools) out.push(`  ${tool.id.padEnd(19)} ${tool.label}: ${tool.produces}`);
  out.push("");
  const peerLabel = tools.find((tool) => tool.id === "openapi-typescript")!.label;
  const summary = summaryTable({ specs, generation: results, warm, watch, startup, peerLabel });
  out.push(`Summary (ours: full SDK, formatted; ${peerLabel}: types only, unformatted), median wall time, whole process:`, "", summary, "");
  out.push(generation.text);
  if (generation.footnotes.length > 0) out.push("", ...generation.footnotes);
  out.push("", "Our cost per operation (ms/op = median wall / operations; marginal = extra time per extra operation):", perOperation.text);
  if (typechecks.length > 0) {
    out.push("", `Consumer: strict tsc --noEmit (TypeScript ${packageVersion("typescript")}) over each ${fmtInt(consumerSize)}-operation output, alone in its own folder:`);
    const oursTsc = typechecks.find((result) => result.tool === "ours")?.medianWallMs;
    out.push(
      table(
        ["tool", ".ts files", ".ts KB", "runs", "tsc s (median)", "peak RSS MB", "errors", "ours ÷ tool"],
        typechecks.map((result) => [
          result.tool,
          String(result.files),
          fmtKiB(result.inputBytes),
          String(result.runs),
          result.medianWallMs === undefined ? (result.note ?? "—") : fmtSeconds(result.medianWallMs),
          fmtMiB(result.peakRssKb),
          result.errors === undefined ? "—" : fmtInt(result.errors),
          result.tool === "ours" || result.medianWallMs === undefined || oursTsc === undefined ? "—" : `${(oursTsc / result.medianWallMs).toFixed(2)}×`,
        ]),
        [false, true, true, true, true, true, true, true],
      ),
    );
    for (const result of typechecks) {
      if (result.errors === undefined || result.errors === 0) continue;
      const codes = Object.entries(result.errorCodes).map(([code, count]) => `${code} ×${fmtInt(count)}`);
      out.push(`  ${result.tool}: ${codes.join(", ")}; first: ${result.firstErrors.map((line) => (line.length > 160 ? `${line.slice(0, 157)}...` : line)).join(" | ")}`);
    }
  }
  out.push("", "Bundle: esbuild (bundle, minify, esm, platform neutral) of an entry importing and calling ONE operation:");
  out.push(
    table(
      ["client", "operation", "min bytes", "min+gzip bytes"],
      bundleResults.map((result) => [
        result.label,
        result.operation,
        result.error === undefined ? fmtInt(result.minifiedBytes) : "failed",
        result.error === undefined ? fmtInt(result.gzipBytes) : result.error,
      ]),
      [false, false, true, true],
    ),
  );
  const busiest = Math.max(...loadSamples, os.loadavg()[0] ?? 0);
  const cores = os.cpus().length;
  context.notes.push(
    `machine: ${cores} cores; busiest 1-min load average seen ${busiest.toFixed(1)} (the bench itself accounts for about 1)` +
      (busiest > cores + 1 ? ": other work was running, so times are inflated and noisier than on an idle machine" : ""),
  );
  out.push("", ...context.notes.map((note) => `note: ${note}`));
  out.push("", `Total bench wall time: ${fmtSeconds(totalMs)} s`);
  console.log(out.join("\n"));

  const resultsDir = path.join(repoRoot, "bench/results");
  await mkdir(resultsDir, { recursive: true });
  const latest = {
    finishedAt: new Date().toISOString(),
    totalWallSeconds: totalMs / 1000,
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? "unknown",
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      platform: `${os.platform()} ${os.release()}`,
      node: process.version,
    },
    options: { runs: options.runs, sizes: options.sizes, budgetSeconds: options.budgetMs === undefined ? 0 : options.budgetMs / 1000, schemasPerOperation },
    peakRssMethod: method,
    loadAverages: { start: loadSamples[0], busiest: Math.max(...loadSamples), samples: loadSamples },
    tools: tools.map((tool) => ({ id: tool.id, label: tool.label, produces: tool.produces })),
    versions: {
      typescript: packageVersion("typescript"),
      "typescript-5.9 (used by hey-api)": packageVersion("typescript-5.9"),
      esbuild: packageVersion("esbuild"),
      tsx: packageVersion("tsx"),
      prettier: packageVersion("prettier"),
    },
    specs: specs.map(({ operations, schemas, bytes }) => ({ operations, schemas, bytes })),
    generation: results,
    warm: Object.fromEntries(warm),
    watch: Object.fromEntries(watch),
    startup,
    summary,
    oursPerOperation: perOperation.data,
    consumerTypecheck: typechecks,
    bundles: bundleResults,
    notes: [...generation.footnotes, ...context.notes],
    table: generation.text,
  };
  await writeFile(path.join(resultsDir, "latest.json"), `${JSON.stringify(latest, null, 2)}\n`);
  console.log(`Results written to bench/results/latest.json`);
  const oursFailed = results.some((result) => result.tool === "ours" && result.status !== "ok");
  return oursFailed ? 1 : 0;
}

process.exitCode = await main();
