// Faults of real networks and servers, each against local node:http servers (issue 20): a write is never done
// twice, a credential never reaches another origin, and a value that did not arrive is never returned.
import type { IncomingMessage, ServerResponse } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import {
  ConnectionError,
  DecodeError,
  RequestError,
  TimeoutError,
  configureClient,
  jsonBody,
  ndjsonResponse,
  request,
  sseResponse,
  type ClientOptions,
  type OperationRequest,
  type SecurityScheme,
  type ServerSentEvent,
} from "../../templates/runtime.js";
import { collect, rejection, startServer } from "./helpers.js";

const SECRET = "sk-faults-SECRET-77f1";
const securitySchemes: Record<string, SecurityScheme> = {
  bearer: { type: "http", scheme: "bearer" },
  basic: { type: "http", scheme: "basic" },
  headerKey: { type: "apiKey", in: "header", name: "X-Api-Key" },
  queryKey: { type: "apiKey", in: "query", name: "api_key" },
  cookieKey: { type: "apiKey", in: "cookie", name: "session" },
};

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;
interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  rawHeaders: string[];
  body: string;
}

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(stops.splice(0).map((stop) => stop()));
});

/** A local server that records every request (with its body) before `handler` answers it. */
async function server(handler: Handler): Promise<{ baseUrl: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  const started = await startServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      seen.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, rawHeaders: req.rawHeaders, body });
      handler(req, res, body);
    });
  });
  stops.push(started.close);
  return { baseUrl: started.baseUrl, seen };
}

function client(baseUrl: string, options: ClientOptions = {}) {
  return configureClient({ baseUrl, apiKey: SECRET, maxRetries: 2, ...options }, { baseUrl, securitySchemes });
}

const post = (overrides: Partial<OperationRequest> = {}): OperationRequest => ({
  method: "POST",
  path: "/charges",
  body: { amount: 100 },
  security: [],
  ...overrides,
});

/** 200 with a JSON body announced in full and cut after its first bytes (the server did the work). */
function answerCut(res: ServerResponse): void {
  const whole = JSON.stringify({ id: "ch_first", padding: "x".repeat(200) });
  res.writeHead(200, { "content-type": "application/json", "content-length": String(Buffer.byteLength(whole)) });
  res.write(whole.slice(0, 20), () => res.destroy());
}

function answerJson(res: ServerResponse, value: unknown, status = 200): void {
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(value));
}

/** The first request's answer is cut after its headers; the next ones are whole. */
function cutOnce(): Handler {
  let first = true;
  return (_req, res) => {
    if (first) answerCut(res);
    else answerJson(res, { id: "ch_second" });
    first = false;
  };
}

describe("a body cut after the headers (item 1)", () => {
  it("is not retried for a POST: the error names the status, and the server saw one request", async () => {
    const { baseUrl, seen } = await server(cutOnce());
    const error = await rejection(request(client(baseUrl), post()));
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ConnectionError).message).toBe("POST /charges failed: connection error (response cut after status 200)");
    expect((error as ConnectionError).status).toBe(200);
    expect(seen).toHaveLength(1);
  });

  it("is not retried for a PATCH stalled by the timeout either (TimeoutError with the status)", async () => {
    const { baseUrl, seen } = await server((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"id":'); // and never more
    });
    const error = await rejection(request(client(baseUrl, { timeoutMs: 200 }), post({ method: "PATCH" })));
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).message).toBe("PATCH /charges timed out after 200 ms (response cut after status 200)");
    expect((error as TimeoutError).status).toBe(200);
    expect(seen).toHaveLength(1);
  });

  it.each(["GET", "PUT", "DELETE"])("is retried for an idempotent %s, which resolves with the whole answer", async (method) => {
    const { baseUrl, seen } = await server(cutOnce());
    const result = await request(client(baseUrl), post({ method, body: method === "GET" ? undefined : { amount: 1 } }));
    expect(result).toEqual({ id: "ch_second" });
    expect(seen).toHaveLength(2);
  });

  it("still retries a POST whose connection broke before any response", async () => {
    let count = 0;
    const { baseUrl, seen } = await server((_req, res) => (count++ === 0 ? res.destroy() : answerJson(res, { id: "ch_2" })));
    expect(await request(client(baseUrl), post())).toEqual({ id: "ch_2" });
    expect(seen).toHaveLength(2);
  });
});

describe("idempotency keys (item 2)", () => {
  const keyed = post({ idempotencyKey: "Idempotency-Key" });
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

  it("mints one key per call, sends it on every attempt, and so retries a cut POST", async () => {
    const { baseUrl, seen } = await server(cutOnce());
    const result = await request(client(baseUrl), keyed);
    expect(result).toEqual({ id: "ch_second" });
    expect(seen).toHaveLength(2);
    const [first, second] = seen.map((entry) => entry.headers["idempotency-key"]);
    expect(first).toMatch(uuid);
    expect(second).toBe(first);
  });

  it("mints a new key for each call", async () => {
    const { baseUrl, seen } = await server((_req, res) => answerJson(res, { ok: true }));
    const api = client(baseUrl);
    await request(api, keyed);
    await request(api, keyed);
    const keys = seen.map((entry) => entry.headers["idempotency-key"]);
    expect(keys[0]).toMatch(uuid);
    expect(keys[1]).toMatch(uuid);
    expect(keys[1]).not.toBe(keys[0]);
  });

  it("sends the caller's own key instead, on every attempt", async () => {
    const { baseUrl, seen } = await server(cutOnce());
    await request(client(baseUrl), keyed, { headers: { "idempotency-key": "order-1234" } });
    expect(seen.map((entry) => entry.headers["idempotency-key"])).toEqual(["order-1234", "order-1234"]);
  });
});

describe("an empty success body (item 3)", () => {
  const emptyJson: Handler = (_req, res) => res.writeHead(200, { "content-type": "application/json" }).end();

  it("is a DecodeError where the operation's result is a value", async () => {
    const { baseUrl } = await server(emptyJson);
    const error = await rejection(request(client(baseUrl), post({ method: "GET", body: undefined })));
    expect(error).toBeInstanceOf(DecodeError);
    expect((error as DecodeError).message).toBe("GET /charges answered 200 with an empty body, expected JSON");
  });

  it("is undefined where the spec allows it (mayBeEmpty), and always for 204", async () => {
    const { baseUrl } = await server(emptyJson);
    expect(await request(client(baseUrl), post({ mayBeEmpty: true }))).toBeUndefined();
    const noContent = await server((_req, res) => res.writeHead(204).end());
    expect(await request(client(noContent.baseUrl), post())).toBeUndefined();
  });
});

describe("long lines in a stream (item 4)", () => {
  /** One SSE event whose data line is `size` characters, written in 16 KB chunks, then the end of the stream. */
  async function bigEvent(size: number, framing: "sse" | "ndjson") {
    return server((_req, res) => {
      const text = "x".repeat(size);
      const whole = framing === "sse" ? `data: ${JSON.stringify(text)}\n\ndata: [DONE]\n\n` : `${JSON.stringify({ text })}\n`;
      res.writeHead(200, { "content-type": framing === "sse" ? "text/event-stream" : "application/x-ndjson" });
      for (let at = 0; at < whole.length; at += 16_384) res.write(whole.slice(at, at + 16_384));
      res.end();
    });
  }

  it("reads one 4 MB event sent in 16 KB chunks", async () => {
    const { baseUrl } = await bigEvent(4 * 2 ** 20, "sse");
    const events = await request<AsyncIterable<ServerSentEvent<string>>>(client(baseUrl), post({ decodeResponse: sseResponse }));
    const data = (await collect(events)).map((event) => event.data.length);
    expect(data).toEqual([4 * 2 ** 20]);
  });

  it.each(["sse", "ndjson"] as const)("refuses a %s line longer than the caller's limit with DecodeError", async (framing) => {
    const { baseUrl } = await bigEvent(200_000, framing);
    const decodeResponse = framing === "sse" ? sseResponse : ndjsonResponse;
    const items = await request<AsyncIterable<unknown>>(client(baseUrl), post({ decodeResponse }), { maxLineLength: 100_000 });
    const error = await rejection(collect(items));
    expect(error).toBeInstanceOf(DecodeError);
    expect((error as DecodeError).message).toBe("A line of the response is longer than 100000 characters (raise options.maxLineLength)");
  });

  it("reads a line the caller's raised limit allows", async () => {
    const { baseUrl } = await bigEvent(200_000, "ndjson");
    const items = await request<AsyncIterable<{ text: string }>>(client(baseUrl), post({ decodeResponse: ndjsonResponse }), {
      maxLineLength: 300_000,
    });
    expect((await collect(items)).map((item) => item.text.length)).toEqual([200_000]);
  });
});

describe("redirects and credentials (item 5)", () => {
  /** `other` (another port, so another origin) records what reaches it; `api` redirects there, keeping path and query. */
  async function apiRedirectingTo(status: number, target: "other" | "same") {
    const other = await server((_req, res) => answerJson(res, { at: "other" }));
    const api = await server((req, res, _body) => {
      if (req.url?.startsWith("/moved")) return answerJson(res, { at: "api" });
      const location = target === "other" ? `${other.baseUrl}${req.url}` : `/moved${req.url}`;
      res.writeHead(status, { location }).end();
    });
    return { api, other };
  }

  const schemes = Object.keys(securitySchemes);

  it.each(schemes)("does not let a %s credential follow a 307 to another origin", async (scheme) => {
    const { api, other } = await apiRedirectingTo(307, "other");
    const result = await request(client(api.baseUrl), post({ path: "/things?x=1", security: [[scheme]] }));
    expect(result).toEqual({ at: "other" });
    const [arrived] = other.seen;
    expect(arrived?.method).toBe("POST");
    expect(arrived?.body).toBe('{"amount":100}');
    const wire = [arrived?.url, ...(arrived?.rawHeaders ?? [])].join("\n");
    expect(wire).not.toContain(SECRET);
    expect(wire).not.toContain(encodeURIComponent(SECRET));
    expect(wire).not.toContain(btoa(SECRET));
    expect(arrived?.headers.authorization).toBeUndefined();
    expect(arrived?.url).toBe("/things?x=1");
    // The first server did get it, so the scheme was in use.
    expect(JSON.stringify(api.seen[0])).toMatch(new RegExp(`${SECRET}|${btoa(SECRET)}`));
  });

  it.each(schemes)("keeps a %s credential on a redirect within the origin", async (scheme) => {
    const { api } = await apiRedirectingTo(308, "same");
    expect(await request(client(api.baseUrl), post({ security: [[scheme]] }))).toEqual({ at: "api" });
    const moved = api.seen[1];
    expect(moved?.url.startsWith("/moved/charges")).toBe(true);
    expect(JSON.stringify(moved)).toMatch(new RegExp(`${SECRET}|${btoa(SECRET)}`));
  });

  it("turns a POST answered 303 into a GET without a body", async () => {
    const { api, other } = await apiRedirectingTo(303, "other");
    await request(client(api.baseUrl), post({ security: [["headerKey"]] }));
    expect(other.seen.map(({ method, body, headers }) => [method, body, headers["x-api-key"]])).toEqual([["GET", "", undefined]]);
  });

  // as fetch does (and every browser): a redirected POST is not sent a second time
  it.each([301, 302])("follows a POST answered %i with a GET without a body", async (status) => {
    const { api, other } = await apiRedirectingTo(status, "other");
    await request(client(api.baseUrl), post({ security: [["headerKey"]] }));
    expect(other.seen.map(({ method, body, headers }) => [method, body, headers["x-api-key"]])).toEqual([["GET", "", undefined]]);
  });

  it.each([301, 302, 303])("follows a GET answered %i with a GET", async (status) => {
    const { api, other } = await apiRedirectingTo(status, "other");
    await request(client(api.baseUrl), post({ method: "GET", body: undefined }));
    expect(other.seen.map(({ method }) => method)).toEqual(["GET"]);
  });

  it("re-sends a PUT answered 301 as a PUT (fetch changes only a POST's method)", async () => {
    const { api, other } = await apiRedirectingTo(301, "other");
    await request(client(api.baseUrl), post({ method: "PUT" }));
    expect(other.seen.map(({ method, body }) => [method, body])).toEqual([["PUT", '{"amount":100}']]);
  });

  it("stops a redirect loop with a RequestError", async () => {
    const { baseUrl, seen } = await server((req, res) => res.writeHead(302, { location: req.url ?? "/" }).end());
    const error = await rejection(request(client(baseUrl), post({ method: "GET", body: undefined })));
    expect(error).toBeInstanceOf(RequestError);
    expect((error as Error).message).toBe("GET /charges could not be sent: TypeError: too many redirects");
    expect(seen).toHaveLength(21);
  });
});

describe("a browser's opaque redirect (item 5)", () => {
  /** What a browser's fetch answers to redirect: "manual" (no status, no Location), then the followed answer. */
  function browserFetch() {
    const modes: (RequestRedirect | undefined)[] = [];
    const fetch = (async (_url: string, init?: RequestInit) => {
      modes.push(init?.redirect);
      if (init?.redirect !== "manual") return new Response('{"followed":true}', { headers: { "content-type": "application/json" } });
      return Object.defineProperty(new Response(null), "type", { value: "opaqueredirect" });
    }) as typeof globalThis.fetch;
    return { fetch, modes };
  }

  it("refuses to follow it when an API key would go along", async () => {
    const browser = browserFetch();
    const api = configureClient({ apiKey: SECRET, fetch: browser.fetch }, { baseUrl: "https://api.test", securitySchemes });
    const error = await rejection(request(api, post({ security: [["headerKey"]] })));
    expect(error).toBeInstanceOf(RequestError);
    expect((error as Error).message).toBe(
      "POST /charges could not be sent: TypeError: redirect to a hidden origin",
    );
    expect(browser.modes).toEqual(["manual"]);
  });

  it.each([[[]], [["bearer"]]])("lets the browser follow it when no API key goes along (security %j)", async (security) => {
    const browser = browserFetch();
    const api = configureClient({ apiKey: SECRET, fetch: browser.fetch }, { baseUrl: "https://api.test", securitySchemes });
    expect(await request(api, post({ security: security.length === 0 ? [] : [security] }))).toEqual({ followed: true });
    expect(browser.modes).toEqual(["manual", "follow"]);
  });
});

describe("binary values in a JSON body (item 6)", () => {
  it.each([
    ["a File", { name: "a", file: new File(["%PDF"], "a.pdf") }, 'Body property "file" is binary'],
    ["a typed array in a list", { parts: [new Uint8Array([1, 2])] }, 'Body property "0" is binary'],
    ["a Blob as the body", new Blob(["x"]), 'Body property "" is binary'],
  ])("refuses %s with RequestError before sending", async (_what, body, names) => {
    const { baseUrl, seen } = await server((_req, res) => answerJson(res, {}));
    // Generated code passes jsonBody for every JSON body (a hand-built request's default is plain JSON).
    const error = await rejection(request(client(baseUrl), post({ body, encodeBody: jsonBody("application/json") })));
    expect(error).toBeInstanceOf(RequestError);
    expect((error as Error).message).toBe(`POST /charges could not be sent: TypeError: ${names}, which JSON cannot carry`);
    expect(seen).toHaveLength(0);
  });
});
