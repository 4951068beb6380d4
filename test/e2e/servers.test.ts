// The generated `servers-31` client against a real node:http server: an operation with a server of
// its own goes there by default, and to the caller's baseUrl when one is given. The spec's document
// server is port 9 of 127.0.0.1, where the test server is not, so a request that went there is seen by no one.
import type { IncomingHttpHeaders } from "node:http";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createClient, createVideo, getUsage, listVideos, RequestError } from "../fixtures/clients/servers-31/index.js";
import { rejection, startServer } from "../runtime/helpers.js";

const KEY = "sk-servers-1";
let server: Awaited<ReturnType<typeof startServer>>;
let port: string;
let seen: { method: string; url: string; headers: IncomingHttpHeaders }[] = [];

beforeAll(async () => {
  server = await startServer((req, res) => {
    seen.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers });
    req.resume();
    req.on("end", () => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ id: "v1", status: "queued" })));
  });
  port = new URL(server.baseUrl).port;
});

afterAll(() => server.close());

beforeEach(() => {
  seen = [];
});

describe("an operation with its own server", () => {
  it("goes to its own server by default (the path item's http://{host}:{port}/v2, port set by the caller)", async () => {
    const client = createClient({ apiKey: KEY, serverVariables: { port }, maxRetries: 0 });
    const video = await createVideo(client, { body: { prompt: "a cat" } });
    expect(video).toEqual({ id: "v1", status: "queued" });
    // The key goes along: this is the server the spec names for the operation.
    expect(seen.map(({ method, url, headers }) => ({ method, url, authorization: headers.authorization }))).toEqual([
      { method: "POST", url: "/v2/videos", authorization: `Bearer ${KEY}` },
    ]);
  });

  it("an operation's own server wins over its path item's (GET /videos names …/v3)", async () => {
    await listVideos(createClient({ apiKey: KEY, serverVariables: { port }, maxRetries: 0 }));
    expect(seen.map(({ url }) => url)).toEqual(["/v3/videos"]);
  });

  it("goes to the caller's baseUrl when one is given (a mock server or proxy), with the key", async () => {
    const client = createClient({ apiKey: KEY, baseUrl: `${server.baseUrl}/proxy`, maxRetries: 0 });
    await createVideo(client, { body: { prompt: "a cat" } });
    await listVideos(client);
    expect(seen.map(({ url, headers }) => [url, headers.authorization])).toEqual([
      ["/proxy/videos", `Bearer ${KEY}`],
      ["/proxy/videos", `Bearer ${KEY}`],
    ]);
  });

  it("without serverVariables it uses the spec's defaults (host 127.0.0.1, port 9)", async () => {
    // A fetch that records where the request went: nothing listens on port 9.
    const urls: string[] = [];
    const recording: typeof fetch = async (input) => {
      urls.push(input instanceof Request ? input.url : String(input));
      return Response.json({ id: "v2", status: "queued" });
    };
    const video = await createVideo(createClient({ apiKey: KEY, fetch: recording, maxRetries: 0 }), { body: { prompt: "a cat" } });
    expect(video).toEqual({ id: "v2", status: "queued" });
    expect(urls).toEqual(["http://127.0.0.1:9/v2/videos"]);
    expect(seen).toEqual([]);
  });

  it("a variable the spec gives no default for must be set (getUsage's {zone})", async () => {
    const error = await rejection(getUsage(createClient({ maxRetries: 0 })));
    expect(error).toBeInstanceOf(RequestError);
    expect((error as Error).message).toContain('Missing server variable "zone"');
  });
});
