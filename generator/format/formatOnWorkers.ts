import { Worker } from "node:worker_threads";
import type { Options } from "prettier";

interface WorkerOptions {
  workers: number;
  options: Options;
}

/**
 * Formats texts on worker threads: the texts are dealt out, longest first, to the worker with
 * the least work so far, and each worker gets its share as one message. Outputs in input order.
 */
export async function formatOnWorkers(texts: readonly string[], { workers, options }: WorkerOptions): Promise<string[]> {
  const shares = dealOut(texts, workers);
  // A worker's default young generation is small: prettier then spends most of its time in
  // garbage collection (measured: 5.2 s against 2.1 s for the same 1,000-operation output).
  const limits = { maxYoungGenerationSizeMb: 64 };
  const pool = shares.map(() => new Worker(new URL("./formatWorker.mjs", import.meta.url), { resourceLimits: limits }));
  try {
    const outputs: string[] = new Array<string>(texts.length);
    const replies = await Promise.all(shares.map((share, index) => formatOn(pool[index]!, share.map((at) => texts[at]!), options)));
    shares.forEach((share, worker) => share.forEach((at, position) => (outputs[at] = replies[worker]![position]!)));
    return outputs;
  } finally {
    await Promise.all(pool.map((worker) => worker.terminate()));
  }
}

/** Indices of the texts per worker, balanced by length (no empty shares). */
function dealOut(texts: readonly string[], workers: number): number[][] {
  const shares: number[][] = Array.from({ length: Math.min(workers, texts.length) }, () => []);
  const load = shares.map(() => 0);
  const longestFirst = texts.map((_, index) => index).sort((a, b) => texts[b]!.length - texts[a]!.length || a - b);
  for (const at of longestFirst) {
    const worker = load.indexOf(Math.min(...load));
    shares[worker]!.push(at);
    load[worker]! += texts[at]!.length;
  }
  return shares;
}

function formatOn(worker: Worker, texts: string[], options: Options): Promise<string[]> {
  return new Promise((resolve, reject) => {
    worker.once("message", (reply: { texts?: string[]; error?: string }) => {
      if (reply.texts === undefined) reject(new Error(`prettier failed: ${reply.error}`));
      else resolve(reply.texts);
    });
    worker.once("error", reject);
    worker.postMessage({ texts, options });
  });
}
