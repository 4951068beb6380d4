import { writeFile } from "node:fs/promises";
import type { NewClient } from "../surface/newClient.js";
import type { SurfaceChange } from "../surface/surfaceChange.js";
import type { CliOptions } from "./parseArgs.js";

/** One API's surface changes: against the client on disk (none there: a new client), or between two specs for `diff`. */
export type ApiChanges = { api: string } & (NewClient | { newClient: false; changes: SurfaceChange[] });

/** Prints the changes (one line each) and writes --report; 1 when --fail-on-breaking and one breaks callers. */
export async function reportChanges(all: readonly ApiChanges[], options: Pick<CliOptions, "quiet" | "report" | "failOnBreaking">): Promise<number> {
  const { formatReport, newClientReport } = await import("../surface/formatReport.js");
  const { newClientLine, summaryLines } = await import("../surface/summaryLines.js");
  const lines = (entry: ApiChanges) => (entry.newClient ? [newClientLine(entry, entry.api)] : summaryLines(entry.changes, entry.api));
  const report = (entry: ApiChanges) => (entry.newClient ? newClientReport(entry, entry.api) : formatReport(entry.changes, entry.api));
  if (!options.quiet) for (const entry of all) for (const line of lines(entry)) console.log(line);
  if (options.report !== undefined) await writeFile(options.report, all.map(report).join("\n"));
  const breaking = all.some((entry) => !entry.newClient && entry.changes.some((change) => change.breaking));
  return options.failOnBreaking && breaking ? 1 : 0;
}
