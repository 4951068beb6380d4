// The generated `operations-31` client against a scripted node:http server, for what Prism cannot
// mock (SSE, NDJSON: it answers 500, see operations.test.ts) and for transport behaviour: retries,
// timeouts, aborts, dropped connections and keeping the API key out of errors.
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { inspect } from "node:util";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import {
  AbortError,
  ApiError,
  ConnectionError,
  createChatCompletion,
  createChatCompletionStream,
  createClient,
  tailLogs,
  TimeoutError,
  type ClientOptions,
  type Completion,
  type CompletionChunk,
  type CreateChatCompletionError,
  type TailLogsResponse,
} from "../fixtures/clients/operations-31/index.js";
import { configureClient, withResponse, type ServerSentEvent } from "../fixtures/clients/operations-31/runtime.js";

const KEY = "sk-stream-SECRET-77aa";

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}
type Handler = (req: IncomingMessage, res: ServerResponse, index: number) => void | Promise<void>;

let server: Server;
let baseUrl: string;
let seen: Seen[] = [];
let handler: Handler;

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const index = seen.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString() }) - 1;
      Promise.resolve(handler(req, res, index)).catch(() => res.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections(); // handlers that never answer leave sockets open
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  seen = [];
  handler = (_req, res) => void res.writeHead(500).end("no handler");
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = (): void => {};
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

function client(options: ClientOptions = {}) {
  return createClient({ baseUrl, apiKey: KEY, ...options });
}

/**
 * A fetch that records the body chunks the client reads, and lets the server wait until the client has
 * read a number of bytes: each chunk is then read on its own, so the awkward splits reach the parser.
 */
function chunkRecordingFetch(): { fetch: typeof fetch; chunks: string[]; received(bytes: number): Promise<void> } {
  const chunks: string[] = [];
  let total = 0;
  let waiters: { bytes: number; resolve: () => void }[] = [];
  const notify = (): void => {
    waiters = waiters.filter((waiter) => (total >= waiter.bytes ? void waiter.resolve() : true));
  };
  const recording: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    if (response.body === null) return response;
    const record = new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        chunks.push(Buffer.from(chunk).toString("hex"));
        total += chunk.byteLength;
        controller.enqueue(chunk);
        notify();
      },
    });
    const { status, statusText, headers } = response;
    return new Response(response.body.pipeThrough(record), { status, statusText, headers });
  };
  const received = (bytes: number) =>
    new Promise<void>((resolve) => {
      waiters.push({ bytes, resolve });
      notify();
    });
  return { fetch: recording, chunks, received };
}

/** Writes each chunk as its own HTTP chunk once the client has read everything before it. */
async function writeInTurn(res: ServerResponse, chunks: Uint8Array[], received: (bytes: number) => Promise<void>): Promise<void> {
  let written = 0;
  for (const chunk of chunks) {
    if (res.destroyed) return;
    res.write(chunk);
    written += chunk.byteLength;
    await received(written);
  }
}

/** Splits the UTF-8 bytes of `text` at each byte offset (found by `at`: the offset of a marker plus a delta). */
function splitBytes(text: string, cuts: [marker: string, delta: number][]): Uint8Array[] {
  const bytes = Buffer.from(text, "utf8");
  const offsets = cuts.map(([marker, delta]) => {
    const found = bytes.indexOf(marker, 0, "utf8");
    if (found < 0) throw new Error(`marker ${JSON.stringify(marker)} not in the stream`);
    return found + delta;
  });
  offsets.sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let start = 0;
  for (const offset of [...offsets, bytes.length]) {
    chunks.push(bytes.subarray(start, offset));
    start = offset;
  }
  return chunks;
}

const hex = (chunks: Uint8Array[]) => chunks.map((chunk) => Buffer.from(chunk).toString("hex"));

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    (value) => {
      throw new Error(`expected a rejection, got ${JSON.stringify(value)}`);
    },
    (error: unknown) => error,
  );
}

/** Collects a stream's items until it ends or rejects; `each` may act mid-stream. */
async function drain<T>(stream: AsyncIterable<T>, each: (item: T) => void = () => {}): Promise<{ items: T[]; error: unknown }> {
  const items: T[] = [];
  try {
    for await (const item of stream) {
      items.push(item);
      each(item);
    }
    return { items, error: undefined };
  } catch (error) {
    return { items, error };
  }
}

function expectKeyHidden(error: unknown): void {
  expect(error).toBeInstanceOf(Error);
  expect((error as Error).message).not.toContain(KEY);
  expect(String(error)).not.toContain(KEY);
  expect(JSON.stringify(error)).not.toContain(KEY);
  expect(inspect(error, { depth: 10 })).not.toContain(KEY); // what a logger prints, causes included
}

const sseHeaders = { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache" };

describe("createChatCompletionStream (SSE)", () => {
  const stream = [
    "\uFEFFretry: 1500\r\n", // a byte order mark is dropped, so this is the "retry" field
    ": a comment\r\n",
    "event: dropped-for-lack-of-data\r\n",
    "\r\n",
    "event: chunk\r\n",
    "id: 1\n",
    'data: {"delta":"Grüße, "}\n',
    "\n",
    ": keep-alive\r\n",
    'data: {"delta":\r\n', // multi-line data, joined with "\n"
    'data: "naïve 🙂"}\r\n',
    "\r\n",
    "id: 2\r",
    'data:{"delta":"no space"}\r',
    "\r",
    "data: [DONE]\n",
    "\n",
  ].join("");
  // Where an extra empty line (CR and LF read as two line ends) would change the result.
  const chunks = splitBytes(stream, [
    ["\uFEFF", 2], // inside the byte order mark
    ["event: chunk\r", 13], // between CR and LF: an empty line here would reset the event type
    ['data: {"delta":"Gr', 2], // inside "data:"
    ["ü", 1], // inside a 2-byte character
    ['data: {"delta":\r', 16], // between CR and LF: an empty line here would dispatch half the JSON
    ["🙂", 2], // inside a 4-byte character
    ['"}\r\n\r\n', 5], // between CR and LF of the empty line that dispatches
    ["id: 2\r", 6], // right after a lone CR line end
    ["[DONE]", 3], // inside the [DONE] marker
  ]);

  it("parses typed events from awkward chunks, in order, and stops at [DONE] (closing the connection)", async () => {
    const closed = deferred();
    const recorder = chunkRecordingFetch();
    handler = async (_req, res) => {
      res.on("close", closed.resolve);
      res.writeHead(200, sseHeaders);
      await writeInTurn(res, chunks, recorder.received);
      // Never reached by a client that stops at [DONE]; the response stays open.
      if (!res.destroyed) res.write('data: {"delta":"after [DONE]"}\n\n');
    };
    const result = await createChatCompletionStream(client({ fetch: recorder.fetch }), { body: { prompt: "Hi", stream: true } });
    const events: ServerSentEvent<CompletionChunk>[] = [];
    for await (const event of result) events.push(event);

    expect(events.map((event) => event.data.delta)).toEqual(["Grüße, ", "naïve 🙂", "no space"]);
    expect(events).toEqual([
      { event: "chunk", id: "1", retry: 1500, data: { delta: "Grüße, " } },
      { event: "message", id: "1", retry: 1500, data: { delta: "naïve 🙂" } }, // the id carries over
      { event: "message", id: "2", retry: 1500, data: { delta: "no space" } },
    ]);
    await closed.promise; // leaving at [DONE] cancelled the body, which freed the connection
    // The splits reached the parser as written (the runtime may read one chunk ahead before it cancels).
    expect(recorder.chunks.slice(0, chunks.length)).toEqual(hex(chunks));
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ method: "POST", url: "/chat/completions", body: '{"prompt":"Hi","stream":true}' });
    expect(seen[0]!.headers.accept).toBe("text/event-stream");
    expect(seen[0]!.headers.authorization).toBe(`Bearer ${KEY}`);
  });

  it("rejects with ConnectionError when the server drops the connection mid-stream", async () => {
    const recorder = chunkRecordingFetch();
    handler = async (_req, res) => {
      res.writeHead(200, sseHeaders);
      await writeInTurn(res, [Buffer.from('data: {"delta":"one"}\n\n'), Buffer.from('data: {"delta":"tw')], recorder.received);
      res.socket?.destroy();
    };
    const result = await createChatCompletionStream(client({ fetch: recorder.fetch }), { body: { prompt: "Hi", stream: true } });
    const { items, error } = await drain(result);

    expect(items.map((event) => event.data.delta)).toEqual(["one"]);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ConnectionError).message).toBe("POST /chat/completions failed: connection error (response cut after status 200)");
    expect((error as ConnectionError).status).toBe(200);
    expect((error as ConnectionError).cause).toBeInstanceOf(Error); // undici's "terminated"
    expectKeyHidden(error);
    expect(seen).toHaveLength(1); // a started stream is never retried
  });

  it("a stream the server ends cleanly without [DONE] just ends (truncation is not an error)", async () => {
    handler = (_req, res) => void res.writeHead(200, sseHeaders).end('data: {"delta":"one"}\n\ndata: {"delta":"unfinished"}\n');
    const result = await createChatCompletionStream(client(), { body: { prompt: "Hi", stream: true } });
    const { items, error } = await drain(result);
    // The last event lacks its blank line, so it is discarded, as the event-stream spec says.
    expect(items.map((event) => event.data.delta)).toEqual(["one"]);
    expect(error).toBeUndefined();
  });

  it("the timeout stops once the headers arrive: a slow stream is not cut off", async () => {
    handler = async (_req, res) => {
      res.writeHead(200, sseHeaders).flushHeaders();
      await pause(750); // three times timeoutMs
      res.end('data: {"delta":"late"}\n\ndata: [DONE]\n\n');
    };
    const result = await createChatCompletionStream(client({ timeoutMs: 250, maxRetries: 0 }), { body: { prompt: "Hi" } });
    const { items, error } = await drain(result);
    expect(error).toBeUndefined();
    expect(items.map((event) => event.data.delta)).toEqual(["late"]);
  });

  it("aborting mid-stream stops iteration with AbortError and closes the connection", async () => {
    const closed = deferred();
    handler = (_req, res) => {
      res.on("close", closed.resolve);
      res.writeHead(200, sseHeaders).write('data: {"delta":"one"}\n\n'); // then stays open
    };
    const controller = new AbortController();
    const result = await createChatCompletionStream(client(), { body: { prompt: "Hi" } }, { signal: controller.signal });
    const { items, error } = await drain(result, () => controller.abort(new Error("user left")));

    expect(items.map((event) => event.data.delta)).toEqual(["one"]);
    expect(error).toBeInstanceOf(AbortError);
    expect((error as AbortError).message).toBe("POST /chat/completions was aborted");
    expect((error as AbortError).cause).toEqual(new Error("user left"));
    await closed.promise;
    expectKeyHidden(error);
  });
});

describe("tailLogs (NDJSON)", () => {
  it("parses typed values from awkward chunks, skipping blank lines", async () => {
    const text = ['{"line":"α first"}\n', "\r\n", '{"line":"second 🚀"}\r\n', "   \n", '{"line":"third"}\n', '{"line":"last, no newline"}'].join("");
    const chunks = splitBytes(text, [
      ["α", 1], // inside a 2-byte character
      ['{"line":"second', 4], // inside a key
      ["🚀", 3], // inside a 4-byte character
      ['"}\r\n   ', 3], // between CR and LF
      ['{"line":"last', 12], // inside the last value
    ]);
    const recorder = chunkRecordingFetch();
    handler = async (_req, res) => {
      res.writeHead(200, { "content-type": "application/x-ndjson" });
      await writeInTurn(res, chunks, recorder.received);
      res.end();
    };
    const logs = await tailLogs(client({ fetch: recorder.fetch }));
    const lines: TailLogsResponse[] = [];
    for await (const entry of logs) lines.push(entry);

    expect(lines).toEqual([{ line: "α first" }, { line: "second 🚀" }, { line: "third" }, { line: "last, no newline" }]);
    expect(recorder.chunks).toEqual(hex(chunks));
    expect(seen[0]).toMatchObject({ method: "GET", url: "/logs" });
    expect(seen[0]!.headers.accept).toBe("application/x-ndjson, application/jsonl");
  });
});

describe("responses, retries and transport failures", () => {
  it("withResponse exposes status, headers and the x-request-id", async () => {
    handler = (_req, res) =>
      void res.writeHead(200, { "content-type": "application/json", "x-request-id": "req_abc123", "x-ratelimit-remaining": "9" }).end('{"text":"hi"}');
    const { data, response } = await withResponse((options) => createChatCompletion(client(), { body: { prompt: "Hi" } }, options));

    const completion: Completion = data;
    expect(completion).toEqual({ text: "hi" });
    expect(response.status).toBe(200);
    expect(response.requestId).toBe("req_abc123");
    expect(response.headers.get("x-request-id")).toBe("req_abc123");
    expect(response.headers.get("x-ratelimit-remaining")).toBe("9");
    expect(response.url).toBe(`${baseUrl}/chat/completions`);
  });

  it("retries a 429 (Retry-After: 0) and a 503 (retry-after-ms: 0), then returns the 200", async () => {
    const problem = (title: string) => JSON.stringify({ title });
    handler = (_req, res, index) => {
      if (index === 0) res.writeHead(429, { "content-type": "application/json", "retry-after": "0" }).end(problem("Slow down"));
      else if (index === 1) res.writeHead(503, { "content-type": "application/json", "retry-after-ms": "0" }).end(problem("Busy"));
      else res.writeHead(200, { "content-type": "application/json", "x-request-id": "req_3" }).end('{"text":"third time"}');
    };
    const { data, response } = await withResponse((options) => createChatCompletion(client(), { body: { prompt: "again" } }, options));

    expect(data).toEqual({ text: "third time" });
    expect(response.status).toBe(200); // onResponse sees only the final response
    expect(response.requestId).toBe("req_3");
    expect(seen).toHaveLength(3);
    for (const request of seen) {
      expect(request.body).toBe('{"prompt":"again"}');
      expect(request.headers.authorization).toBe(`Bearer ${KEY}`);
    }
  });

  it("maxRetries: 0 surfaces the 429 as a typed CreateChatCompletionError with its Problem body", async () => {
    handler = (_req, res) => void res.writeHead(429, { "content-type": "application/json", "retry-after": "0" }).end('{"title":"Slow down"}');
    const caught = await rejection(createChatCompletion(client({ maxRetries: 0 }), { body: { prompt: "Hi" } }));

    expect(caught).toBeInstanceOf(ApiError);
    const error = caught as CreateChatCompletionError;
    expect(error.status).toBe(429);
    if (error.status === 429) {
      const title: string = error.body.title;
      expect(title).toBe("Slow down");
    }
    expect(error.headers.get("retry-after")).toBe("0");
    expect(error.message).toBe("POST /chat/completions failed with status 429");
    expect(seen).toHaveLength(1);
    expectKeyHidden(error);
  });

  it("a 400 is never retried, and its problem+json body is parsed", async () => {
    handler = (_req, res) => void res.writeHead(400, { "content-type": "application/problem+json" }).end('{"title":"Bad prompt"}');
    const caught = await rejection(createChatCompletion(client({ maxRetries: 2 }), { body: { prompt: "Hi" } }));

    expect(caught).toBeInstanceOf(ApiError);
    expect((caught as ApiError).status).toBe(400);
    expect((caught as ApiError).body).toEqual({ title: "Bad prompt" });
    expect(seen).toHaveLength(1);
    expectKeyHidden(caught);
  });

  it("headers slower than timeoutMs give TimeoutError, after retrying the timed-out attempt", async () => {
    handler = () => {}; // never answers
    const caught = await rejection(createChatCompletion(client({ timeoutMs: 100, maxRetries: 1 }), { body: { prompt: "Hi" } }));

    expect(caught).toBeInstanceOf(TimeoutError);
    expect((caught as TimeoutError).message).toBe("POST /chat/completions timed out after 100 ms");
    expect(seen).toHaveLength(2);
    expectKeyHidden(caught);
  });

  it("the timeout also covers reading a non-streaming body", async () => {
    handler = (_req, res) => void res.writeHead(200, { "content-type": "application/json" }).write('{"text":"par'); // then stalls
    const caught = await rejection(createChatCompletion(client({ timeoutMs: 150, maxRetries: 0 }), { body: { prompt: "Hi" } }));
    expect(caught).toBeInstanceOf(TimeoutError);
    expect(seen).toHaveLength(1);
  });

  it("the caller's signal aborting a pending request gives AbortError, never retried", async () => {
    const arrived = deferred();
    handler = () => arrived.resolve(); // never answers
    const controller = new AbortController();
    const pending = rejection(createChatCompletion(client(), { body: { prompt: "Hi" } }, { signal: controller.signal }));
    await arrived.promise;
    controller.abort();
    const caught = await pending;

    expect(caught).toBeInstanceOf(AbortError);
    expect((caught as AbortError).message).toBe("POST /chat/completions was aborted");
    expect(seen).toHaveLength(1);
    expectKeyHidden(caught);
  });

  it("the caller's signal also cuts a retry wait short (503 asking for 30 s)", async () => {
    handler = (_req, res) => void res.writeHead(503, { "retry-after-ms": "30000" }).end("busy");
    const timers = vi.spyOn(globalThis, "setTimeout");
    try {
      const controller = new AbortController();
      let settled = false;
      const pending = rejection(createChatCompletion(client(), { body: { prompt: "Hi" } }, { signal: controller.signal })).finally(() => (settled = true));
      // The client has drained the 503 once it sets the 30 s timer of its wait.
      while (!timers.mock.calls.some(([, ms]) => ms === 30_000)) await pause(5);
      controller.abort();
      // Settled before the event loop turns once more: the abort ended the wait, not a timer.
      await new Promise((resolve) => setImmediate(resolve));
      expect(settled).toBe(true);
      expect(await pending).toBeInstanceOf(AbortError);
      expect(seen).toHaveLength(1);
    } finally {
      timers.mockRestore();
    }
  });

  it("a connection dropped before any response is retried, then reported as ConnectionError", async () => {
    handler = (req) => void req.socket.destroy();
    const caught = await rejection(createChatCompletion(client(), { body: { prompt: "Hi" } }));

    expect(caught).toBeInstanceOf(ConnectionError);
    expect((caught as ConnectionError).message).toBe("POST /chat/completions failed: connection error");
    expect((caught as ConnectionError).cause).toBeInstanceOf(Error);
    expect(seen).toHaveLength(3); // maxRetries defaults to 2
    expectKeyHidden(caught);
  });
});

describe("the API key stays out of errors", () => {
  it("with the key in the query (apiKeyQuery), no error kind repeats it", async () => {
    const queryClient = (options: ClientOptions) =>
      configureClient(
        { baseUrl, apiKey: KEY, maxRetries: 0, ...options },
        { baseUrl, securitySchemes: { apiKeyQuery: { type: "apiKey", in: "query", name: "api_key" } } },
      );
    const errors: unknown[] = [];
    const body = { prompt: "Hi" };

    handler = (_req, res) => void res.writeHead(400, { "content-type": "application/json" }).end(JSON.stringify({ title: "bad", path: "/chat/completions" }));
    errors.push(await rejection(createChatCompletion(queryClient({}), { body })));
    handler = (req) => void req.socket.destroy();
    errors.push(await rejection(createChatCompletion(queryClient({}), { body })));
    handler = () => {};
    errors.push(await rejection(createChatCompletion(queryClient({ timeoutMs: 100 }), { body })));
    errors.push(await rejection(createChatCompletion(queryClient({}), { body }, { signal: AbortSignal.abort() })));
    const recorder = chunkRecordingFetch();
    handler = async (_req, res) => {
      res.writeHead(200, sseHeaders);
      await writeInTurn(res, [Buffer.from('data: {"delta":"one"}\n\n')], recorder.received);
      res.socket?.destroy();
    };
    errors.push((await drain(await createChatCompletionStream(queryClient({ fetch: recorder.fetch }), { body }))).error);

    expect(errors.map((error) => (error as Error).name)).toEqual(["ApiError", "ConnectionError", "TimeoutError", "AbortError", "ConnectionError"]);
    errors.forEach(expectKeyHidden);
    // The key really was on the wire (four requests: the pre-aborted call never sent one).
    expect(seen.map((request) => new URL(request.url, baseUrl).searchParams.get("api_key"))).toEqual([KEY, KEY, KEY, KEY]);
  });
});
