import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AbortError,
  ApiError,
  ConnectionError,
  TimeoutError,
  binaryBody,
  configureClient,
  ndjsonResponse,
  request,
  sseResponse,
  sseResponseUntil,
  textResponse,
  type ClientOptions,
  type OperationRequest,
  type ResponseDecoder,
  type ServerSentEvent,
} from "../../templates/runtime.js";
import { allSplits, chunkedStream, collect, delay, recordingFetch, rejection, startServer, until, type Reply } from "./helpers.js";

type Events = AsyncIterable<ServerSentEvent<unknown>>;
const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
const defaults = { baseUrl: "https://api.example.test", securitySchemes: {} };

function streamOp(decodeResponse: ResponseDecoder, overrides: Partial<OperationRequest> = {}): OperationRequest {
  return { method: "GET", path: "/stream", security: [], decodeResponse, ...overrides };
}

function fakeClient(options: ClientOptions, ...replies: Reply[]) {
  const fake = recordingFetch(...replies);
  return { client: configureClient({ fetch: fake.fetch, ...options }, defaults), requests: fake.requests };
}

const eventStream = (body: ReadableStream<Uint8Array> | string, status = 200): Response =>
  new Response(body, { status, headers: { "content-type": "text/event-stream" } });

// Exercises every parsing rule; the BOM sits before a real field so keeping it would rename that field.
const SSE_SAMPLE =
  "\uFEFFevent: greeting\r\n" +
  ": a comment, ignored\r\n" +
  "retry: 1500\r\n" +
  "id: 1\r\n" +
  'data: {"text":"héllo ☕"}\r\n' +
  "\r\n" +
  "data: line one\rdata:line two\r\r" + // lone CR line ends; no space after the colon
  "id\n" + // no colon: a field with an empty value, so the id resets to ""
  "data:  two spaces\n" + // only one space is removed
  "data\n" +
  "data: 😀 done\n" +
  "\n" +
  "id: 7\n" +
  "id: bad\0id\n" + // contains NUL: ignored
  "retry: 12a\n" + // not all digits: ignored
  "event: update\n" +
  'data: {"n":2}\n' +
  "\r\n" +
  "event: dropped\n" + // no data: nothing is dispatched and the type resets
  "\n" +
  "data: 3\n\n" +
  "data: [DONE]\n\n" +
  "data: after the end\n\n";

const SSE_EXPECTED: ServerSentEvent<unknown>[] = [
  { event: "greeting", data: { text: "héllo ☕" }, id: "1", retry: 1500 },
  { event: "message", data: "line one\nline two", id: "1", retry: 1500 },
  { event: "message", data: " two spaces\n\n😀 done", id: "", retry: 1500 },
  { event: "update", data: { n: 2 }, id: "7", retry: 1500 },
  { event: "message", data: 3, id: "7", retry: 1500 },
];

describe("server-sent events", () => {
  it("parses the sample identically at every chunk boundary", async () => {
    const splits = allSplits(encode(SSE_SAMPLE));
    expect(splits.length).toBeGreaterThan(200);
    for (const chunks of splits) {
      const events = await collect(sseResponse.decode(eventStream(chunkedStream(chunks).stream)) as Events);
      expect(events).toEqual(SSE_EXPECTED);
    }
  });

  it("streams through request() and stops at [DONE], cancelling the body", async () => {
    const { stream, state } = chunkedStream([encode(SSE_SAMPLE)], "hang");
    const { client } = fakeClient({}, eventStream(stream));
    const events = await request<Events>(client, streamOp(sseResponse));
    expect(await collect(events)).toEqual(SSE_EXPECTED);
    expect(state.cancelled).toBe(true);
  });

  it("ends at the spec's own sentinels (raw or JSON-quoted), and then [DONE] is data like any other", async () => {
    const decoder = sseResponseUntil(["[END]", "bye"]);
    const body = 'data: 1\n\ndata: [DONE]\n\ndata: "bye"\n\ndata: 2\n\n';
    expect((await collect(decoder.decode(eventStream(body)) as Events)).map((e) => e.data)).toEqual([1, "[DONE]"]);
    expect((await collect(decoder.decode(eventStream("data: [END]\n\ndata: 2\n\n")) as Events)).map((e) => e.data)).toEqual([]);
    expect(decoder.accept).toBe(sseResponse.accept);
    expect(decoder.streaming).toBe(true);
  });

  it("ends at [DONE] when the spec names no sentinel, raw or JSON-quoted", async () => {
    for (const done of ["[DONE]", '"[DONE]"']) {
      const events = await collect(sseResponse.decode(eventStream(`data: 1\n\ndata: ${done}\n\ndata: 2\n\n`)) as Events);
      expect(events.map((e) => e.data)).toEqual([1]);
    }
  });

  it("discards an incomplete event at the end of the stream", async () => {
    for (const tail of ["data: b\n", "data: b", "data: b\r"]) {
      const events = await collect(sseResponse.decode(eventStream(`data: a\n\n${tail}`)) as Events);
      expect(events.map((e) => e.data)).toEqual(["a"]);
    }
  });

  it("cancels the body when the consumer breaks out early", async () => {
    const { stream, state } = chunkedStream([encode("data: 1\n\n"), encode("data: 2\n\n")], "hang");
    const { client } = fakeClient({}, eventStream(stream));
    const seen: unknown[] = [];
    for await (const event of await request<Events>(client, streamOp(sseResponse))) {
      seen.push(event.data);
      break;
    }
    expect(seen).toEqual([1]);
    expect(state.cancelled).toBe(true);
  });

  it("rejects with AbortError and cancels the body when the caller aborts mid-stream", async () => {
    const { stream, state } = chunkedStream([encode("data: 1\n\n")], "hang");
    const { client } = fakeClient({}, eventStream(stream));
    const controller = new AbortController();
    const events = await request<Events>(client, streamOp(sseResponse), { signal: controller.signal });
    const iterator = events[Symbol.asyncIterator]();
    expect((await iterator.next()).value).toMatchObject({ data: 1 });
    const pending = iterator.next();
    controller.abort(new Error("user stop"));
    const error = await rejection(pending);
    expect(error).toBeInstanceOf(AbortError);
    expect((error as AbortError).cause).toEqual(new Error("user stop"));
    expect(state.cancelled).toBe(true);
  });

  it("does not retry once the stream has been handed over", async () => {
    let sent = false;
    const failing = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent) return controller.error(new TypeError("socket hang up"));
        sent = true;
        controller.enqueue(encode("data: 1\n\n"));
      },
    });
    const { client, requests } = fakeClient({ maxRetries: 3 }, eventStream(failing), eventStream("data: 2\n\n"));
    const events = await request<Events>(client, streamOp(sseResponse));
    const seen: unknown[] = [];
    const error = await rejection((async () => {
      for await (const event of events) seen.push(event.data);
    })());
    expect(seen).toEqual([1]);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(requests).toHaveLength(1);
  });

  it("throws ApiError, decoded the default way, for a non-2xx response", async () => {
    const problem = new Response('{"error":"quota"}', { status: 429, headers: { "content-type": "application/json" } });
    const { client } = fakeClient({ maxRetries: 0 }, problem);
    const error = await rejection(request(client, streamOp(sseResponse)));
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).body).toEqual({ error: "quota" });
  });
});

describe("NDJSON", () => {
  const SAMPLE = '\uFEFF{"a":1}\r\n\n  \n{"b":"☕ é"}\n[1,2]\r\n"str"\n3';

  it("yields one value per non-empty line at every chunk boundary", async () => {
    for (const chunks of allSplits(encode(SAMPLE))) {
      const values = await collect(ndjsonResponse.decode(new Response(chunkedStream(chunks).stream)) as AsyncIterable<unknown>);
      expect(values).toEqual([{ a: 1 }, { b: "☕ é" }, [1, 2], "str", 3]);
    }
  });

  it("rejects a malformed line and cancels the body", async () => {
    const { stream, state } = chunkedStream([encode('{"ok":true}\n{broken\n')], "hang");
    const { client } = fakeClient({}, new Response(stream));
    const values = await request<AsyncIterable<unknown>>(client, streamOp(ndjsonResponse));
    const seen: unknown[] = [];
    const error = await rejection((async () => {
      for await (const value of values) seen.push(value);
    })());
    expect(seen).toEqual([{ ok: true }]);
    expect(error).toBeInstanceOf(SyntaxError);
    expect(state.cancelled).toBe(true);
  });

  it("cancels the body on break", async () => {
    const { stream, state } = chunkedStream([encode("1\n2\n")], "hang");
    const { client } = fakeClient({}, new Response(stream));
    for await (const value of await request<AsyncIterable<unknown>>(client, streamOp(ndjsonResponse))) {
      expect(value).toBe(1);
      break;
    }
    expect(state.cancelled).toBe(true);
  });
});

describe("non-replayable bodies", () => {
  const upload = (body: unknown): OperationRequest => ({
    method: "PUT",
    path: "/upload",
    body,
    encodeBody: binaryBody("application/octet-stream"),
    decodeResponse: textResponse,
    security: [],
  });
  const unavailable = () => new Response("busy", { status: 503, headers: { "retry-after-ms": "0" } });

  it("does not retry a ReadableStream body on 503", async () => {
    const { client, requests } = fakeClient({ maxRetries: 2 }, unavailable(), new Response("ok"));
    const error = await rejection(request(client, upload(chunkedStream([encode("data")]).stream)));
    expect(error).toMatchObject({ name: "ApiError", status: 503 });
    expect(requests).toHaveLength(1);
  });

  it("does not retry a ReadableStream body after a connection error", async () => {
    const { client, requests } = fakeClient({ maxRetries: 2 }, () => Promise.reject(new TypeError("fetch failed")));
    const error = await rejection(request(client, upload(chunkedStream([encode("data")]).stream)));
    expect(error).toBeInstanceOf(ConnectionError);
    expect(requests).toHaveLength(1);
  });

  it("still retries a replayable binary body", async () => {
    const { client, requests } = fakeClient({ maxRetries: 2 }, unavailable(), new Response("ok"));
    await expect(request(client, upload(new Blob(["data"])))).resolves.toBe("ok");
    expect(requests).toHaveLength(2);
    expect(await Promise.all(requests.map((r) => r.text()))).toEqual(["data", "data"]);
  });
});

describe("streaming against a real HTTP server", () => {
  let baseUrl = "";
  let close = async (): Promise<void> => {};
  const closed = new Set<string>();
  const uploads: string[] = [];
  let releaseHeld = (): void => {};
  const held = new Promise<void>((resolve) => (releaseHeld = resolve));

  beforeAll(async () => {
    const started = await startServer((req, res) => {
      const path = req.url ?? "";
      res.on("close", () => closed.add(path));
      if (path === "/slow-headers") {
        setTimeout(() => res.writeHead(200).end("late"), 300);
      } else if (path === "/slow-body") {
        res.writeHead(200, { "content-type": "text/plain" });
        res.write("a");
        setTimeout(() => res.end("b"), 300);
      } else if (path === "/events/held") {
        // One event, then the stream stays open until the test releases the other four.
        res.writeHead(200, { "content-type": "text/event-stream" });
        res.write(`id: 1\ndata: {"n":1}\n\n`);
        void held.then(() => {
          for (let n = 2; n <= 5; n++) res.write(`id: ${n}\ndata: {"n":${n}}\n\n`);
          res.end();
        });
      } else if (path === "/upload") {
        let body = "";
        req.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
        req.on("end", () => {
          uploads.push(body);
          res.writeHead(200, { "content-type": "text/plain" }).end(`got ${body.length}`);
        });
      } else {
        // Trickles one event every 50 ms until the client goes away.
        res.writeHead(200, { "content-type": "text/event-stream" });
        res.flushHeaders();
        let n = 0;
        const timer = setInterval(() => {
          n++;
          res.write(`id: ${n}\ndata: {"n":${n}}\n\n`);
        }, 50);
        res.on("close", () => clearInterval(timer));
      }
    });
    baseUrl = started.baseUrl;
    close = started.close;
    await (await fetch(`${baseUrl}/upload`, { method: "POST", body: "warm-up" })).text(); // fetch loads lazily on first use
    uploads.length = 0;
  });

  afterAll(() => close());

  const client = (timeoutMs: number) => configureClient({ baseUrl, timeoutMs, maxRetries: 0 }, defaults);

  it("keeps streaming after headers arrive, past the per-attempt timeout", async () => {
    const events: ServerSentEvent<unknown>[] = [];
    for await (const event of await request<Events>(client(100), streamOp(sseResponse, { path: "/events/held" }))) {
      events.push(event);
      if (events.length > 1) continue;
      // The stream stays open for three times the timeout. Timers fire in the order they fall due,
      // so the attempt's 100 ms timer, started before this wait, would fire first if still running.
      await delay(300);
      releaseHeld();
    }
    expect(events.map((e) => e.id)).toEqual(["1", "2", "3", "4", "5"]);
    expect(events[4]?.data).toEqual({ n: 5 });
  });

  it("still times out while waiting for headers with a streaming decoder", async () => {
    const error = await rejection(request(client(25), streamOp(sseResponse, { path: "/slow-headers" })));
    expect(error).toBeInstanceOf(TimeoutError);
  });

  it("covers the whole body with the timeout for a non-streaming decoder", async () => {
    const error = await rejection(request(client(50), streamOp(textResponse, { path: "/slow-body" })));
    expect(error).toBeInstanceOf(TimeoutError);
  });

  it("closes the connection when the consumer breaks out", async () => {
    for await (const event of await request<Events>(client(1000), streamOp(sseResponse, { path: "/events/endless?break" }))) {
      expect(event.data).toEqual({ n: 1 });
      break;
    }
    await until(() => closed.has("/events/endless?break"));
  });

  it("closes the connection and rejects with AbortError when the caller aborts", async () => {
    const controller = new AbortController();
    const path = "/events/endless?abort";
    const events = await request<Events>(client(1000), streamOp(sseResponse, { path }), { signal: controller.signal });
    const seen: unknown[] = [];
    const error = await rejection((async () => {
      for await (const event of events) {
        // Aborts on the next turn of the event loop, while the loop waits for the next event.
        if (seen.push(event.data) === 1) setTimeout(() => controller.abort(), 0);
      }
    })());
    expect(error).toBeInstanceOf(AbortError);
    expect(seen.length).toBeGreaterThanOrEqual(1);
    await until(() => closed.has(path));
  });

  it("uploads a ReadableStream body", async () => {
    const body = chunkedStream([encode("part one, "), encode("part two ☕")]).stream;
    const op: OperationRequest = {
      method: "POST",
      path: "/upload",
      body,
      encodeBody: binaryBody("application/octet-stream"),
      decodeResponse: textResponse,
      security: [],
    };
    await expect(request(client(1000), op)).resolves.toBe("got 20");
    expect(uploads).toEqual(["part one, part two ☕"]);
    await delay(0);
  });
});
