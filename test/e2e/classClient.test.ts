// Issue 22: the resource-style client class of generated fixture clients against a scripted node:http
// server. Each test checks what went over the wire (one request, its URL, headers and body) and
// what the caller gets back (results, raw responses, chunks, items, error classes).
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import Operations, { toFile } from "../fixtures/clients/operations-31/index.js";
import Events from "../fixtures/clients/events-32/index.js";
import Customers from "../fixtures/clients/paging-stripe/index.js";
import Streaming, {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  BadRequestError,
  InternalServerError,
  NotFoundError,
  RateLimitError,
  Streaming as NamedStreaming,
} from "../fixtures/clients/streaming-31/index.js";
import { collect, rejection, startServer } from "../runtime/helpers.js";

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}
type Handler = (req: IncomingMessage, res: ServerResponse, seen: Seen) => void;

let server: Awaited<ReturnType<typeof startServer>>;
let baseURL: string;
let seen: Seen[] = [];
let handler: Handler;

beforeAll(async () => {
  // Every request is recorded with its whole body before the handler answers it.
  server = await startServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const entry = { method: req.method ?? "", url: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString() };
      seen.push(entry);
      handler(req, res, entry);
    });
  });
  baseURL = server.baseUrl;
});

afterAll(() => server.close());

beforeEach(() => {
  seen = [];
  handler = (_req, res) => void res.writeHead(500).end("no handler");
});

const json = (status: number, body: unknown) => (_req: IncomingMessage, res: ServerResponse) =>
  void res.writeHead(status, { "content-type": "application/json", "x-request-id": "req_1" }).end(JSON.stringify(body));

const completion = { id: "cmpl_1", object: "chat.completion", created: 1, model: "m", choices: [] };
const messages = [{ role: "user" as const, content: "hi" }];

describe("the client class", () => {
  it("is the default export of index.ts and a named export, with the error classes as statics", () => {
    expect(Streaming).toBe(NamedStreaming);
    expect(Streaming.NotFoundError).toBe(NotFoundError);
    expect(Streaming.APIError).toBe(APIError);
    expect(new NotFoundError("x", 404, {}, new Headers())).toBeInstanceOf(APIError);
  });

  it("takes the API key from the environment variable createClient reads", async () => {
    process.env["STREAMING_31_API_KEY"] = "sk-env";
    try {
      handler = json(200, completion);
      await new Streaming({ baseURL }).chat.completions.create({ model: "m", messages });
      expect(seen[0]!.headers.authorization).toBe("Bearer sk-env");
    } finally {
      delete process.env["STREAMING_31_API_KEY"];
    }
  });
});

describe("results", () => {
  it("asResponse() gives the raw Response, body unread; awaiting gives the data; withResponse() both; one request", async () => {
    handler = json(200, completion);
    const client = new Streaming({ apiKey: "sk", baseURL });
    const promise = client.chat.completions.create({ model: "m", messages });
    const raw = await promise.asResponse();
    expect(raw).toBeInstanceOf(Response);
    expect(raw.status).toBe(200);
    expect(raw.bodyUsed).toBe(false);
    const data = await promise;
    expect(data).toEqual(completion);
    const both = await promise.withResponse();
    expect(both.data).toBe(data);
    expect(both.response).toBe(raw);
    expect(JSON.parse(await raw.text())).toEqual(completion);
    expect(seen).toHaveLength(1);
  });

  it("asResponse() rejects with the error class when the status is not 2xx", async () => {
    handler = json(400, { error: { message: "bad" } });
    const client = new Streaming({ apiKey: "sk", baseURL });
    const error = await rejection(client.chat.completions.create({ model: "m", messages }).asResponse());
    expect(error).toBeInstanceOf(BadRequestError);
  });
});

describe("errors by status", () => {
  it.each([
    [400, BadRequestError],
    [404, NotFoundError],
    [429, RateLimitError],
    [500, InternalServerError],
    [503, InternalServerError],
  ])("%s -> %s, an APIError whose body is the server's", async (status, Class) => {
    handler = json(status, { error: { message: "nope" } });
    const client = new Streaming({ apiKey: "sk", baseURL, maxRetries: 0 });
    const error = await rejection(client.chat.completions.create({ model: "m", messages }));
    expect(error).toBeInstanceOf(Class);
    expect(error).toBeInstanceOf(APIError);
    expect(error).toMatchObject({ status, body: { error: { message: "nope" } } });
    expect((error as APIError).headers.get("x-request-id")).toBe("req_1");
  });

  it("a dropped connection is an APIConnectionError; the caller's abort an APIUserAbortError", async () => {
    handler = (req) => req.socket.destroy();
    const client = new Streaming({ apiKey: "sk", baseURL, maxRetries: 0 });
    expect(await rejection(client.chat.completions.create({ model: "m", messages }))).toBeInstanceOf(APIConnectionError);
    const aborted = new AbortController();
    aborted.abort();
    expect(await rejection(client.chat.completions.create({ model: "m", messages }, { signal: aborted.signal }))).toBeInstanceOf(APIUserAbortError);
  });
});

describe("stream: true", () => {
  it("resolves to an async iterable of the chunks (each event's data), and sends stream: true", async () => {
    handler = (_req, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.end(`data: {"id":"c1","choices":[]}\n\ndata: {"id":"c2","choices":[]}\n\ndata: [DONE]\n\n`);
    };
    const client = new Streaming({ apiKey: "sk", baseURL });
    const stream = await client.chat.completions.create({ model: "m", messages, stream: true });
    expect((await collect(stream)).map((chunk) => chunk.id)).toEqual(["c1", "c2"]);
    expect(JSON.parse(seen[0]!.body)).toMatchObject({ stream: true, model: "m" });
    expect(seen[0]!.headers.accept).toBe("text/event-stream");
  });

  it("stream: false gives the JSON result", async () => {
    handler = json(200, completion);
    const client = new Streaming({ apiKey: "sk", baseURL });
    expect(await client.chat.completions.create({ model: "m", messages, stream: false })).toEqual(completion);
    expect(JSON.parse(seen[0]!.body)).toMatchObject({ stream: false });
  });

  it("an operation that only streams gives a Stream of its events' data too (OpenAPI 3.2 itemSchema, events-32)", async () => {
    handler = (_req, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.end(`event: delta\ndata: {"text":"Hel"}\n\nevent: usage\ndata: {"tokens":3}\n\ndata: [END]\n\n`);
    };
    const stream = await new Events({ apiKey: "sk", baseURL }).chat.create({ prompt: "hi" });
    expect(await collect(stream)).toEqual([{ text: "Hel" }, { tokens: 3 }]);
    expect(typeof stream.controller.abort).toBe("function");
  });

  it("an operation that only streams JSON lines gives a Stream of the values", async () => {
    handler = (_req, res) => {
      res.writeHead(200, { "content-type": "application/jsonl" });
      res.end(`{"level":"info","message":"up"}\n{"level":"warn","message":"slow"}\n`);
    };
    const stream = await new Events({ apiKey: "sk", baseURL }).logs.list();
    expect((await collect(stream)).map((entry) => entry.level)).toEqual(["info", "warn"]);
  });

  it("the stream's controller stops it: the next read rejects with APIUserAbortError", async () => {
    handler = (_req, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write(`data: {"id":"c1","choices":[]}\n\n`); // and never ends
    };
    const client = new Streaming({ apiKey: "sk", baseURL });
    const stream = await client.chat.completions.create({ model: "m", messages, stream: true });
    const iterator = stream[Symbol.asyncIterator]();
    expect((await iterator.next()).value).toMatchObject({ id: "c1" });
    stream.controller.abort();
    expect(await rejection(iterator.next())).toBeInstanceOf(APIUserAbortError);
  });
});

describe("call conventions", () => {
  it("the last path parameter comes first; query, header and cookie parameters share the flat object", async () => {
    handler = json(200, ["r"]);
    const client = new Operations({ apiKey: "sk", baseURL });
    expect(await client.search.retrieve("docs", { tags: ["a", "b"], "X-Request-ID": "rid-1" })).toEqual(["r"]);
    const url = new URL(seen[0]!.url, baseURL);
    expect(url.pathname).toBe("/search/docs");
    expect(url.searchParams.getAll("tags")).toEqual(["a", "b"]);
    expect(seen[0]!.headers["x-request-id"]).toBe("rid-1");
  });

  it("request options: query adds, path replaces the path, headers join the defaults; defaultQuery on every call", async () => {
    handler = json(200, ["r"]);
    const client = new Operations({ apiKey: "sk", baseURL, defaultHeaders: { "x-team": "t1" }, defaultQuery: { region: "eu" } });
    await client.search.retrieve("docs", {}, { query: { debug: "1" }, headers: { "x-trace": "tr" }, path: "/v9/other" });
    const url = new URL(seen[0]!.url, baseURL);
    expect(url.pathname).toBe("/v9/other");
    expect(Object.fromEntries(url.searchParams)).toEqual({ region: "eu", debug: "1" });
    expect(seen[0]!.headers).toMatchObject({ "x-team": "t1", "x-trace": "tr" });
  });

  it("request options: path is resolved under the spec's base URL, its path included, when no baseURL is given", async () => {
    const urls: string[] = [];
    const recording = async (input: string | URL | Request) => {
      urls.push(String(input instanceof Request ? input.url : input));
      return new Response("[]", { status: 200, headers: { "content-type": "application/json" } });
    };
    const client = new Operations({ apiKey: "sk", fetch: recording as typeof fetch });
    await client.search.retrieve("docs", {}, { path: "/other" });
    expect(urls).toEqual(["https://acme.api.test/v2/other"]);
  });

  it("request options: maxRetries and timeout per call (a hanging server ends in APIConnectionTimeoutError)", async () => {
    handler = json(503, { error: "busy" });
    const client = new Streaming({ apiKey: "sk", baseURL, maxRetries: 0 });
    expect(await rejection(client.chat.completions.create({ model: "m", messages }, { maxRetries: 1 }))).toBeInstanceOf(InternalServerError);
    expect(seen).toHaveLength(2);
    handler = () => {}; // never answers
    const error = await rejection(client.chat.completions.create({ model: "m", messages }, { timeout: 20 }));
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    expect(error).toBeInstanceOf(APIConnectionError);
  });

  it("a multipart body takes bytes, a stream or a list of them where a file goes (made into files named after their key)", async () => {
    handler = json(201, { id: "file_1" });
    const client = new Operations({ apiKey: "sk", baseURL });
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode("from a "));
        controller.enqueue(new TextEncoder().encode("stream"));
        controller.close();
      },
    });
    await client.files.create({ file: new TextEncoder().encode("raw bytes"), attachments: [stream], purpose: "notes" });
    const body = seen[0]!.body;
    expect(seen[0]!.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    expect(body).toMatch(/name="file"; filename="file"\r\n[^]*raw bytes/);
    expect(body).toMatch(/name="attachments"; filename="attachments"\r\n[^]*from a stream/);
    expect(body).toContain('name="purpose"\r\n\r\nnotes');
  });

  it("a body that takes JSON or multipart goes as multipart when bytes stand where a file goes", async () => {
    handler = json(201, { id: "doc_1" });
    const client = new Operations({ apiKey: "sk", baseURL });
    await client.documents.create({ title: "t", file: new Uint8Array([104, 105]) });
    expect(seen[0]!.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
  });

  it("toFile turns bytes into an uploadable file: the multipart body carries its name and type", async () => {
    handler = json(201, { id: "file_1" });
    const client = new Operations({ apiKey: "sk", baseURL });
    const file = await toFile(new TextEncoder().encode("hello"), "hello.txt", { type: "text/plain" });
    await client.files.create({ file, purpose: "notes" });
    expect(seen[0]!.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    expect(seen[0]!.body).toContain('filename="hello.txt"');
    expect(seen[0]!.body).toContain("Content-Type: text/plain");
    expect(seen[0]!.body).toContain("hello");
  });
});

describe("pagination", () => {
  const page = (ids: string[], more: boolean) => ({ object: "list", url: "/v1/customers", has_more: more, data: ids.map((id) => ({ id, object: "customer" })) });

  it("a list method's promise is the first page, async-iterable over every page's items, with withResponse()", async () => {
    handler = (req, res, entry) => {
      const after = new URL(entry.url, baseURL).searchParams.get("starting_after");
      json(200, after === null ? page(["cus_1", "cus_2"], true) : page(["cus_3"], false))(req, res);
    };
    const client = new Customers({ apiKey: "sk", baseURL });
    const first = client.customers.list({ limit: 2 });
    expect((await first.withResponse()).data.data.map((customer) => customer.id)).toEqual(["cus_1", "cus_2"]);
    const ids: string[] = [];
    for await (const customer of client.customers.list({ limit: 2 })) ids.push(customer.id);
    expect(ids).toEqual(["cus_1", "cus_2", "cus_3"]);
    expect(seen.map((entry) => new URL(entry.url, baseURL).searchParams.get("starting_after"))).toEqual([null, null, "cus_2"]);
  });

  it("a page has hasNextPage() and getNextPage(), one request per page, and keeps its data as it came", async () => {
    handler = (req, res, entry) => {
      const after = new URL(entry.url, baseURL).searchParams.get("starting_after");
      json(200, after === null ? page(["cus_1", "cus_2"], true) : page(["cus_3"], false))(req, res);
    };
    const client = new Customers({ apiKey: "sk", baseURL });
    const first = await client.customers.list({ limit: 2, email: "ann@example.com" });
    expect(first).toEqual(page(["cus_1", "cus_2"], true));
    expect(first.hasNextPage()).toBe(true);
    expect(seen).toHaveLength(1);
    const second = await first.getNextPage();
    expect(second.data.map((customer) => customer.id)).toEqual(["cus_3"]);
    expect(second.hasNextPage()).toBe(false);
    await expect(second.getNextPage()).rejects.toThrow(/no next page/);
    expect(seen).toHaveLength(2);
    expect(Object.fromEntries(new URL(seen[1]!.url, baseURL).searchParams)).toEqual({ limit: "2", email: "ann@example.com", starting_after: "cus_2" });
  });
});
