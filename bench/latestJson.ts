/**
 * bench/results/latest.json (git-ignored): the report's figures plus every single run, the
 * versions and the machine.
 */
import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Options } from "./benchOptions.js";
import type { Measured, Report } from "./benchReport.js";
import { schemasPerOperation } from "./benchSpecs.js";
import type { RssMethod } from "./measure.js";
import { packageVersion, repoRoot, tools } from "./tools.js";

export interface RunFacts {
  options: Options;
  peakRssMethod: RssMethod;
  loadSamples: readonly number[];
  notes: string[];
  totalMs: number;
}

export async function writeLatestJson(measured: Measured, report: Report, facts: RunFacts): Promise<void> {
  const resultsDir = path.join(repoRoot, "bench/results");
  await mkdir(resultsDir, { recursive: true });
  const { options, loadSamples } = facts;
  const latest = {
    finishedAt: new Date().toISOString(),
    totalWallSeconds: facts.totalMs / 1000,
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? "unknown",
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      platform: `${os.platform()} ${os.release()}`,
      node: process.version,
    },
    options: { runs: options.runs, sizes: options.sizes, budgetSeconds: options.budgetMs === undefined ? 0 : options.budgetMs / 1000, schemasPerOperation },
    peakRssMethod: facts.peakRssMethod,
    loadAverages: { start: loadSamples[0], busiest: Math.max(...loadSamples), samples: loadSamples },
    tools: tools.map((tool) => ({ id: tool.id, label: tool.label, produces: tool.produces })),
    versions: {
      typescript: packageVersion("typescript"),
      "typescript-5.9 (used by hey-api)": packageVersion("typescript-5.9"),
      esbuild: packageVersion("esbuild"),
      tsx: packageVersion("tsx"),
      prettier: packageVersion("prettier"),
    },
    specs: measured.specs.map(({ operations, schemas, bytes }) => ({ operations, schemas, bytes })),
    generation: measured.generation,
    warm: Object.fromEntries(measured.warm),
    watch: Object.fromEntries(measured.watch),
    startup: measured.startup,
    summary: report.summary,
    oursPerOperation: report.perOperation.data,
    consumerTypecheck: measured.typechecks,
    bundles: measured.bundles,
    notes: [...report.generation.footnotes, ...facts.notes],
    table: report.generation.text,
  };
  await writeFile(path.join(resultsDir, "latest.json"), `${JSON.stringify(latest, null, 2)}\n`);
}
