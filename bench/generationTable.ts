/**
 * The generation table (one row per spec and tool, a numbered footnote per remark) and our cost
 * per operation.
 */
import { fmtInt, fmtKiB, fmtMiB, fmtSeconds } from "./figures.js";
import type { GenerationResult } from "./generationResult.js";
import type { BenchSpec } from "./realSpecs.js";
import { textTable } from "./textTable.js";
import { tools, type Tool } from "./tools.js";

export function generationTable(results: GenerationResult[], specs: BenchSpec[]): { text: string; footnotes: string[] } {
  const footnotes: string[] = [];
  const rows: string[][] = [];
  for (const spec of specs) {
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
      rows.push(generationRow({ spec, tool, result, ours, mark }));
    }
  }
  const text = textTable(
    ["spec", "ops", "tool", "runs", "wall s (median)", "peak RSS MB", "output KB", "of it .ts KB", "ours ÷ tool (time)", ""],
    rows,
    [false, true, false, true, true, true, true, true, true, false],
  );
  return { text, footnotes };
}

interface Row {
  spec: BenchSpec;
  tool: Tool;
  result: GenerationResult;
  /** Ours on the same spec, for the ratio. */
  ours: GenerationResult | undefined;
  /** The footnote's number, `[1]`, or "". */
  mark: string;
}

function generationRow({ spec, tool, result, ours, mark }: Row): string[] {
  const ok = result.medianWallMs !== undefined;
  const ratio = tool.id === "ours" || !ok || ours?.medianWallMs === undefined ? "—" : `${(ours.medianWallMs / result.medianWallMs!).toFixed(2)}×`;
  return [
    spec.label,
    fmtInt(spec.operations),
    tool.id,
    String(result.runs.length),
    ok ? fmtSeconds(result.medianWallMs!) : result.status,
    ok ? fmtMiB(result.peakRssKb) : "—",
    ok ? fmtKiB(result.outputBytes) : "—",
    ok ? fmtKiB(result.outputTsBytes) : "—",
    ratio,
    mark,
  ];
}

export interface PerOperation {
  operations: number;
  msPerOperation: number;
  marginalMsPerOperation: number | undefined;
}

/** Ours on the synthetic specs: median wall per operation, and the extra time per extra operation since the previous size. */
export function perOperationLines(results: GenerationResult[]): { text: string; data: PerOperation[] } {
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
  return { text: textTable(["ops", "ours ms/op", "ours marginal ms/op"], rows, [true, true, false]), data };
}
