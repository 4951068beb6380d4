import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../generator/generate.js";
import { SpecError } from "../../generator/shared/specError.js";

type JsonObject = Record<string, unknown>;

const events = { "text/event-stream": { itemSchema: { type: "object", required: ["data"], properties: { data: { type: "string" } } } } };
const document = (version: string, extra: JsonObject = {}): JsonObject => ({
  openapi: version,
  info: { title: "Ticks", version: "1" },
  servers: [{ url: "https://ticks.test" }],
  paths: { "/ticks": { get: { operationId: "ticks", responses: { "200": { description: "ticks", content: events } } } } },
  ...extra,
});

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "openapi-32-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function written(name: string, value: JsonObject): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, JSON.stringify(value));
  return file;
}

describe("OpenAPI 3.2 documents", () => {
  it("are read, checked against 3.1's schema with itemSchema set aside: no warning, strict too", async () => {
    const api = await generate(await written("ok.json", document("3.2.0")), { strict: true });
    expect(api.warnings).toEqual([]);
    expect(api.files.find((file) => file.path === "operations.ts")!.text).toContain("AsyncIterable<ServerSentEvent<string>>");
  });

  it("another field 3.1 does not know gets that check's warning, at its place", async () => {
    const api = await generate(await written("self.json", document("3.2.0", { $self: "https://example.com/ticks.json" })), { strict: false });
    expect(api.warnings.map((warning) => `${warning.location.pointer}: ${warning.message}`)).toEqual(['/$self: unknown key "$self" (not part of OpenAPI)']);
  });

  it("the document itself keeps its fields (only the check's copy sets itemSchema aside)", async () => {
    const value = document("3.2.1");
    const api = await generate(await written("kept.json", value), { strict: false });
    expect(api.files.find((file) => file.path === "API.md")!.text).toContain("ServerSentEvent<string>");
    expect((value["paths"] as Record<string, Record<string, Record<string, Record<string, Record<string, JsonObject>>>>>)["/ticks"]!["get"]!["responses"]!["200"]!["content"]).toEqual(events);
  });

  it("a version after 3.2 is refused, naming the field", async () => {
    const error = await generate(await written("v33.json", document("3.3.0")), { strict: false }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SpecError);
    expect((error as SpecError).location.pointer).toBe("/openapi");
    expect((error as SpecError).message).toBe("OpenAPI 3.3.0 is not supported (3.0.x, 3.1.x and 3.2.x are)");
  });
});
