// The `events-31` client (event-stream schemas that describe the event: Together's shape, named
// events, a sentinel of the spec's own) against a node:http server sending those events.
import { afterAll, beforeAll, expect, it } from "vitest";
import { chatStream, createClient, listPages, watchRun } from "../fixtures/clients/events-31/index.js";
import { startServer } from "../runtime/helpers.js";

const streams: Record<string, string> = {
  "/chat": 'data: {"text":"Hel"}\n\ndata: {"text":"lo"}\n\ndata: [DONE]\n\ndata: {"text":"after the end"}\n\n',
  // The spec ends this stream with "[END]": "[DONE]" is no sentinel here, and never comes.
  "/runs/run-1/events":
    'event: progress\nid: 1\ndata: {"percent":50}\n\n' +
    'event: done\ndata: {"status":"ok"}\n\n' +
    "data: [END]\n\n" +
    'event: failed\ndata: {"status":"after the end"}\n\n',
  "/pages": 'data: {"data":[{"text":"a"}],"next":"p2"}\n\ndata: [DONE]\n\n',
};

let server: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => {
  server = await startServer((req, res) => {
    req.resume();
    req.on("end", () => res.writeHead(200, { "content-type": "text/event-stream" }).end(streams[req.url ?? ""] ?? ""));
  });
});
afterAll(() => server.close());

const client = () => createClient({ baseUrl: server.baseUrl, maxRetries: 0 });

it("an event-describing schema: each chunk is event.data, and the sentinel ends the stream unseen", async () => {
  const texts: string[] = [];
  for await (const event of await chatStream(client(), { body: { prompt: "Hi" } })) texts.push(event.data.text);
  expect(texts).toEqual(["Hel", "lo"]);
});

it("named events carry their own data, and the spec's own sentinel ends the stream", async () => {
  const seen: unknown[] = [];
  for await (const event of await watchRun(client(), { id: "run-1" })) {
    seen.push(event.event === "progress" ? ["progress", event.data.percent, event.id] : [event.event, event.data.status]);
  }
  expect(seen).toEqual([
    ["progress", 50, "1"],
    ["done", "ok"],
  ]);
});

it("a payload with a `data` field of its own is yielded whole", async () => {
  const pages: unknown[] = [];
  for await (const event of await listPages(client())) pages.push(event.data);
  expect(pages).toEqual([{ data: [{ text: "a" }], next: "p2" }]);
});
