// A request that cannot be made is the caller's problem, not the network's: RequestError, never retried.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ConnectionError, RequestError, configureClient, request, type OperationRequest } from "../../templates/runtime.js";
import { rejection, startServer } from "./helpers.js";

const SECRET = "sk-test-SECRET-1234";
const get: OperationRequest = { method: "GET", path: "/things", security: [["queryKey"]] };
const queryKey = { queryKey: { type: "apiKey", in: "query", name: "api_key" } } as const;

/** A client whose fetch throws `failure` every time, counting the attempts. */
function failingClient(failure: unknown) {
  const attempts = { count: 0 };
  const fetch = (async () => {
    attempts.count++;
    throw failure;
  }) as typeof globalThis.fetch;
  const client = configureClient({ apiKey: SECRET, fetch, maxRetries: 2 }, { baseUrl: "https://api.example.test", securitySchemes: queryKey });
  return { client, attempts };
}

describe("errors of the request itself", () => {
  it("reports a custom fetch's own TypeError as RequestError, once, keeping its message", async () => {
    const failure = new TypeError("signRequest is not a function");
    const { client, attempts } = failingClient(failure);
    const error = await rejection(request(client, get));
    expect(error).toBeInstanceOf(RequestError);
    expect(error).toBeInstanceOf(TypeError);
    expect(String(error)).toBe("RequestError: GET /things could not be sent: TypeError: signRequest is not a function");
    expect((error as RequestError).cause).toBe(failure);
    expect(attempts.count).toBe(1);
  });

  it("masks the API key when the cause quotes the URL", async () => {
    const { client } = failingClient(new TypeError(`cannot sign https://api.example.test/things?api_key=${SECRET}`));
    const error = await rejection(request(client, get));
    expect(String(error)).toBe("RequestError: GET /things could not be sent: TypeError: cannot sign https://api.example.test/things?api_key=REDACTED");
  });

  it("reports a header value fetch cannot send as RequestError before any attempt", async () => {
    const { client, attempts } = failingClient(new Error("never called"));
    const error = await rejection(request(client, get, { headers: { "x-note": "snow ☃" } }));
    expect(error).toBeInstanceOf(RequestError);
    expect((error as Error).message).toMatch(/^GET \/things could not be sent: TypeError: .*ByteString/);
    expect(attempts.count).toBe(0);
  });

  it.each([
    ["undici", Object.assign(new TypeError("fetch failed"), { cause: new Error("connect ECONNREFUSED 127.0.0.1:1") })],
    ["Chrome", new TypeError("Failed to fetch")],
    ["Firefox", new TypeError("NetworkError when attempting to fetch resource.")],
    ["Safari", new TypeError("Load failed")],
    ["Deno", new TypeError("error sending request for url (https://api.example.test/things)")],
    ["a non-TypeError", new Error("socket hang up")],
  ])("still treats a network failure (%s) as ConnectionError and retries it", async (_runtime, failure) => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    try {
      const { client, attempts } = failingClient(failure);
      const pending = rejection(request(client, get, { maxRetries: 1 }));
      await vi.runAllTimersAsync(); // the backoff before the retry
      const error = await pending;
      expect(error).toBeInstanceOf(ConnectionError);
      expect(attempts.count).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("against a real server with the platform's fetch", () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let received = 0;
  beforeAll(async () => {
    server = await startServer((_req, res) => {
      received++;
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  afterAll(() => server.close());

  it("reports a GET with a body as RequestError, sends nothing and does not retry", async () => {
    const client = configureClient({ baseUrl: server.baseUrl, maxRetries: 2 }, { baseUrl: server.baseUrl, securitySchemes: {} });
    const error = await rejection(request(client, { method: "GET", path: "/fine-tunes/{id}/metrics", pathParams: { id: "ft-1" }, body: {}, security: [] }));
    expect(error).toBeInstanceOf(RequestError);
    expect((error as Error).message).toBe("GET /fine-tunes/{id}/metrics could not be sent: TypeError: Request with GET/HEAD method cannot have body.");
    expect(received).toBe(0);
  });

  it("still reports a refused connection as ConnectionError", async () => {
    const closed = await startServer(() => {});
    await closed.close();
    const client = configureClient({ baseUrl: closed.baseUrl, maxRetries: 0 }, { baseUrl: closed.baseUrl, securitySchemes: {} });
    expect(await rejection(request(client, { method: "GET", path: "/x", security: [] }))).toBeInstanceOf(ConnectionError);
  });
});
