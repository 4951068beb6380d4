// The `streaming-31` client (the shapes of Together's full spec: stream switches, a GET declaring a
// body, WebSocket operations) against a node:http server that behaves like Together. Prism cannot
// serve event streams, so this server is our own.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DecodeError,
  audioSpeechStream,
  chatCompletions,
  chatCompletionsStream,
  completionsStream,
  createClient,
  getFineTuneMetrics,
  realtimeTtsUrl,
  realtimeUrl,
  type ChatCompletionsParams,
} from "../fixtures/clients/streaming-31/index.js";
import { startServer } from "../runtime/helpers.js";

type Seen = { method: string; url: string; body: string };
const seen: Seen[] = [];
let server: Awaited<ReturnType<typeof startServer>>;

const sse = (...events: unknown[]) => events.map((event) => `data: ${JSON.stringify(event)}\n\n`).join("") + "data: [DONE]\n\n";

beforeAll(async () => {
  server = await startServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    req.on("end", () => {
      seen.push({ method: req.method ?? "", url: req.url ?? "", body });
      const parsed = body === "" ? {} : (JSON.parse(body) as { stream?: boolean; raw_output?: boolean });
      if (req.url === "/fine-tunes/ft-1/metrics") return res.writeHead(200, { "content-type": "application/json" }).end('{"loss":0.25}');
      // Like Together: the switch in the body, not the accept header, decides between JSON and a stream.
      if (parsed.stream === true || parsed.raw_output === true) {
        return res.writeHead(200, { "content-type": "text/event-stream" }).end(sse({ id: "c1", choices: [{ delta: { content: "Hi" } }] }));
      }
      res.writeHead(200, { "content-type": "application/json" }).end('{"id":"c1","choices":[{"message":{"content":"Hello"}}]}');
    });
  });
});
afterAll(() => server.close());

const client = () => createClient({ baseUrl: server.baseUrl, apiKey: "sk-e2e", maxRetries: 0 });
const messages = [{ role: "user" as const, content: "Hi" }];
const last = (): Seen => seen[seen.length - 1]!;

describe("stream switches", () => {
  it("the twin sends stream: true itself and streams", async () => {
    const events = await chatCompletionsStream(client(), { body: { model: "m", messages } });
    const deltas: (string | undefined)[] = [];
    for await (const event of events) deltas.push(event.data.choices[0]?.delta.content);
    expect(deltas).toEqual(["Hi"]);
    expect(JSON.parse(last().body)).toEqual({ model: "m", messages, stream: true });
  });

  it("finds the switch inside allOf and by its description", async () => {
    for await (const _ of await completionsStream(client(), { body: { model: "m", prompt: "p" } })) break;
    expect(JSON.parse(last().body)).toMatchObject({ stream: true });
    for await (const _ of await audioSpeechStream(client(), { body: { model: "m", input: "Hi", voice: "v" } })) break;
    expect(JSON.parse(last().body)).toMatchObject({ raw_output: true });
  });

  it("the plain function returns the JSON document", async () => {
    const completion = await chatCompletions(client(), { body: { model: "m", messages } });
    expect(completion.choices[0]?.message.content).toBe("Hello");
  });

  it("a plain call answered with an event stream (stream: true smuggled past the types) fails with DecodeError", async () => {
    const smuggled = { body: { model: "m", messages, stream: true } } as unknown as ChatCompletionsParams;
    const error = await chatCompletions(client(), smuggled).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DecodeError);
    expect((error as Error).message).toBe('POST /chat/completions answered 200 with content-type "text/event-stream", expected JSON');
  });
});

describe("a GET declaring a body", () => {
  it("is sent without one", async () => {
    await expect(getFineTuneMetrics(client(), { id: "ft-1" })).resolves.toEqual({ loss: 0.25 });
    expect(last()).toEqual({ method: "GET", url: "/fine-tunes/ft-1/metrics", body: "" });
  });
});

describe("WebSocket operations", () => {
  it("give the handshake URL: ws: for http:, query encoded like any call", () => {
    const url = realtimeUrl(client(), { model: "meta/llama 3", inputAudioFormat: "pcm_s16le_16000" });
    expect(url.href).toBe(`${server.baseUrl.replace("http:", "ws:")}/realtime?model=meta%2Fllama%203&input_audio_format=pcm_s16le_16000`);
  });

  it("use wss: for https: and leave out unset parameters", () => {
    const url = realtimeTtsUrl(createClient({ baseUrl: "https://api.together.xyz/v1" }), { model: "cartesia/sonic" });
    expect(url.href).toBe("wss://api.together.xyz/v1/audio/speech/websocket?model=cartesia%2Fsonic");
  });
});
