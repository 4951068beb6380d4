import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import {
  ApiError,
  ConnectionError,
  DecodeError,
  blobResponse,
  configureClient,
  request,
  textResponse,
  withResponse,
  type ClientOptions,
  type OperationRequest,
  type RequestOptions,
  type ResponseInfo,
} from "../../templates/runtime.js";
import { recordingFetch, rejection, type Reply } from "./helpers.js";

const defaults = {
  baseUrl: "https://api.example.test/v1",
  securitySchemes: { queryKey: { type: "apiKey", in: "query", name: "api_key" } } as const,
};

function fakeClient(options: ClientOptions, ...replies: Reply[]) {
  const fake = recordingFetch(...replies);
  return { client: configureClient({ fetch: fake.fetch, ...options }, defaults), requests: fake.requests };
}

const op = (overrides: Partial<OperationRequest> = {}): OperationRequest => ({ method: "GET", path: "/things/{id}", pathParams: { id: "t1" }, security: [], ...overrides });
const json = (value: unknown, status: number, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(value), { status, headers: { "content-type": "application/json", ...headers } });

describe("withResponse and onResponse", () => {
  it("returns the data with status, headers and request id", async () => {
    const { client } = fakeClient({}, json({ id: "t1" }, 201, { "request-id": "req_2", "cf-ray": "ray_3", "x-extra": "e" }));
    const getThing = (options: RequestOptions) => request<{ id: string }>(client, op(), options);
    const { data, response } = await withResponse((options) => getThing(options));
    expect(data).toEqual({ id: "t1" });
    expect(response.status).toBe(201);
    expect(response.headers.get("x-extra")).toBe("e");
    expect(response.requestId).toBe("req_2");
    expect(response.url).toBe("https://api.example.test/v1/things/t1");
  });

  it.each([
    [{ "x-request-id": "a", "request-id": "b", "x-amzn-requestid": "c", "cf-ray": "d" }, "a"],
    [{ "x-amzn-requestid": "c", "cf-ray": "d" }, "c"],
    [{ "cf-ray": "d" }, "d"],
    [{}, undefined],
  ])("picks the request id from %j", async (headers, expected) => {
    const { client } = fakeClient({}, json({}, 200, headers));
    const { response } = await withResponse((options) => request(client, op(), options));
    expect(response.requestId).toBe(expected);
  });

  it("fires onResponse once, for the final response, before an ApiError", async () => {
    const busy = () => json({ busy: true }, 503, { "retry-after-ms": "0", "x-request-id": "busy" });
    const { client, requests } = fakeClient({}, busy(), busy(), json({ error: "gone" }, 404, { "x-amzn-requestid": "amzn-1" }));
    const seen: ResponseInfo[] = [];
    const error = await rejection(request(client, op(), { onResponse: (info) => seen.push(info) }));
    expect(error).toBeInstanceOf(ApiError);
    expect(requests).toHaveLength(3);
    expect(seen.map((info) => [info.status, info.requestId])).toEqual([[404, "amzn-1"]]);
  });

  it("reports the last retryable error once retries run out", async () => {
    const { client } = fakeClient({ maxRetries: 1 }, json({}, 503, { "retry-after-ms": "0" }), json({}, 503, { "retry-after-ms": "0" }));
    const seen: number[] = [];
    await expect(request(client, op(), { onResponse: (info) => seen.push(info.status) })).rejects.toBeInstanceOf(ApiError);
    expect(seen).toEqual([503]);
  });

  it("fires onResponse before a success body fails to parse", async () => {
    const { client } = fakeClient({}, new Response("{", { status: 200, headers: { "content-type": "application/json" } }));
    const seen: number[] = [];
    await expect(request(client, op(), { onResponse: (info) => seen.push(info.status) })).rejects.toThrow(DecodeError);
    expect(seen).toEqual([200]);
  });

  it("does not fire without a response", async () => {
    const { client } = fakeClient({ maxRetries: 0 }, () => Promise.reject(new TypeError("fetch failed")));
    const seen: number[] = [];
    await expect(request(client, op(), { onResponse: (info) => seen.push(info.status) })).rejects.toBeInstanceOf(ConnectionError);
    expect(seen).toEqual([]);
  });

  it("masks an apiKey sent in the query", async () => {
    const { client } = fakeClient({ apiKey: "sk-SECRET" }, json({}, 200));
    const { response } = await withResponse((options) => request(client, op({ query: { a: "1" }, security: [["queryKey"]] }), options));
    expect(response.url).toBe("https://api.example.test/v1/things/t1?a=1&api_key=REDACTED");
  });

  it("complains when the options are not passed on", async () => {
    const { client } = fakeClient({}, json({}, 200));
    await expect(withResponse(() => request(client, op()))).rejects.toThrow(/did not pass its options/);
  });
});

describe("non-streaming decoders", () => {
  it("returns text regardless of the content type", async () => {
    const { client } = fakeClient({}, json({ a: 1 }, 200));
    await expect(request(client, op({ decodeResponse: textResponse }))).resolves.toBe('{"a":1}');
  });

  it("returns a Blob", async () => {
    const { client } = fakeClient({}, new Response(new Uint8Array([0, 255, 7]), { headers: { "content-type": "image/png" } }));
    const blob = await request<Blob>(client, op({ decodeResponse: blobResponse }));
    expect(blob).toBeInstanceOf(Blob);
    expect(blob.type).toBe("image/png");
    expect([...new Uint8Array(await blob.arrayBuffer())]).toEqual([0, 255, 7]);
  });

  it("decodes errors the default way", async () => {
    const { client } = fakeClient({}, json({ error: "nope" }, 400));
    const error = await rejection(request(client, op({ decodeResponse: blobResponse })));
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).body).toEqual({ error: "nope" });
  });
});

describe("bundle size", () => {
  const runtime = fileURLToPath(new URL("../../templates/runtime.ts", import.meta.url));

  /** Bundles an entry that imports `names` from the runtime, with tree-shaking, and returns the code. */
  async function bundle(names: string[]): Promise<string> {
    const result = await build({
      stdin: { contents: `export { ${names.join(", ")} } from ${JSON.stringify(runtime)};`, loader: "ts", resolveDir: process.cwd() },
      bundle: true,
      write: false,
      format: "esm",
      platform: "neutral",
      logLevel: "silent",
    });
    return result.outputFiles.map((file) => file.text).join("");
  }

  // Each marker only appears in the code of one opt-in feature.
  const markers: Record<string, string> = {
    sseResponse: "[DONE]",
    ndjsonResponse: "TextDecoder",
    multipartBody: "FormData",
    formBody: "x-www-form-urlencoded",
    joinDelimited: "function joinDelimited",
    deepObject: "function deepObject",
    withResponse: "did not pass its options",
    blobResponse: ".blob()",
  };

  it("leaves every opt-in feature out of a JSON-only bundle", async () => {
    const code = await bundle(["configureClient", "request"]);
    expect(code).toContain("function request");
    for (const marker of Object.values(markers)) expect(code).not.toContain(marker);
  });

  it.each(Object.entries(markers))("includes %s only when imported", async (name, marker) => {
    expect(await bundle(["request", name])).toContain(marker);
  });
});
