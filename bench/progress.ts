/**
 * The bench's clock and its progress lines on stderr. Each line samples the 1-minute load average:
 * other work on the machine inflates times, and the report says so.
 */
import os from "node:os";
import { performance } from "node:perf_hooks";

export interface Progress {
  elapsedMs(): number;
  log(message: string): void;
  readonly loadSamples: readonly number[];
}

export function startProgress(): Progress {
  const startedAt = performance.now();
  const loadSamples: number[] = [];
  const elapsedMs = () => performance.now() - startedAt;
  const log = (message: string) => {
    loadSamples.push(os.loadavg()[0] ?? 0);
    console.error(`[${(elapsedMs() / 1000).toFixed(0).padStart(4)} s] ${message}`);
  };
  return { elapsedMs, log, loadSamples };
}

/** The report's note on the machine: its cores and the busiest load seen. */
export function machineNote(progress: Progress): string {
  const busiest = Math.max(...progress.loadSamples, os.loadavg()[0] ?? 0);
  const cores = os.cpus().length;
  return (
    `machine: ${cores} cores; busiest 1-min load average seen ${busiest.toFixed(1)} (the bench itself accounts for about 1)` +
    (busiest > cores + 1 ? ": other work was running, so times are inflated and noisier than on an idle machine" : "")
  );
}
