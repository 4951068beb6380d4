// Formats texts for formatOnWorkers.ts on a worker thread. Plain JavaScript: a worker cannot load
// TypeScript without a loader. Receives { texts, options }, answers { texts } or { error }.
import { parentPort } from "node:worker_threads";
import { format } from "prettier";

parentPort.on("message", async ({ texts, options }) => {
  try {
    const formatted = [];
    for (const text of texts) formatted.push(await format(text, options));
    parentPort.postMessage({ texts: formatted });
  } catch (error) {
    parentPort.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
});
