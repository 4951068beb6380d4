/**
 * How long the runtime takes to parse an event stream whose events are large, against the same bytes
 * in small events: one event of N MB arriving in 16 KB chunks, and N MB as events of 8 KB each.
 * Parsing only (an in-memory stream, no network); median of `--runs` runs.
 *
 *   npx tsx bench/streamParsing.ts                                   # templates/runtime.ts, 8 and 16 MB
 *   npx tsx bench/streamParsing.ts --runtime /tmp/old-runtime.ts --mb 8 --runs 3   # another runtime file
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";

const { values } = parseArgs({
  options: {
    runtime: { type: "string", default: path.join(import.meta.dirname, "../templates/runtime.ts") },
    mb: { type: "string", default: "8,16" },
    runs: { type: "string", default: "5" },
  },
});

type Runtime = typeof import("../templates/runtime.js");
const runtime = (await import(pathToFileURL(path.resolve(values.runtime)).href)) as Runtime;
const chunkBytes = 16 * 1024;

/** `text` as a byte stream in 16 KB chunks. */
function chunked(bytes: Uint8Array): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.subarray(at, (at += chunkBytes)));
    },
  });
}

function oneEvent(size: number): Uint8Array {
  return new TextEncoder().encode(`data: ${"x".repeat(size)}\n\n`);
}

function smallEvents(size: number): Uint8Array {
  const event = `data: ${"x".repeat(8 * 1024 - 8)}\n\n`;
  return new TextEncoder().encode(event.repeat(Math.round(size / event.length)));
}

async function parseMs(bytes: Uint8Array): Promise<number> {
  const started = performance.now();
  const events = runtime.sseResponse.decode(new Response(chunked(bytes))) as AsyncIterable<unknown>;
  let count = 0;
  for await (const _event of events) count++;
  if (count === 0) throw new Error("no event parsed");
  return performance.now() - started;
}

async function median(bytes: Uint8Array, runs: number): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) times.push(await parseMs(bytes));
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

console.log(`runtime: ${path.relative(process.cwd(), path.resolve(values.runtime))}; 16 KB chunks; median of ${values.runs} runs`);
for (const mb of values.mb.split(",").map(Number)) {
  const size = mb * 1024 * 1024;
  const big = await median(oneEvent(size), Number(values.runs));
  const small = await median(smallEvents(size), Number(values.runs));
  console.log(`${mb} MB: one event ${big.toFixed(0)} ms; as 8 KB events ${small.toFixed(0)} ms; ratio ${(big / small).toFixed(1)}`);
}
