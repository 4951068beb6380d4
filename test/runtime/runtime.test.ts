import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  AbortError,
  ApiError,
  ConnectionError,
  DecodeError,
  TimeoutError,
  configureClient,
  request,
  type ClientDefaults,
  type ClientOptions,
  type OperationRequest,
} from "../../templates/runtime.js";

const SECRET = "sk-test-SECRET-1234";
const BASE = "https://api.example.test/v1";

const defaults: ClientDefaults = {
  baseUrl: BASE,
  securitySchemes: {
    bearer: { type: "http", scheme: "bearer" },
    basic: { type: "http", scheme: "basic" },
    headerKey: { type: "apiKey", in: "header", name: "X-Api-Key" },
    queryKey: { type: "apiKey", in: "query", name: "api_key" },
    cookieKey: { type: "apiKey", in: "cookie", name: "session" },
  },
};

interface Call {
  url: URL;
  method: string;
  headers: Headers;
  body: string | null;
  signal: AbortSignal | undefined;
}

type Script = Response | Error | ((call: Call) => Response | Promise<Response>);

/** A fake fetch that records every call and answers from a script (the last entry repeats). */
function fakeFetch(...script: Script[]): { fetch: typeof fetch; calls: Call[] } {
  const calls: Call[] = [];
  const fn = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const call: Call = {
      url: new URL(String(input)),
      method: init?.method ?? "GET",
      headers: new Headers(init?.headers),
      body: typeof init?.body === "string" ? init.body : null,
      signal: init?.signal ?? undefined,
    };
    calls.push(call);
    const step = script[Math.min(calls.length, script.length) - 1];
    if (step === undefined) throw new Error("empty script");
    if (step instanceof Error) throw step;
    return typeof step === "function" ? step(call) : step.clone();
  };
  return { fetch: fn as typeof fetch, calls };
}

/** Never answers; rejects like real fetch once its signal aborts. */
function hang(call: Call): Promise<Response> {
  return new Promise((_resolve, reject) => {
    call.signal?.addEventListener("abort", () => reject(call.signal?.reason));
  });
}

const json = (value: unknown, status = 200, headers: Record<string, string> = {}): Response =>
  new Response(JSON.stringify(value), { status, headers: { "content-type": "application/json", ...headers } });

const op = (overrides: Partial<OperationRequest> = {}): OperationRequest => ({
  method: "GET",
  path: "/things",
  security: [],
  ...overrides,
});

function setup(options: ClientOptions = {}, ...script: Script[]) {
  const fake = fakeFetch(...(script.length > 0 ? script : [json({ ok: true })]));
  const client = configureClient({ apiKey: SECRET, fetch: fake.fetch, ...options }, defaults);
  return { client, calls: fake.calls };
}

/** Captures a rejection so it can be asserted after timers advance. */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the promise to reject");
}

function first(calls: Call[]): Call {
  const call = calls[0];
  if (call === undefined) throw new Error("fetch was not called");
  return call;
}

describe("URL building", () => {
  it("encodes path params and keeps literal suffixes", async () => {
    const { client, calls } = setup({ baseUrl: "https://api.example.test/v1///" });
    await request(client, op({ path: "/a/{x}/b/{y}/c/{z}:deployModel", pathParams: { x: "../admin", y: "a b/c?d#e%f", z: "café ☕" } }));
    expect(first(calls).url.href).toBe(
      "https://api.example.test/v1/a/..%2Fadmin/b/a%20b%2Fc%3Fd%23e%25f/c/caf%C3%A9%20%E2%98%95:deployModel",
    );
    expect(client.baseUrl).toBe("https://api.example.test/v1");
  });

  it("stringifies numbers and booleans", async () => {
    const { client, calls } = setup();
    await request(client, op({ path: "/e/{id}/{flag}", pathParams: { id: 42, flag: false } }));
    expect(first(calls).url.pathname).toBe("/v1/e/42/false");
  });

  it.each([".", ".."])("rejects the dot-segment value %j before sending", async (value) => {
    const { client, calls } = setup();
    await expect(request(client, op({ path: "/e/{id}", pathParams: { id: value } }))).rejects.toThrow(TypeError);
    expect(calls).toHaveLength(0);
  });

  it("rejects a missing path param", async () => {
    const { client, calls } = setup();
    await expect(request(client, op({ path: "/e/{id}", pathParams: {} }))).rejects.toThrow(/Missing path parameter "id"/);
    await expect(request(client, op({ path: "/e/{constructor}" }))).rejects.toThrow(TypeError);
    expect(calls).toHaveLength(0);
  });

  it("encodes query values, repeats arrays and skips undefined", async () => {
    const { client, calls } = setup();
    const query = { q: "a&b=c #1", tag: ["x", "y z"], limit: 10, on: true, missing: undefined };
    await request(client, op({ query }));
    const url = first(calls).url;
    expect(url.search).toBe("?q=a%26b%3Dc%20%231&tag=x&tag=y%20z&limit=10&on=true");
    expect(url.searchParams.getAll("tag")).toEqual(["x", "y z"]);
    expect(url.searchParams.has("missing")).toBe(false);
  });
});

describe("auth", () => {
  const authed = async (security: string[][], options: ClientOptions = {}, extra: Partial<OperationRequest> = {}) => {
    const { client, calls } = setup(options);
    await request(client, op({ security, ...extra }));
    return first(calls);
  };

  it("sends bearer tokens", async () => {
    expect((await authed([["bearer"]])).headers.get("authorization")).toBe(`Bearer ${SECRET}`);
  });

  it("sends basic credentials as UTF-8 base64", async () => {
    const call = await authed([["basic"]], { apiKey: "jürgen:pässwörd☕" });
    const header = call.headers.get("authorization") ?? "";
    expect(header.startsWith("Basic ")).toBe(true);
    expect(Buffer.from(header.slice(6), "base64").toString("utf8")).toBe("jürgen:pässwörd☕");
  });

  it("sends apiKey in a header, the query or a cookie", async () => {
    expect((await authed([["headerKey"]])).headers.get("x-api-key")).toBe(SECRET);
    const q = await authed([["queryKey"]], { apiKey: "k&y=1" }, { query: { a: "1" } });
    expect(q.url.search).toBe("?a=1&api_key=k%26y%3D1");
    expect(q.headers.has("authorization")).toBe(false);
    const c = await authed([["cookieKey"]], { headers: { cookie: "theme=dark" } });
    expect(c.headers.get("cookie")).toBe(`theme=dark; session=${SECRET}`);
  });

  it("sends a query key once when a next page's URL already carries it (a server echoing it in its links)", async () => {
    const call = await authed([["queryKey"]], {}, { url: `${BASE}/things?page=2&api_key=${SECRET}` });
    expect(call.url.searchParams.getAll("api_key")).toEqual([SECRET]);
    expect(call.url.search).toBe(`?page=2&api_key=${SECRET}`);
  });

  it("uses the first alternative whose schemes all exist", async () => {
    const call = await authed([["unknown"], ["unknown", "bearer"], ["headerKey", "queryKey"], ["bearer"]]);
    expect(call.headers.get("x-api-key")).toBe(SECRET);
    expect(call.url.searchParams.get("api_key")).toBe(SECRET);
    expect(call.headers.has("authorization")).toBe(false);
  });

  it("sends no credentials for security: [] or without a key", async () => {
    const call = await authed([]);
    expect(call.headers.has("authorization")).toBe(false);
    expect([...call.url.searchParams.keys()]).toEqual([]);
    const fake = fakeFetch(json({}));
    const anonymous = configureClient({ fetch: fake.fetch }, defaults);
    await request(anonymous, op({ security: [["bearer"]] }));
    expect(first(fake.calls).headers.has("authorization")).toBe(false);
  });

  it("falls back to the env var only when apiKey is undefined", async () => {
    const name = "RUNTIME_TEST_API_KEY";
    const previous = process.env[name];
    process.env[name] = "from-env";
    try {
      const fake = fakeFetch(json({}));
      const withEnv = { ...defaults, apiKeyEnvVar: name };
      await request(configureClient({ fetch: fake.fetch }, withEnv), op({ security: [["bearer"]] }));
      await request(configureClient({ fetch: fake.fetch, apiKey: "explicit" }, withEnv), op({ security: [["bearer"]] }));
      expect(fake.calls.map((c) => c.headers.get("authorization"))).toEqual(["Bearer from-env", "Bearer explicit"]);
    } finally {
      if (previous === undefined) delete process.env[name];
      else process.env[name] = previous;
    }
  });

  it("never sends credentials to another origin", async () => {
    // A malformed template turns the base URL's host into userinfo: the request goes to evil.test.
    const { client, calls } = setup({ baseUrl: "https://api.example.test" });
    await request(client, op({ path: "@evil.test/steal", security: [["bearer"], ["queryKey"]] }));
    const call = first(calls);
    expect(call.url.host).toBe("evil.test");
    expect(call.headers.has("authorization")).toBe(false);
    expect(call.url.href).not.toContain(SECRET);
  });

  it("does not expose the key on the client object", () => {
    const { client } = setup();
    expect(JSON.stringify(client)).not.toContain(SECRET);
    expect(Object.isFrozen(client)).toBe(true);
  });
});

describe("headers", () => {
  it("merges client < operation < per-call headers, with auth last", async () => {
    const { client, calls } = setup({ headers: { "x-a": "client", "x-b": "client", "x-c": "client" } });
    await request(
      client,
      op({ security: [["bearer"]], headers: { "x-b": "op", "x-c": "op", "x-n": 7, "x-skip": undefined }, body: { n: 1 } }),
      { headers: { "x-c": "call", authorization: "Bearer override" } },
    );
    const h = first(calls).headers;
    expect([h.get("x-a"), h.get("x-b"), h.get("x-c"), h.get("x-n")]).toEqual(["client", "op", "call", "7"]);
    expect(h.has("x-skip")).toBe(false);
    expect(h.get("authorization")).toBe(`Bearer ${SECRET}`);
    expect(h.get("accept")).toBe("application/json");
    expect(h.get("content-type")).toBe("application/json");
  });

  it("omits content-type without a body and lets callers override accept", async () => {
    const { client, calls } = setup({ headers: { accept: "text/plain" } });
    await request(client, op());
    expect(first(calls).headers.get("accept")).toBe("text/plain");
    expect(first(calls).headers.has("content-type")).toBe(false);
    expect(first(calls).body).toBeNull();
  });

  it.each(["\r", "\n", "\r\n"])("rejects %j in any header value before sending", async (bad) => {
    const value = `a${bad}X-Injected: 1`;
    const { client, calls } = setup({ headers: { "x-client": value } });
    await expect(request(client, op())).rejects.toThrow(TypeError);
    const clean = setup();
    await expect(request(clean.client, op({ headers: { "x-op": value } }))).rejects.toThrow(TypeError);
    await expect(request(clean.client, op(), { headers: { "x-call": value } })).rejects.toThrow(TypeError);
    expect(calls.length + clean.calls.length).toBe(0);
  });

  it("rejects a key containing CR/LF without echoing it", async () => {
    const { client, calls } = setup({ apiKey: `${SECRET}\r\nX-Evil: 1` });
    const error = await rejection(request(client, op({ security: [["headerKey"]] })));
    expect(error).toBeInstanceOf(TypeError);
    expect(String(error)).not.toContain(SECRET);
    expect(calls).toHaveLength(0);
  });
});

describe("responses", () => {
  it("parses JSON (also when mislabelled) and empty bodies where the operation allows them", async () => {
    const { client } = setup(
      {},
      json({ a: [1] }),
      new Response('{"p":1}', { headers: { "content-type": "application/problem+json; charset=utf-8" } }),
      new Response('{"labelled":"text"}', { headers: { "content-type": "text/plain" } }),
      new Response(null, { status: 204 }),
      new Response("", { headers: { "content-type": "application/json" } }),
    );
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await request<unknown>(client, op({ mayBeEmpty: i === 4 })));
    expect(results).toEqual([{ a: [1] }, { p: 1 }, { labelled: "text" }, undefined, undefined]);
  });

  // A JSON operation answered with something else must not hand back text typed as the declared object.
  it.each([
    ["text/event-stream", 'data: {"delta":"Hi"}\n\ndata: [DONE]\n\n', 'GET /things answered 200 with content-type "text/event-stream", expected JSON'],
    ["text/html; charset=utf-8", "<html>maintenance</html>", 'GET /things answered 200 with content-type "text/html", expected JSON'],
    ["application/json", "{", 'GET /things answered 200 with content-type "application/json", expected JSON'],
  ])("rejects a %s success body that is not JSON with DecodeError", async (type, body, message) => {
    const { client, calls } = setup({}, new Response(body, { headers: { "content-type": type } }));
    const error = await rejection(request(client, op()));
    expect(error).toBeInstanceOf(DecodeError);
    expect((error as DecodeError).message).toBe(message);
    expect((error as DecodeError).cause).toBeInstanceOf(SyntaxError);
    expect(calls).toHaveLength(1); // not retried
  });

  it("throws ApiError with status, parsed body and headers, without leaking the key", async () => {
    const { client } = setup({}, json({ error: "nope" }, 404, { "x-request-id": "r1" }));
    const operation = op({ path: "/endpoints/{endpointId}", pathParams: { endpointId: "e1" }, security: [["queryKey"]] });
    const error = await rejection(request(client, operation));
    if (!(error instanceof ApiError)) throw new Error("expected ApiError");
    expect(error.name).toBe("ApiError");
    expect(error.message).toBe("GET /endpoints/{endpointId} failed with status 404");
    expect(error.status).toBe(404);
    expect(error.body).toEqual({ error: "nope" });
    expect(error.headers.get("x-request-id")).toBe("r1");
    for (const text of [error.message, String(error), error.stack ?? "", JSON.stringify(error)]) {
      expect(text).not.toContain(SECRET);
    }
  });

  it("keeps a malformed JSON error body as text", async () => {
    const { client } = setup({}, new Response("<html>oops", { status: 400, headers: { "content-type": "application/json" } }));
    const error = await rejection(request(client, op()));
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).body).toBe("<html>oops");
  });

});

describe("retries", () => {
  const unavailable = (headers: Record<string, string> = { "retry-after-ms": "0" }) => json({ busy: true }, 503, headers);

  it("retries a 503 and re-sends the body", async () => {
    const { client, calls } = setup({}, unavailable(), json({ done: true }));
    await expect(request(client, op({ method: "post", body: { x: 1 } }))).resolves.toEqual({ done: true });
    expect(calls.map((c) => [c.method, c.body])).toEqual([
      ["POST", '{"x":1}'],
      ["POST", '{"x":1}'],
    ]);
  });

  it.each([408, 409, 429, 500, 599])("retries status %i", async (status) => {
    const { client, calls } = setup({}, json({}, status, { "retry-after-ms": "0" }), json("ok"));
    await expect(request(client, op())).resolves.toBe("ok");
    expect(calls).toHaveLength(2);
  });

  it("does not retry a 400", async () => {
    const { client, calls } = setup({}, json({ bad: true }, 400, { "retry-after-ms": "0" }), json("ok"));
    await expect(request(client, op())).rejects.toBeInstanceOf(ApiError);
    expect(calls).toHaveLength(1);
  });

  it("respects maxRetries from the client and per call", async () => {
    const a = setup({}, unavailable());
    await expect(request(a.client, op())).rejects.toMatchObject({ status: 503 });
    expect(a.calls).toHaveLength(3); // default maxRetries 2
    const b = setup({ maxRetries: 4 }, unavailable());
    await expect(request(b.client, op())).rejects.toBeInstanceOf(ApiError);
    expect(b.calls).toHaveLength(5);
    await expect(request(b.client, op(), { maxRetries: 0 })).rejects.toBeInstanceOf(ApiError);
    expect(b.calls).toHaveLength(6);
  });

  it("honours Retry-After in seconds", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    try {
      const { client, calls } = setup({}, unavailable({ "retry-after": "2" }), json("ok"));
      const result = request(client, op());
      await vi.advanceTimersByTimeAsync(1999);
      expect(calls).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(1);
      expect(calls).toHaveLength(2);
      await expect(result).resolves.toBe("ok");
    } finally {
      vi.useRealTimers();
    }
  });

  it("honours a Retry-After HTTP date and ignores hints above 60 s", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const random = vi.spyOn(Math, "random").mockReturnValue(0);
    try {
      const date = new Date(Date.now() + 3000).toUTCString(); // second precision: 2-3 s away
      const dated = setup({}, unavailable({ "retry-after": date }), json("ok"));
      const first = request(dated.client, op());
      await vi.advanceTimersByTimeAsync(1000);
      expect(dated.calls).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(2100);
      expect(dated.calls).toHaveLength(2);
      await expect(first).resolves.toBe("ok");

      // 120 s is over the cap: fall back to backoff, 500 ms * 0.75 with Math.random() = 0.
      const capped = setup({}, unavailable({ "retry-after": "120" }), json("ok"));
      const second = request(capped.client, op());
      await vi.advanceTimersByTimeAsync(374);
      expect(capped.calls).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(1);
      expect(capped.calls).toHaveLength(2);
      await expect(second).resolves.toBe("ok");
    } finally {
      random.mockRestore();
      vi.useRealTimers();
    }
  });

  it("backs off exponentially on connection errors", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const random = vi.spyOn(Math, "random").mockReturnValue(0); // jitter 0.75: waits of 375 ms, then 750 ms
    try {
      const failure = new TypeError("fetch failed");
      const { client, calls } = setup({}, failure, failure, json("ok"));
      const result = request(client, op());
      await vi.advanceTimersByTimeAsync(374);
      expect(calls).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(1);
      expect(calls).toHaveLength(2);
      await vi.advanceTimersByTimeAsync(749);
      expect(calls).toHaveLength(2);
      await vi.advanceTimersByTimeAsync(1);
      await expect(result).resolves.toBe("ok");
      expect(calls).toHaveLength(3);
    } finally {
      random.mockRestore();
      vi.useRealTimers();
    }
  });

  it("wraps exhausted connection errors in ConnectionError with the cause", async () => {
    const failure = new TypeError(`fetch failed for https://x/?api_key=${SECRET}`);
    const { client, calls } = setup({ maxRetries: 0 }, failure);
    const error = await rejection(request(client, op({ security: [["queryKey"]] })));
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ConnectionError).cause).toBe(failure);
    expect(String(error)).toBe("ConnectionError: GET /things failed: connection error");
    expect(JSON.stringify(error)).not.toContain(SECRET);
    expect(calls).toHaveLength(1);
  });
});

describe("timeouts and cancellation", () => {
  it("throws TimeoutError when an attempt takes too long", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    try {
      const { client, calls } = setup({ timeoutMs: 20, maxRetries: 0 }, hang);
      let settled = false;
      const pending = rejection(request(client, op({ security: [["bearer"]] }))).finally(() => (settled = true));
      // The attempt's own 20 ms timer is what ends it: not a moment before, and nothing else.
      await vi.advanceTimersByTimeAsync(19);
      expect(first(calls).signal?.aborted).toBe(false);
      expect(settled).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect(settled).toBe(true);
      const error = await pending;
      expect(error).toBeInstanceOf(TimeoutError);
      expect(String(error)).toBe("TimeoutError: GET /things timed out after 20 ms");
      expect(String(error)).not.toContain(SECRET);
      expect(first(calls).signal?.aborted).toBe(true);
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it("retries after a timeout and lets per-call timeoutMs win", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    try {
      const { client, calls } = setup({ timeoutMs: 60_000 }, hang, json("ok"));
      const result = request(client, op(), { timeoutMs: 50 });
      await vi.advanceTimersByTimeAsync(49);
      expect(first(calls).signal?.aborted).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect(first(calls).signal?.aborted).toBe(true);
      await vi.advanceTimersByTimeAsync(500); // backoff is at most 500 ms before the first retry
      await expect(result).resolves.toBe("ok");
      expect(calls).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it("throws AbortError when the caller aborts, without retrying", async () => {
    const { client, calls } = setup({ maxRetries: 2 }, hang);
    const controller = new AbortController();
    const pending = rejection(request(client, op(), { signal: controller.signal }));
    await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort(new Error("user cancelled"));
    const error = await pending;
    expect(error).toBeInstanceOf(AbortError);
    expect((error as AbortError).cause).toEqual(new Error("user cancelled"));
    expect(calls).toHaveLength(1);
    expect(first(calls).signal?.aborted).toBe(true);
  });

  it("does not send when the signal is already aborted", async () => {
    const { client, calls } = setup();
    await expect(request(client, op(), { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(AbortError);
    expect(calls).toHaveLength(0);
  });

  it("aborts a pending retry wait", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    try {
      const { client, calls } = setup({}, json({}, 503, { "retry-after": "30" }));
      const controller = new AbortController();
      let settled = false;
      const pending = rejection(request(client, op(), { signal: controller.signal })).finally(() => (settled = true));
      await vi.advanceTimersByTimeAsync(1000);
      expect(calls).toHaveLength(1);
      expect(vi.getTimerCount()).toBe(1); // the 30 s wait the 503 asked for
      expect(settled).toBe(false);
      // With the clock stopped, only the abort itself can end the wait.
      controller.abort();
      await vi.advanceTimersByTimeAsync(0);
      expect(settled).toBe(true);
      expect(await pending).toBeInstanceOf(AbortError);
      expect(vi.getTimerCount()).toBe(0);
      expect(calls).toHaveLength(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it("removes its listeners from the caller's signal", async () => {
    const { client } = setup({}, json({}, 503, { "retry-after-ms": "0" }), json("ok"));
    const signal = new AbortController().signal;
    const add = vi.spyOn(signal, "addEventListener");
    const remove = vi.spyOn(signal, "removeEventListener");
    await request(client, op(), { signal });
    expect(add.mock.calls.length).toBeGreaterThanOrEqual(3); // two attempts and one wait
    expect(remove.mock.calls.length).toBe(add.mock.calls.length);
  });
});

describe("against a real HTTP server", () => {
  let server: Server;
  let baseUrl = "";
  const seen: { method: string; url: string; headers: Record<string, unknown>; body: string }[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url?.startsWith("/v1/drop")) {
        req.socket.destroy();
        return;
      }
      let body = "";
      req.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
      req.on("end", () => {
        seen.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body });
        res.writeHead(201, { "content-type": "application/json" });
        res.end(JSON.stringify({ received: JSON.parse(body || "null") as unknown }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it("round-trips a JSON request with the global fetch", async () => {
    const client = configureClient({ baseUrl, apiKey: SECRET }, defaults);
    const result = await request(
      client,
      op({ method: "POST", path: "/items/{id}:run", pathParams: { id: "a/b" }, query: { n: [1, 2] }, body: { hi: "☕" }, security: [["bearer"]] }),
    );
    expect(result).toEqual({ received: { hi: "☕" } });
    expect(seen).toHaveLength(1);
    const req = seen[0];
    expect(req?.method).toBe("POST");
    expect(req?.url).toBe("/v1/items/a%2Fb:run?n=1&n=2");
    expect(req?.headers["authorization"]).toBe(`Bearer ${SECRET}`);
    expect(req?.headers["content-type"]).toBe("application/json");
  });

  it("turns a dropped connection into ConnectionError", async () => {
    const client = configureClient({ baseUrl, apiKey: SECRET, maxRetries: 0 }, defaults);
    const error = await rejection(request(client, op({ path: "/drop", security: [["queryKey"]] })));
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ConnectionError).cause).toBeInstanceOf(Error);
    expect(String(error)).not.toContain(SECRET);
  });
});
