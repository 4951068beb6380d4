/**
 * Each tool's consumer-size output, alone in a folder of its own, checked by strict `tsc --noEmit`.
 */
import path from "node:path";
import type { Context } from "./benchContext.js";
import { consumerSize } from "./benchSpecs.js";
import { fmtInt, fmtSeconds } from "./figures.js";
import { median } from "./measure.js";
import { tools, type ToolId } from "./tools.js";
import { makeConsumerProject, typecheck, type ConsumerProject, type TypecheckRun } from "./typecheck.js";

export interface TypecheckResult {
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

export async function consumerTypechecks(context: Context): Promise<TypecheckResult[]> {
  const results: TypecheckResult[] = [];
  for (const tool of tools) {
    const output = context.keptOutputs.get(tool.id);
    const base = { tool: tool.id, operations: consumerSize, files: 0, inputBytes: 0, runs: 0, errorCodes: {}, firstErrors: [] as string[] };
    if (output === undefined) {
      results.push({ ...base, medianWallMs: undefined, peakRssKb: undefined, errors: undefined, note: `no ${fmtInt(consumerSize)}-operation output` });
      continue;
    }
    const project = await makeConsumerProject(output, path.join(context.work, "consumer", tool.id));
    const runs = await typecheckRuns(context, tool.id, project);
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

/** Up to --runs checks; a repeat only while the budget (reserve included) has room for it. */
async function typecheckRuns(context: Context, tool: ToolId, project: ConsumerProject): Promise<TypecheckRun[]> {
  const { options, progress } = context;
  const runs: TypecheckRun[] = [];
  for (let index = 0; index < options.runs; index++) {
    const spent = runs.reduce((sum, run) => sum + run.measurement.wallMs, 0);
    const budgetLeft = options.budgetMs === undefined ? Number.POSITIVE_INFINITY : options.budgetMs - progress.elapsedMs();
    if (index > 0 && spent / index > budgetLeft - 15_000) break;
    const run = await typecheck(project);
    runs.push(run);
    progress.log(`tsc --noEmit over ${tool} (${fmtInt(consumerSize)} ops), run ${index + 1}: ${fmtSeconds(run.measurement.wallMs)} s, ${run.errors} errors`);
  }
  return runs;
}
