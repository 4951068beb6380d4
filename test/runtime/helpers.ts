// Shared fakes for the runtime tests: a fetch that records real Request objects, and chunked byte streams.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type Reply = Response | ((request: Request) => Response | Promise<Response>);

/**
 * Records each call as a Request (so bodies can be read back as text or FormData).
 * Replies are used once each, in order, and never cloned: a clone would tee a streamed body,
 * hiding whether the runtime cancels it.
 */
export function recordingFetch(...replies: Reply[]): { fetch: typeof fetch; requests: Request[] } {
  const requests: Request[] = [];
  const fn = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    requests.push(request);
    const reply = replies[requests.length - 1];
    if (reply === undefined) throw new Error("no reply scripted");
    return typeof reply === "function" ? reply(request) : reply;
  };
  return { fetch: fn as typeof fetch, requests };
}

export function only<T>(items: readonly T[]): T {
  if (items.length !== 1) throw new Error(`expected exactly one item, got ${items.length}`);
  return items[0] as T;
}

/** A byte stream served in the given chunks; then it either ends or stays open until cancelled. */
export function chunkedStream(chunks: Uint8Array[], end: "close" | "hang" = "close") {
  const state = { cancelled: false, cancelReason: undefined as unknown, pulls: 0 };
  let index = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      state.pulls++;
      const chunk = chunks[index++];
      if (chunk !== undefined) controller.enqueue(chunk);
      else if (end === "close") controller.close();
      else return new Promise<void>(() => {}); // never produces more data
      return undefined;
    },
    cancel(reason) {
      state.cancelled = true;
      state.cancelReason = reason;
    },
  });
  return { stream, state };
}

/** Every way to cut `bytes` in two, plus one chunk per byte. */
export function allSplits(bytes: Uint8Array): Uint8Array[][] {
  const splits: Uint8Array[][] = [];
  for (let i = 0; i <= bytes.length; i++) splits.push([bytes.slice(0, i), bytes.slice(i)]);
  splits.push([...bytes].map((byte) => Uint8Array.of(byte)));
  return splits;
}

export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the promise to reject");
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Resolves once `check` returns true, polling every few ms; rejects after `ms` (a hang, not slowness). */
export async function until(check: () => boolean, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await delay(5);
  }
}

export async function startServer(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<{ server: Server; baseUrl: string; close: () => Promise<void> }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = async (): Promise<void> => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  };
  return { server, baseUrl, close };
}
