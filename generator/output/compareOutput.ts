import { readFile } from "node:fs/promises";
import path from "node:path";
import type { OutputFile } from "../shared/outputFile.js";
import { listFiles } from "./writeOutput.js";

export interface OutputDifference {
  file: string;
  change: "changed" | "missing" | "stale";
}

/** What writing `files` would change in `outDir`; stale files that would disappear count too. */
export async function compareOutput(outDir: string, files: readonly OutputFile[]): Promise<OutputDifference[]> {
  const expected = new Map(files.map((file) => [file.path, file.text]));
  const differences: OutputDifference[] = [];
  for (const [file, text] of expected) {
    const current = await readFile(path.join(outDir, file), "utf8").catch(() => undefined);
    if (current === undefined) differences.push({ file, change: "missing" });
    else if (current !== text) differences.push({ file, change: "changed" });
  }
  for (const file of await listFiles(outDir)) {
    if (!expected.has(file)) differences.push({ file, change: "stale" });
  }
  return differences;
}
