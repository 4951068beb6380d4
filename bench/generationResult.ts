import type { ToolId } from "./tools.js";

export interface RunRecord {
  wallMs: number;
  peakRssKb: number | undefined;
  exitCode: number | null;
}

export type Status = "ok" | "failed" | "timed-out" | "skipped";

/** One tool on one spec: its runs, and the figures of the generation table. */
export interface GenerationResult {
  tool: ToolId;
  /** The spec's label (BenchSpec.label). */
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
