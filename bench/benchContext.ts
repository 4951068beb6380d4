import type { Options } from "./benchOptions.js";
import type { Progress } from "./progress.js";
import type { ToolId } from "./tools.js";

/** What every step of the bench reads, and the notes and outputs it leaves for the later steps. */
export interface Context {
  options: Options;
  /** The temporary folder of specs and outputs. */
  work: string;
  progress: Progress;
  /** Output folder kept per tool for the consumer size. */
  keptOutputs: Map<ToolId, string>;
  /** Printed under the report as `note:` lines. */
  notes: string[];
}
