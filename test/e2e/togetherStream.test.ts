// Together's real spec (test/fixtures/vendor/together/openapi.yaml) describes each server-sent event,
// not its payload: `ChatCompletionStream: oneOf: [ChatCompletionEvent { data: ChatCompletionChunk },
// StreamSentinel { data: "[DONE]" }]`. The full client generated from it must type the README's
// streaming example (`event.data.choices[0]?.delta.content`) and, run against a local SSE server,
// yield the chunks as `event.data` and never the sentinel.
import { execFile } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, expect, it } from "vitest";
import { generate } from "../../generator/generate.js";
import { startServer } from "../runtime/helpers.js";
import { readmeTsBlocks, togetherFullSpecMarker } from "../readmeExamples.js";
import { scratchDir } from "../scratchDir.js";

const root = path.join(import.meta.dirname, "../..");
const spec = path.join(root, "test/fixtures/vendor/together/openapi.yaml");
// TypeScript 7 by its own path (the 5.x aliases also declare a `tsc` bin).
const tsc = path.join(root, "node_modules/typescript/bin/tsc");

/** The full client in `<dir>/together/`, as the README's `--out src/together` would write it. */
async function writeTogetherClient(dir: string): Promise<string> {
  const api = await generate(spec, { apiKeyEnvVar: "TOGETHER_API_KEY" });
  const out = path.join(dir, "together");
  await mkdir(out, { recursive: true });
  await Promise.all(api.files.map((file) => writeFile(path.join(out, file.path), file.text)));
  return out;
}

async function typeCheck(dir: string): Promise<string> {
  const tsconfig = {
    extends: path.join(root, "tsconfig.json"),
    compilerOptions: { typeRoots: [path.join(root, "node_modules/@types")] },
    include: ["**/*.ts"],
    exclude: [],
  };
  await writeFile(path.join(dir, "tsconfig.json"), JSON.stringify(tsconfig));
  await writeFile(path.join(dir, "package.json"), JSON.stringify({ type: "module" }));
  return promisify(execFile)(tsc, ["-p", "tsconfig.json"], { cwd: dir }).then(
    () => "",
    (error: { stdout?: string }) => error.stdout ?? "tsc failed without output",
  );
}

it("the README's Together streaming example type-checks against the client generated from Together's real spec", async () => {
  const dir = await scratchDir("together-stream");
  await writeTogetherClient(dir);
  const example = readmeTsBlocks().find((block) => block.startsWith(togetherFullSpecMarker));
  expect(example).toContain("event.data.choices[0]?.delta.content");
  await writeFile(path.join(dir, "example.ts"), `export {};\n${example}`);
  // The old, wrong shape must not type-check: `data` is the chunk, not an event holding one.
  await writeFile(
    path.join(dir, "wrongShape.ts"),
    [
      'import { chatCompletionsStream, createClient } from "./together/index.js";',
      "export async function read(body: Parameters<typeof chatCompletionsStream>[1]) {",
      "  for await (const event of await chatCompletionsStream(createClient(), body)) {",
      "    // @ts-expect-error the payload has no `data`",
      "    void event.data.data;",
      '    const done: "[DONE]" extends typeof event.data ? true : false = false;',
      "    void done;",
      "  }",
      "}",
      "",
    ].join("\n"),
  );
  expect(await typeCheck(dir)).toBe("");
}, 60_000);

// Together's wire format: `data: <chunk JSON>` per event, then `data: [DONE]`; anything after it is never read.
const chunk = (content: string) => ({
  id: "chat-1",
  object: "chat.completion.chunk",
  created: 1,
  model: "openai/gpt-oss-20b",
  choices: [{ index: 0, finish_reason: null, delta: { role: "assistant", content } }],
});
const requests: { url: string; accept: string; body: string }[] = [];

let server: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => {
  server = await startServer((req, res) => {
    let body = "";
    req.on("data", (part: Buffer) => (body += part.toString()));
    req.on("end", () => {
      requests.push({ url: req.url ?? "", accept: req.headers.accept ?? "", body });
      res.writeHead(200, { "content-type": "text/event-stream" });
      for (const content of ["Hel", "lo"]) res.write(`data: ${JSON.stringify(chunk(content))}\n\n`);
      res.end(`data: [DONE]\n\ndata: ${JSON.stringify(chunk("after the end"))}\n\n`);
    });
  });
});
afterAll(() => server.close());

interface StreamEvent {
  event: string;
  data: ReturnType<typeof chunk>;
}
interface TogetherClient {
  createClient(options: { baseUrl: string; apiKey: string }): unknown;
  chatCompletionsStream(client: unknown, params: { body: unknown }): Promise<AsyncIterable<StreamEvent>>;
}

it("chatCompletionsStream yields each chunk as event.data and ends at [DONE] without yielding it", async () => {
  const dir = await scratchDir("together-stream-run");
  const out = await writeTogetherClient(dir);
  // The generated TypeScript itself (vitest strips the types); the compile above checks them.
  const together = (await import(path.join(out, "index.ts"))) as TogetherClient;
  const client = together.createClient({ baseUrl: server.baseUrl, apiKey: "tk-test" });
  const body = { model: "openai/gpt-oss-20b", messages: [{ role: "user", content: "Hi" }] };
  const seen: StreamEvent[] = [];
  for await (const event of await together.chatCompletionsStream(client, { body })) seen.push(event);
  expect(seen.map((event) => event.data.choices[0]?.delta.content)).toEqual(["Hel", "lo"]);
  expect(seen.map((event) => event.event)).toEqual(["message", "message"]);
  expect(requests).toHaveLength(1);
  expect(requests[0]).toMatchObject({ url: "/chat/completions", accept: "text/event-stream" });
  expect(JSON.parse(requests[0]!.body)).toEqual({ ...body, stream: true });
}, 60_000);
