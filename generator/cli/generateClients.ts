import type { ApiJob } from "../config/apiJobs.js";
import type { RunCache } from "../cache/runCache.js";
import type { GeneratedApi, generate } from "../generate.js";
import { warningLines } from "../shared/specError.js";
import { inSeconds } from "./inSeconds.js";

/** One API generated in this run, in memory: where its spec is, where its client goes, how long it took. */
export interface GeneratedClient {
  job: { spec: string; out: string; seconds: number };
  api: GeneratedApi;
}

interface GenerateWith {
  /** Passed in: the caller imports the generator lazily (ts-morph and prettier are slow to load). */
  generate: typeof generate;
  cache: RunCache | undefined;
}

/** Generates each API in turn, printing its warnings and name notes; `--timings` entries for each stage. */
export async function generateClients(jobs: readonly ApiJob[], using: GenerateWith): Promise<{ clients: GeneratedClient[]; timings: string[] }> {
  const clients: GeneratedClient[] = [];
  const timings: string[] = [];
  for (const job of jobs) {
    const started = performance.now();
    const api = await using.generate(job.spec, { ...job.options, cache: using.cache });
    for (const line of warningLines(api.warnings)) console.error(line);
    for (const note of api.nameNotes) console.error(`note: ${api.name}: ${note}`);
    timings.push(...Object.entries(api.stageMs).map(([stage, ms]) => `${api.name} ${stage} ${inSeconds(ms)}`));
    const seconds = (performance.now() - started) / 1000;
    clients.push({ job: { spec: job.spec, out: job.out, seconds }, api });
  }
  return { clients, timings };
}
