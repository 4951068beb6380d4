// Formats files for formatFiles.ts on a worker thread. Plain JavaScript: a worker cannot load
// TypeScript without a loader. Receives { id, text, options }, answers { id, text } or { id, error }.
import { parentPort } from "node:worker_threads";
import { format } from "prettier";

parentPort.on("message", async ({ id, text, options }) => {
  try {
    parentPort.postMessage({ id, text: await format(text, options) });
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
