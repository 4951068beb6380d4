import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readConfig } from "../../generator/config/readConfig.js";
import { SpecError } from "../../generator/shared/specError.js";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "config-"));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function read(content: string) {
  const file = path.join(dir, "clientgen.config.json");
  await writeFile(file, content);
  return readConfig(file);
}

describe("clientgen.config.json", () => {
  it("lists APIs with paths relative to the config file", async () => {
    const apis = await read(JSON.stringify({ apis: { acme: { spec: "specs/acme", out: "gen/acme", apiKeyEnvVar: "ACME_KEY", nameLock: "locks/acme.json" } } }));
    expect(apis).toEqual([
      { name: "acme", spec: path.join(dir, "specs/acme"), out: path.join(dir, "gen/acme"), apiKeyEnvVar: "ACME_KEY", nameLock: path.join(dir, "locks/acme.json") },
    ]);
  });

  it("strict: true or false", async () => {
    const apis = await read(JSON.stringify({ apis: { acme: { spec: "s", out: "o", strict: true }, beta: { spec: "s", out: "o" } } }));
    expect(apis?.map((api) => api.strict)).toEqual([true, undefined]);
  });

  it("idempotencyHeader: the header an API's writes send their idempotency key in", async () => {
    const apis = await read(JSON.stringify({ apis: { acme: { spec: "s", out: "o", idempotencyHeader: "Idempotency-Key" }, beta: { spec: "s", out: "o" } } }));
    expect(apis?.map((api) => api.idempotencyHeader)).toEqual(["Idempotency-Key", undefined]);
  });

  it("pagination: a scheme or off, per operation", async () => {
    const pagination = { "GET /v1/customers": "cursor", "GET /v1/events": "off" };
    const apis = await read(JSON.stringify({ apis: { acme: { spec: "s", out: "o", pagination } } }));
    expect(apis?.[0]?.pagination).toEqual(pagination);
  });

  it("resources: an SDK's api.md (relative to the config), or a map of routes; clientName", async () => {
    const [fromFile] = (await read(JSON.stringify({ apis: { acme: { spec: "s", out: "o", resources: "sdk/api.md", clientName: "Acme" } } })))!;
    expect([fromFile!.resourcesFile, fromFile!.resourceRoutes, fromFile!.clientName]).toEqual([path.join(dir, "sdk/api.md"), undefined, "Acme"]);
    const map = { "chat.completions": { create: "post /chat/completions" }, "": { whoami: "GET /whoami" } };
    const [fromMap] = (await read(JSON.stringify({ apis: { acme: { spec: "s", out: "o", resources: map } } })))!;
    expect(fromMap!.resourceRoutes).toEqual([
      { resource: ["chat", "completions"], method: "create", httpMethod: "POST", path: "/chat/completions", origin: "config", where: "/apis/acme/resources/chat.completions/create" },
      { resource: [], method: "whoami", httpMethod: "GET", path: "/whoami", origin: "config", where: "/apis/acme/resources//whoami" },
    ]);
  });

  it("is optional", async () => {
    expect(await readConfig(path.join(dir, "missing.json"))).toBeUndefined();
  });

  it.each([
    ["{", "", "invalid JSON"],
    ["{}", "/apis", "needs an object listing at least one API"],
    [JSON.stringify({ apis: { acme: "specs/acme" } }), "/apis/acme", "must be an object"],
    [JSON.stringify({ apis: { acme: { out: "x" } } }), "/apis/acme/spec", "must be a non-empty string"],
    [JSON.stringify({ apis: { acme: { spec: "s", out: "o", output: "p" } } }), "/apis/acme/output", "unknown setting"],
    [JSON.stringify({ apis: { acme: { spec: "s", out: "o", apiKeyEnvVar: "A-B" } } }), "/apis/acme/apiKeyEnvVar", "environment variable name"],
    [JSON.stringify({ apis: { "a/b": { spec: "s", out: "o" } } }), "/apis/a~1b", "must be letters"],
    [JSON.stringify({ apis: { acme: { spec: "s", out: "o", strict: "yes" } } }), "/apis/acme/strict", "must be true or false"],
    [JSON.stringify({ apis: { acme: { spec: "s", out: "o", idempotencyHeader: "Idempotency Key" } } }), "/apis/acme/idempotencyHeader", "must be a header name"],
    [JSON.stringify({ apis: { acme: { spec: "s", out: "o", pagination: ["off"] } } }), "/apis/acme/pagination", "must be an object"],
    [JSON.stringify({ apis: { acme: { spec: "s", out: "o", pagination: { "/v1/customers": "off" } } } }), "/apis/acme/pagination/~1v1~1customers", "must name an operation"],
    [
      JSON.stringify({ apis: { acme: { spec: "s", out: "o", pagination: { "GET /v1/customers": "cursors" } } } }),
      "/apis/acme/pagination/GET ~1v1~1customers",
      "must be one of cursor, offset, page, nextUrl, link, off",
    ],
    [JSON.stringify({ apis: { acme: { spec: "s", out: "o", resources: ["a"] } } }), "/apis/acme/resources", "must be the path of an SDK's api.md, or an object"],
    [JSON.stringify({ apis: { acme: { spec: "s", out: "o", resources: { "chat-x": { create: "POST /x" } } } } }), "/apis/acme/resources/chat-x", "names joined by dots"],
    [JSON.stringify({ apis: { acme: { spec: "s", out: "o", resources: { chat: { create: "/x" } } } } }), "/apis/acme/resources/chat/create", 'must be "METHOD /path"'],
    [JSON.stringify({ apis: { acme: { spec: "s", out: "o", clientName: "my client" } } }), "/apis/acme/clientName", "must be a class name"],
  ])("%s -> error at %j", async (content, pointer, message) => {
    const error = await read(content).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SpecError);
    expect((error as SpecError).location.file).toMatch(/clientgen\.config\.json$/);
    expect((error as SpecError).location.pointer ?? "").toBe(pointer);
    expect((error as SpecError).message).toContain(message);
  });
});
