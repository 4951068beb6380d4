// The generated `operations-31` client (parameter styles, body kinds, response kinds, auth alternatives)
// against Prism mocking the spec it was generated from. SSE and NDJSON are covered in streaming.test.ts:
// Prism cannot serialise either (see the last test here).
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import {
  ApiError,
  checkFile,
  createChatCompletion,
  createChatCompletionStream,
  createClient,
  downloadFile,
  replaceFileContent,
  saveNote,
  search,
  submitForm,
  tailLogs,
  uploadFile,
  type CheckFileError,
  type Completion,
  type SearchParams,
  type SearchResult,
  type UploadFileResponse,
} from "../fixtures/clients/operations-31/index.js";
import { configureClient, withResponse } from "../fixtures/clients/operations-31/runtime.js";
import { loadApi } from "../../generator/load/loadApi.js";
import { recordingFetch, startPrism, type MockServer } from "./prismServer.js";

const specFile = path.join(import.meta.dirname, "../fixtures/specs/operations-31.yaml");
const KEY = "sk-ops-SECRET-4d2c";

let server: MockServer;

beforeAll(async () => {
  server = await startPrism((await loadApi(specFile)).bundled);
});

afterAll(() => server?.stop());

afterEach(() => {
  vi.unstubAllEnvs();
});

type Recorder = ReturnType<typeof recordingFetch>;
type Call = Recorder["calls"][number];

/** A client on Prism (the spec's server has variables, so baseUrl is always given) that records the wire. */
function recorded(apiKey: string | null = KEY): { client: ReturnType<typeof createClient>; calls: Call[] } {
  const recorder = recordingFetch();
  const client = createClient({ baseUrl: server.baseUrl, apiKey: apiKey ?? undefined, fetch: recorder.fetch, maxRetries: 0 });
  return { client, calls: recorder.calls };
}

function only(calls: Call[]): Call {
  expect(calls).toHaveLength(1);
  return calls[0]!;
}

function sentHeaders(call: Call): Headers {
  return new Headers(call.init?.headers);
}

/** Prism took the request as valid: a 2xx (it answers 422 otherwise) and no request violation reported. */
function expectAccepted(call: Call, status: number): void {
  expect(call.response.status).toBe(status);
  const violations = JSON.parse(call.response.headers.get("sl-violations") ?? "[]") as { location: string[] }[];
  expect(violations.filter((violation) => violation.location[0] !== "response")).toEqual([]);
}

function expectKeyHidden(error: unknown): void {
  expect(error).toBeInstanceOf(Error);
  expect((error as Error).message).not.toContain(KEY);
  expect(String(error)).not.toContain(KEY);
  expect(JSON.stringify(error)).not.toContain(KEY);
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    (value) => {
      throw new Error(`expected a rejection, got ${JSON.stringify(value)}`);
    },
    (error: unknown) => error,
  );
}

describe("operations-31 client against Prism", () => {
  const searchParams = (): SearchParams => ({
    kind: "docs",
    tags: ["a", "b c"],
    ids: [1, 2],
    words: ["x", "y"],
    flags: ["p", "q"],
    filter: { name: "n m", min: 3 },
    xRequestID: "req-42",
    session: "s 1",
  });

  it("search: every parameter style reaches Prism as a valid request with the typed result", async () => {
    const { client, calls } = recorded();
    const result: SearchResult = await search(client, searchParams());

    expect(result).toEqual(["string"]); // Prism's generated value for an array of strings
    const call = only(calls);
    expectAccepted(call, 200);
    const url = new URL(call.url);
    expect(url.origin + url.pathname).toBe(`${server.baseUrl}/search/docs`);
    // The values as a server decodes them, in order: tags explode into repeated keys.
    expect([...url.searchParams]).toEqual([
      ["tags", "a"],
      ["tags", "b c"],
      ["ids", "1,2"],
      ["words", "x y"],
      ["flags", "p|q"],
      ["filter[name]", "n m"],
      ["filter[min]", "3"],
    ]);
    expect(url.search).toMatch(/^\?tags=a&tags=b(\+|%20)c&/);
    const headers = sentHeaders(call);
    expect(headers.get("x-request-id")).toBe("req-42");
    expect(headers.get("cookie")).toBe("session=s%201");
    expect(headers.get("authorization")).toBe(`Bearer ${KEY}`);
    expect(headers.get("accept")).toBe("application/json");
    expect(url.searchParams.has("api_key")).toBe(false);
  });

  // OpenAPI's style table: items encoded one by one, delimiters literal (a percent-encoded
  // delimiter would be data, so "a,b" could not be told from two items).
  it("search: the query spells form/space/pipe delimiters as OpenAPI's style table does", async () => {
    const { client, calls } = recorded();
    await search(client, searchParams());
    expectAccepted(only(calls), 200);
    const query = new URL(calls[0]!.url).search;
    expect(query).toContain("&ids=1,2&");
    expect(query).toContain("&words=x%20y&");
    expect(query).toContain("&flags=p|q&");
  });

  it("submitForm: a form-urlencoded body, 204 -> undefined", async () => {
    const { client, calls } = recorded();
    const result: undefined = await submitForm(client, { body: { name: "Ann & Bob" } });

    expect(result).toBeUndefined();
    const call = only(calls);
    expectAccepted(call, 204);
    expect(call.init?.method).toBe("POST");
    expect(call.url).toBe(`${server.baseUrl}/forms`);
    expect(sentHeaders(call).get("content-type")).toBe("application/x-www-form-urlencoded");
    expect(call.init?.body).toBe("name=Ann+%26+Bob");
  });

  it("submitForm: array properties repeat their key; Prism cannot validate that (its limitation, not the client's)", async () => {
    const { client, calls } = recorded();
    const error = await rejection(submitForm(client, { body: { name: "Ann", tags: ["t1", "t2"] } }));

    // form style, explode true is the OpenAPI default for form bodies: one pair per item.
    expect(only(calls).init?.body).toBe("name=Ann&tags=t1&tags=t2");
    // Prism keeps one value per key unless the spec adds an `encoding` entry, so it sees a string.
    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError<number, { validation: { location: string[]; code: string }[] }>;
    expect(apiError.status).toBe(422);
    expect(apiError.body.validation.map((problem) => [problem.location.join("."), problem.code])).toEqual([["body.tags", "type"]]);
    expectKeyHidden(error);
  });

  it("uploadFile: a multipart body with a File part, 201 -> typed result, and no credentials (security: [])", async () => {
    const { client, calls } = recorded();
    const file = new File(["hello é"], "hello.txt", { type: "text/plain" });
    const stored: UploadFileResponse = await uploadFile(client, { body: { file, purpose: "fine-tune" } });

    expect(stored).toEqual({ id: "string" });
    const call = only(calls);
    expectAccepted(call, 201);
    const headers = sentHeaders(call);
    expect(headers.has("authorization")).toBe(false);
    expect(new URL(call.url).search).toBe("");
    expect(headers.has("content-type")).toBe(false); // fetch sets it, with the boundary
    const form = call.init?.body as FormData;
    const part = form.get("file") as File;
    expect(part.name).toBe("hello.txt");
    expect(await part.text()).toBe("hello é");
    expect(form.get("purpose")).toBe("fine-tune");
  });

  it("uploadFile: a Blob, an array of files, a string and a JSON part go over the wire as separate parts", async () => {
    const { client, calls } = recorded();
    const body = {
      file: new Blob(["raw"], { type: "application/octet-stream" }),
      attachments: [new File(["one"], "one.bin"), new File(["two"], "two.bin")],
      purpose: "fine-tune",
      metadata: { source: "e2e" },
    };
    const error = await rejection(uploadFile(client, { body }));

    const wire = new Response(only(calls).init?.body as FormData);
    expect(wire.headers.get("content-type")).toMatch(/^multipart\/form-data; boundary=/);
    const parsed = await wire.formData();
    expect([...parsed.keys()]).toEqual(["file", "attachments", "attachments", "purpose", "metadata"]);
    expect(await Promise.all(parsed.getAll("attachments").map((item) => (item as File).text()))).toEqual(["one", "two"]);
    expect(parsed.getAll("attachments").map((item) => (item as File).name)).toEqual(["one.bin", "two.bin"]);
    expect(await (parsed.get("file") as File).text()).toBe("raw");
    expect(parsed.get("purpose")).toBe("fine-tune");
    const metadata = parsed.get("metadata") as File; // an object property is a part with its own content type
    expect(metadata.type).toBe("application/json");
    expect(JSON.parse(await metadata.text())).toEqual({ source: "e2e" });
    // Prism keeps the last part of each name as a string: it cannot see the array nor parse the JSON part.
    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError<number, { validation: { location: string[]; code: string }[] }>;
    expect(apiError.status).toBe(422);
    expect(apiError.body.validation.map((problem) => problem.location.join("."))).toEqual(["body.attachments", "body.metadata"]);
  });

  it("downloadFile: an octet-stream response comes back as a Blob", async () => {
    const { client, calls } = recorded();
    const blob: Blob = await downloadFile(client, { id: "file 1" });

    expect(blob).toBeInstanceOf(Blob);
    expect(blob.type).toBe("application/octet-stream");
    expect(await blob.text()).toBe("string"); // Prism's generated value for a binary string
    const call = only(calls);
    expectAccepted(call, 200);
    expect(call.url).toBe(`${server.baseUrl}/files/file%201/content`);
    expect(sentHeaders(call).get("accept")).toBe("*/*");
  });

  it("replaceFileContent: an octet-stream body from a Blob and from a Uint8Array, sent unchanged", async () => {
    const { client, calls } = recorded();
    const blob = new Blob([new Uint8Array([0, 1, 2, 255])]);
    const bytes = new Uint8Array([9, 8, 7]);
    const fromBlob: undefined = await replaceFileContent(client, { id: "f1", body: blob });
    // The runtime's binaryBody accepts typed arrays, but ReplaceFileContentParams.body is typed Blob only.
    const fromBytes: undefined = await replaceFileContent(client, { id: "f1", body: bytes as unknown as Blob });

    expect(fromBlob).toBeUndefined();
    expect(fromBytes).toBeUndefined();
    expect(calls).toHaveLength(2);
    for (const call of calls) {
      expectAccepted(call, 204);
      expect(call.init?.method).toBe("PUT");
      expect(call.url).toBe(`${server.baseUrl}/files/f1/content`);
      expect(sentHeaders(call).get("content-type")).toBe("application/octet-stream");
    }
    expect(calls[0]!.init?.body).toBe(blob);
    expect(calls[1]!.init?.body).toBe(bytes);
    expect([...new Uint8Array(await new Response(calls[1]!.init?.body).arrayBuffer())]).toEqual([9, 8, 7]);
  });

  it("checkFile: HEAD 200 -> undefined; Prefer: code=404 through options.headers -> typed CheckFileError", async () => {
    const { client, calls } = recorded();
    const exists: undefined = await checkFile(client, { id: "f1" });
    expect(exists).toBeUndefined();
    expectAccepted(calls[0]!, 200);
    expect(calls[0]!.init?.method).toBe("HEAD");

    const error = await rejection(checkFile(client, { id: "f1" }, { headers: { Prefer: "code=404" } }));
    expect(error).toBeInstanceOf(ApiError);
    const missing = error as CheckFileError;
    expect(missing.status).toBe(404);
    const body: undefined = missing.body;
    expect(body).toBeUndefined();
    expect(missing.message).toBe("HEAD /files/{id}/content failed with status 404");
    expect(missing.headers).toBeInstanceOf(Headers);
    expect(calls).toHaveLength(2);
    expect(sentHeaders(calls[1]!).get("prefer")).toBe("code=404");
    expect(sentHeaders(calls[1]!).get("authorization")).toBe(`Bearer ${KEY}`);
    expectKeyHidden(error);
  });

  it("saveNote: a JSON body by default and text/plain via contentType, each with a text result", async () => {
    const { client, calls } = recorded();
    const asJson: string = await saveNote(client, { body: { text: "hi" } });
    const asText: string = await saveNote(client, { body: "plain hi", contentType: "text/plain" });

    expect(asJson).toBe("string");
    expect(asText).toBe("string");
    expect(calls).toHaveLength(2);
    const [jsonCall, textCall] = [calls[0]!, calls[1]!];
    for (const call of calls) {
      expectAccepted(call, 200);
      expect(call.response.headers.get("content-type")).toMatch(/^text\/plain/);
      expect(sentHeaders(call).get("accept")).toBe("text/*");
    }
    expect(sentHeaders(jsonCall).get("content-type")).toBe("application/json");
    expect(jsonCall.init?.body).toBe('{"text":"hi"}');
    expect(sentHeaders(textCall).get("content-type")).toBe("text/plain");
    expect(textCall.init?.body).toBe("plain hi");
  });

  it("createChatCompletion: a JSON body and a typed JSON result", async () => {
    const { client, calls } = recorded();
    const completion: Completion = await createChatCompletion(client, { body: { prompt: "Hello" } });

    expect(completion).toEqual({ text: "string" });
    const call = only(calls);
    expectAccepted(call, 200);
    expect(call.init?.body).toBe('{"prompt":"Hello"}');
    const headers = sentHeaders(call);
    expect(headers.get("content-type")).toBe("application/json");
    expect(headers.get("accept")).toBe("application/json");
  });
});

describe("operations-31 auth alternatives ([bearer] or [apiKeyQuery])", () => {
  it("with an apiKey the runtime always picks the first alternative: Authorization: Bearer, never ?api_key", async () => {
    const { client, calls } = recorded();
    await createChatCompletion(client, { body: { prompt: "x" } });
    const call = only(calls);
    expectAccepted(call, 200);
    expect(sentHeaders(call).get("authorization")).toBe(`Bearer ${KEY}`);
    expect(new URL(call.url).searchParams.has("api_key")).toBe(false);
  });

  it("without an apiKey nothing is sent and Prism answers 401", async () => {
    vi.stubEnv("OPERATIONS_31_API_KEY", ""); // createClient would otherwise read it
    const { client, calls } = recorded(null);
    const error = await rejection(createChatCompletion(client, { body: { prompt: "x" } }));
    expect(sentHeaders(only(calls)).has("authorization")).toBe(false);
    expect(new URL(calls[0]!.url).search).toBe("");
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(401);
  });

  it("the apiKeyQuery alternative (a client knowing only that scheme) sends ?api_key and Prism accepts it", async () => {
    // createClient knows both schemes, so only configureClient can make the runtime choose the query key.
    const recorder = recordingFetch();
    const client = configureClient(
      { baseUrl: server.baseUrl, apiKey: KEY, fetch: recorder.fetch, maxRetries: 0 },
      { baseUrl: server.baseUrl, securitySchemes: { apiKeyQuery: { type: "apiKey", in: "query", name: "api_key" } } },
    );
    const { data, response } = await withResponse((options) => createChatCompletion(client, { body: { prompt: "x" } }, options));

    expect(data).toEqual({ text: "string" });
    const call = only(recorder.calls);
    expectAccepted(call, 200);
    expect(new URL(call.url).searchParams.get("api_key")).toBe(KEY);
    expect(sentHeaders(call).has("authorization")).toBe(false);
    expect(response.url).toBe(`${server.baseUrl}/chat/completions?api_key=REDACTED`); // ResponseInfo masks the key

    // uploadFile has `security: []`: no key in the query either.
    await uploadFile(client, { body: { file: new Blob(["x"]) } });
    expect(new URL(recorder.calls[1]!.url).search).toBe("");
  });
});

describe("what Prism cannot mock (covered by streaming.test.ts against a node:http server)", () => {
  it("SSE and NDJSON responses make Prism answer 500", async () => {
    const { client } = recorded();
    const sse = await rejection(createChatCompletionStream(client, { body: { prompt: "x", stream: true } }));
    expect((sse as ApiError<number, { title: string }>).body.title).toBe("Cannot serialise complex objects as text");
    const ndjson = await rejection(tailLogs(client));
    expect((ndjson as ApiError<number, { title: string }>).body.title).toBe("Cannot find serializer for application/x-ndjson");
    expect([(sse as ApiError).status, (ndjson as ApiError).status]).toEqual([500, 500]);
  });
});
