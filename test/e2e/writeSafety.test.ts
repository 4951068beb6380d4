// The generated operations-31 client against a local node:http server (issue 20): a declared Idempotency-Key
// is minted and kept across retries, an empty body is undefined only where the spec allows it, and a
// file in a body that accepts JSON or multipart goes as multipart.
import type { IncomingMessage, ServerResponse } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { createCharge, createClient, createDocument, DecodeError, RequestError } from "../fixtures/clients/operations-31/index.js";
import { rejection, startServer } from "../runtime/helpers.js";

interface Seen {
  headers: IncomingMessage["headers"];
  body: Buffer;
}

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(stops.splice(0).map((stop) => stop()));
});

/** A client on a local server answering each request with the next of `answers` (the last repeats). */
async function clientOn(...answers: ((res: ServerResponse) => void)[]) {
  const seen: Seen[] = [];
  const started = await startServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      seen.push({ headers: req.headers, body: Buffer.concat(chunks) });
      answers[Math.min(seen.length, answers.length) - 1]!(res);
    });
  });
  stops.push(started.close);
  return { client: createClient({ baseUrl: started.baseUrl, apiKey: "sk-write-safety" }), seen };
}

const json = (value: unknown, status = 200) => (res: ServerResponse) =>
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(value));
const empty = (status: number) => (res: ServerResponse) => res.writeHead(status, { "content-type": "application/json" }).end();
const cut = (res: ServerResponse) => {
  res.writeHead(200, { "content-type": "application/json", "content-length": "100" });
  res.write('{"id":"ch_', () => res.destroy());
};

describe("createCharge (declares Idempotency-Key)", () => {
  it("mints a key, sends it again on the retry of a cut answer, and resolves with the retry's answer", async () => {
    const { client, seen } = await clientOn(cut, json({ id: "ch_1" }));
    expect(await createCharge(client, { body: { amount: 5 } })).toEqual({ id: "ch_1" });
    const keys = seen.map((request) => request.headers["idempotency-key"]);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
  });

  it("sends the caller's own key", async () => {
    const { client, seen } = await clientOn(json({ id: "ch_2" }));
    await createCharge(client, { idempotencyKey: "order-77", body: { amount: 5 } });
    expect(seen.map((request) => request.headers["idempotency-key"])).toEqual(["order-77"]);
  });

  it("refuses an empty 200 with DecodeError: its result is a charge", async () => {
    const { client } = await clientOn(empty(200));
    const error = await rejection(createCharge(client, { body: { amount: 5 } }));
    expect(error).toBeInstanceOf(DecodeError);
    expect((error as Error).message).toBe("POST /charges answered 200 with an empty body, expected JSON");
  });
});

describe("createDocument (JSON or multipart; 202 without a body)", () => {
  it("sends a body holding a file as multipart, with the file", async () => {
    const { client, seen } = await clientOn(json({ id: "doc_1" }, 201));
    const file = new File(["%PDF-1.7 bytes"], "report.pdf", { type: "application/pdf" });
    expect(await createDocument(client, { body: { title: "Q3", file } })).toEqual({ id: "doc_1" });
    const [request] = seen;
    expect(request?.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    const form = await new Response(new Uint8Array(request?.body ?? []), { headers: { "content-type": request?.headers["content-type"] ?? "" } }).formData();
    expect(form.get("title")).toBe("Q3");
    const sent = form.get("file") as File;
    expect([sent.name, await sent.text()]).toEqual(["report.pdf", "%PDF-1.7 bytes"]);
  });

  it("sends a body without a file as JSON", async () => {
    const { client, seen } = await clientOn(json({ id: "doc_2" }, 201));
    await createDocument(client, { body: { title: "Q4" } });
    expect(seen.map((request) => [request.headers["content-type"], request.body.toString()])).toEqual([["application/json", '{"title":"Q4"}']]);
  });

  it("refuses a file the caller asked to send as JSON, naming the property, before sending", async () => {
    const { client, seen } = await clientOn(json({ id: "doc_3" }, 201));
    const body = { title: "Q1", file: new Blob(["x"]) };
    const error = await rejection(createDocument(client, { body, contentType: "application/json" }));
    expect(error).toBeInstanceOf(RequestError);
    expect((error as Error).message).toBe('POST /documents could not be sent: TypeError: Body property "file" is binary, which JSON cannot carry');
    expect(seen).toHaveLength(0);
  });

  it("resolves undefined for the 202 the spec declares without a body", async () => {
    const { client } = await clientOn(empty(202));
    expect(await createDocument(client, { body: { title: "later" } })).toBeUndefined();
  });
});
