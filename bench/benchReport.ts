/**
 * The report printed at the end: the tools, the summary table, the generation table, our cost per
 * operation, the consumer type-check, the bundle sizes, the notes.
 */
import { consumerSize } from "./benchSpecs.js";
import type { BundleResult } from "./consumerBundles.js";
import type { TypecheckResult } from "./consumerTypechecks.js";
import { fmtInt, fmtKiB, fmtMiB, fmtSeconds } from "./figures.js";
import type { GenerationResult } from "./generationResult.js";
import { generationTable, perOperationLines } from "./generationTable.js";
import type { BenchSpec } from "./realSpecs.js";
import { summaryTable } from "./summaryTable.js";
import { textTable } from "./textTable.js";
import { packageVersion, tools } from "./tools.js";
import type { TimedRuns } from "./warmRuns.js";

/** Everything the bench measured. */
export interface Measured {
  specs: BenchSpec[];
  generation: GenerationResult[];
  warm: Map<string, TimedRuns>;
  watch: Map<string, TimedRuns>;
  startup: { cold: TimedRuns; warm: TimedRuns };
  typechecks: TypecheckResult[];
  bundles: BundleResult[];
}

export interface Report {
  text: string;
  summary: string;
  generation: ReturnType<typeof generationTable>;
  perOperation: ReturnType<typeof perOperationLines>;
}

/** `about`: the runs per tool and size, the notes to print under the tables, the bench's wall time so far. */
export function benchReport(measured: Measured, about: { runs: number; notes: string[]; totalMs: number }): Report {
  const generation = generationTable(measured.generation, measured.specs);
  const perOperation = perOperationLines(measured.generation);
  const peerLabel = tools.find((tool) => tool.id === "openapi-typescript")!.label;
  const summary = summaryTable({ specs: measured.specs, generation: measured.generation, warm: measured.warm, watch: measured.watch, startup: measured.startup, peerLabel });
  const out: string[] = [""];
  out.push(`Generation: median of ${about.runs} run(s), each a separate child process; peak RSS = highest of the runs.`);
  for (const tool of tools) out.push(`  ${tool.id.padEnd(19)} ${tool.label}: ${tool.produces}`);
  out.push("", `Summary (ours: full SDK, formatted; ${peerLabel}: types only, unformatted), median wall time, whole process:`, "", summary, "");
  out.push(generation.text);
  if (generation.footnotes.length > 0) out.push("", ...generation.footnotes);
  out.push("", "Our cost per operation (ms/op = median wall / operations; marginal = extra time per extra operation):", perOperation.text);
  if (measured.typechecks.length > 0) out.push(...typecheckLines(measured.typechecks));
  out.push(...bundleLines(measured.bundles));
  out.push("", ...about.notes.map((note) => `note: ${note}`));
  out.push("", `Total bench wall time: ${fmtSeconds(about.totalMs)} s`);
  return { text: out.join("\n"), summary, generation, perOperation };
}

function typecheckLines(typechecks: TypecheckResult[]): string[] {
  const oursTsc = typechecks.find((result) => result.tool === "ours")?.medianWallMs;
  const rows = typechecks.map((result) => [
    result.tool,
    String(result.files),
    fmtKiB(result.inputBytes),
    String(result.runs),
    result.medianWallMs === undefined ? (result.note ?? "—") : fmtSeconds(result.medianWallMs),
    fmtMiB(result.peakRssKb),
    result.errors === undefined ? "—" : fmtInt(result.errors),
    result.tool === "ours" || result.medianWallMs === undefined || oursTsc === undefined ? "—" : `${(oursTsc / result.medianWallMs).toFixed(2)}×`,
  ]);
  const lines = [
    "",
    `Consumer: strict tsc --noEmit (TypeScript ${packageVersion("typescript")}) over each ${fmtInt(consumerSize)}-operation output, alone in its own folder:`,
    textTable(["tool", ".ts files", ".ts KB", "runs", "tsc s (median)", "peak RSS MB", "errors", "ours ÷ tool"], rows, [false, true, true, true, true, true, true, true]),
  ];
  for (const result of typechecks) {
    if (result.errors === undefined || result.errors === 0) continue;
    const codes = Object.entries(result.errorCodes).map(([code, count]) => `${code} ×${fmtInt(count)}`);
    lines.push(`  ${result.tool}: ${codes.join(", ")}; first: ${result.firstErrors.map((line) => (line.length > 160 ? `${line.slice(0, 157)}...` : line)).join(" | ")}`);
  }
  return lines;
}

function bundleLines(bundles: BundleResult[]): string[] {
  const rows = bundles.map((result) => [
    result.label,
    result.operation,
    result.error === undefined ? fmtInt(result.minifiedBytes) : "failed",
    result.error === undefined ? fmtInt(result.gzipBytes) : result.error,
  ]);
  return [
    "",
    "Bundle: esbuild (bundle, minify, esm, platform neutral) of an entry importing and calling ONE operation:",
    textTable(["client", "operation", "min bytes", "min+gzip bytes"], rows, [false, false, true, true]),
  ];
}
