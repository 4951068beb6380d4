import { watch as fsWatch } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import { jobsOf } from "./jobsOf.js";
import { runOnce, type RunMemory, type RunOptions } from "./runOnce.js";

/** Quiet time after the last change before a rerun: an editor's save is often several events. */
const debounceMs = 100;

/**
 * Generates, then again after every change to a spec (debounced), until Ctrl-C. Watchers start
 * before the first run, so a change made while it runs is not missed.
 */
export async function watchLoop(options: RunOptions): Promise<number> {
  const specs = (await jobsOf(options).catch(() => [])).map((job) => job.spec);
  // Owned by the loop: each run hands it to the next.
  let memory: RunMemory | undefined;
  const runNext = async (): Promise<void> => {
    memory = (await runOnce(options, memory)).memory;
  };
  // One run at a time: two runs would share the output's staging folder.
  let running: Promise<unknown> = Promise.resolve();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const rerun = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(runNext);
    }, debounceMs);
  };
  for (const spec of specs) await watchSpec(spec, rerun);
  running = runNext();
  await running;
  console.error(`watching ${specs.join(", ")} (Ctrl-C to stop)`);
  return new Promise(() => {});
}

/** A single-file spec is watched through its folder, which also survives editors that save by renaming. */
async function watchSpec(spec: string, onChange: () => void): Promise<void> {
  const folder = (await stat(spec)).isDirectory();
  fsWatch(folder ? spec : path.dirname(spec), { recursive: folder }, (_event, file) => {
    const name = file === null ? "" : String(file);
    if (name.endsWith(".lock.json") || name.includes(".tmp-")) return; // our own name lock
    if (folder || name === path.basename(spec)) onChange();
  });
}
