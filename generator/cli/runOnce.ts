import type { StoredCache } from "../cache/runCache.js";
import type { generate } from "../generate.js";
import { changesAgainstDisk } from "./changesAgainstDisk.js";
import { checkClients } from "./checkClients.js";
import { describeError } from "./describeError.js";
import { generateClients } from "./generateClients.js";
import { inSeconds } from "./inSeconds.js";
import { jobsOf } from "./jobsOf.js";
import { openCache, saveCache } from "./openCache.js";
import type { CliOptions } from "./parseArgs.js";
import { reportChanges } from "./reportChanges.js";
import { writeClients } from "./writeClients.js";

export interface RunOptions extends CliOptions {
  /** The repo: the run cache's key hashes its generator sources, and the cache lives in its node_modules/. */
  root: string;
}

/** What a run leaves the next one in --watch. */
export interface RunMemory {
  /** The cache this run used, kept in memory: the next run need not read it back. */
  cache: StoredCache | undefined;
  /** Start-up is timed once: a rerun starts long after the process did. */
  startUpTimed: boolean;
}

const firstRun: RunMemory = { cache: undefined, startUpTimed: false };

/** Generates every API, then checks (--check) or writes the clients and reports their surface changes; the exit code. */
export async function runOnce(options: RunOptions, memory: RunMemory = firstRun): Promise<{ code: number; memory: RunMemory }> {
  let next = memory;
  try {
    // Loaded only now: ts-morph and prettier take a second to import, which --help and usage errors never need.
    const { generate } = await import("../generate.js");
    // performance.now() counts from process start.
    const timings = options.timings && !memory.startUpTimed ? [`start-up ${inSeconds(performance.now())}`] : [];
    next = { ...next, startUpTimed: true };
    const started = performance.now();
    const stored = options.cache ? await openCache(options.root, memory.cache) : undefined;
    next = { ...next, cache: stored };
    if (options.timings) timings.push(`cache read ${inSeconds(performance.now() - started)}`);
    return { code: await generateAndWrite(options, { generate, stored, timings }), memory: next };
  } catch (error) {
    console.error(describeError(error, options.debug));
    return { code: 1, memory: next };
  }
}

interface Run {
  generate: typeof generate;
  stored: StoredCache | undefined;
  /** The `--timings` entries so far. */
  timings: string[];
}

async function generateAndWrite(options: RunOptions, run: Run): Promise<number> {
  const { clients, timings } = await generateClients(await jobsOf(options), { generate: run.generate, cache: run.stored?.cache });
  run.timings.push(...timings);
  let started = performance.now();
  const surfaceChanges = await changesAgainstDisk(clients);
  const code = options.check ? await checkClients(clients) : await writeClients(clients, { force: options.force });
  run.timings.push(`compare and write ${inSeconds(performance.now() - started)}`);
  // After the client is written: the cache only speeds up the next run.
  started = performance.now();
  if (run.stored !== undefined) await saveCache(run.stored);
  if (options.timings) console.error(`timings: ${[...run.timings, `cache write ${inSeconds(performance.now() - started)}`].join(", ")}`);
  if (code === 130) return code;
  const surfaceCode = await reportChanges(surfaceChanges, options);
  return code !== 0 ? code : surfaceCode;
}
