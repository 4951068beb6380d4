// Issue 22: where each operation sits in the client class, from the three sources (config map,
// an SDK's api.md, the default from the path) and the name lock, and how its arguments are split.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { generate } from "../../generator/generate.js";
import type { ResourceMethodModel } from "../../generator/model/apiModel.js";
import { buildApiModel, type ModelOptions } from "../../generator/model/buildApiModel.js";
import { loadApi } from "../../generator/load/loadApi.js";
import { parseNameLock } from "../../generator/naming/nameLock.js";
import type { ResourceRoute } from "../../generator/shared/resourceRoutes.js";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "resources-"));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const ok = { "200": { description: "ok", content: { "application/json": { schema: { type: "object" } } } } };
const idParam = (name: string) => ({ name, in: "path", required: true, schema: { type: "string" } });

function spec(paths: Record<string, unknown>, schemas: Record<string, unknown> = {}) {
  return { openapi: "3.1.0", info: { title: "Acme API", version: "1" }, paths, components: { schemas } };
}

const endpoints = {
  "/endpoints": { get: { operationId: "listEndpoints", responses: ok }, post: { operationId: "createEndpoint", responses: ok } },
  "/endpoints/{id}": {
    parameters: [idParam("id")],
    get: { operationId: "getEndpoint", responses: ok },
    patch: { operationId: "updateEndpoint", responses: ok },
    delete: { operationId: "deleteEndpoint", responses: ok },
  },
  "/endpoints/{id}/restart": { post: { operationId: "restartEndpoint", parameters: [idParam("id")], responses: ok } },
};

async function model(document: object, options: ModelOptions & { resources?: string; lock?: string } = {}) {
  const file = path.join(dir, "acme.json");
  await writeFile(file, JSON.stringify(document));
  const lockFile = path.join(dir, "names.lock.json");
  if (options.lock !== undefined) await writeFile(lockFile, options.lock);
  const api = await loadApi(file, { resources: options.resources, nameLock: { file: lockFile } });
  return buildApiModel(api, options);
}

const places = (methods: readonly ResourceMethodModel[]) => Object.fromEntries(methods.map((method) => [method.key, [...method.resource, method.method].join(".")]));

describe("the default map, from paths", () => {
  it("places every operation by its path and verb, and names the class from the title", async () => {
    const { model: api } = await model(spec(endpoints));
    expect(api.resourceClient.className).toBe("Acme");
    expect(places(api.resourceClient.methods)).toEqual({
      "GET /endpoints": "endpoints.list",
      "POST /endpoints": "endpoints.create",
      "GET /endpoints/{id}": "endpoints.retrieve",
      "PATCH /endpoints/{id}": "endpoints.update",
      "DELETE /endpoints/{id}": "endpoints.delete",
      "POST /endpoints/{id}/restart": "endpoints.restart",
    });
  });

  it("a place taken by an earlier operation goes to the function name", async () => {
    const { model: api } = await model(spec({ "/a/{id}": { get: { operationId: "getA", parameters: [idParam("id")], responses: ok } }, "/a/{id}/": { get: { operationId: "getASlash", parameters: [idParam("id")], responses: ok } } }));
    expect(places(api.resourceClient.methods)).toEqual({ "GET /a/{id}": "a.retrieve", "GET /a/{id}/": "a.getASlash" });
  });
});

describe("a hand-written config map", () => {
  const route = (resource: string, method: string, httpMethod: string, routePath: string): ResourceRoute => ({
    resource: resource === "" ? [] : resource.split("."),
    method,
    httpMethod,
    path: routePath,
    origin: "config",
    where: `/apis/acme/resources/${resource}/${method}`,
  });

  it("wins over the default; parameter names in its paths need not match; operations it leaves out keep their default place", async () => {
    const routes = [route("admin.endpoints", "get", "GET", "/endpoints/{endpointId}"), route("", "restart", "POST", "/endpoints/{x}/restart")];
    const { model: api, warnings } = await model(spec(endpoints), { resourceRoutes: routes });
    expect(places(api.resourceClient.methods)).toMatchObject({ "GET /endpoints/{id}": "admin.endpoints.get", "POST /endpoints/{id}/restart": "restart", "GET /endpoints": "endpoints.list" });
    expect(warnings.filter((warning) => warning.message.includes("resource map"))).toEqual([]);
  });

  it("an entry whose route the spec lacks is a warning naming the entry", async () => {
    const { warnings } = await model(spec(endpoints), { resourceRoutes: [route("models", "list", "GET", "/models")] });
    expect(warnings.map((warning) => `${warning.level ?? "warning"}: ${warning.message}`)).toContain(
      "warning: resource map /apis/acme/resources/models/list: GET /models is not in the spec",
    );
  });
});

describe("an SDK's api.md", () => {
  const apiMd = [
    '- <code title="get /endpoints/{id}">client.endpoints.<a href="./e.ts">fetch</a>(endpointID) -> E</code>',
    '- <code title="post /endpoints/{id}/restart">client.endpoints.<a href="./e.ts">reboot</a>(id) -> E</code>',
    '- <code title="get /models">client.models.<a href="./m.ts">list</a>() -> M</code>',
    '- <code title="get /files">client.files.<a href="./f.ts">list</a>() -> F</code>',
    '- <code title="post /endpoints?beta=true">client.beta.endpoints.<a href="./e.ts">create</a>({ ...params }) -> E</code>',
  ].join("\n");

  it("keeps every name it gives, sends the query of its route, skips routes the spec lacks with one note", async () => {
    await writeFile(path.join(dir, "api.md"), apiMd);
    const { model: api, warnings } = await model(spec(endpoints), { resources: path.join(dir, "api.md") });
    expect(places(api.resourceClient.methods)).toMatchObject({
      "GET /endpoints/{id}": "endpoints.fetch",
      "POST /endpoints/{id}/restart": "endpoints.reboot",
      "POST /endpoints": "beta.endpoints.create",
    });
    expect(api.resourceClient.methods.find((method) => method.key === "POST /endpoints")!.query).toEqual({ beta: "true" });
    const notes = warnings.filter((warning) => warning.message.includes("api.md"));
    expect(notes.map((note) => [note.level, note.message])).toEqual([["note", "2 api.md methods name routes this spec lacks and were skipped (GET /models, GET /files)"]]);
  });

  it("a config map entry wins over the api.md's for the same route", async () => {
    await writeFile(path.join(dir, "api.md"), apiMd);
    const config: ResourceRoute = { resource: ["ops"], method: "reboot", httpMethod: "POST", path: "/endpoints/{id}/restart", origin: "config", where: "x" };
    const { model: api } = await model(spec(endpoints), { resources: path.join(dir, "api.md"), resourceRoutes: [config] });
    expect(places(api.resourceClient.methods)["POST /endpoints/{id}/restart"]).toBe("ops.reboot");
  });
});

describe("the name lock", () => {
  it("keeps every place across a spec version that would place it elsewhere by default, and records new ones", async () => {
    const lockFile = path.join(dir, "names.lock.json");
    const v1 = spec({ "/things/{id}": { get: { operationId: "getThing", parameters: [idParam("id")], responses: ok } } });
    await writeFile(path.join(dir, "acme.json"), JSON.stringify(v1));
    const first = await generate(path.join(dir, "acme.json"), { nameLock: { file: lockFile } });
    expect(parseNameLock(first.nameLock.text).resources).toEqual({ "GET /things/{id}": { resource: "things", method: "retrieve" } });
    await writeFile(lockFile, first.nameLock.text);
    // v2: a new operation wanting the same default place that comes first in path order, and a new list.
    const v2 = spec({
      "/things/{id}": { get: { operationId: "getThing", parameters: [idParam("id")], responses: ok } },
      "/Things/{id}": { get: { operationId: "getUpperThing", parameters: [idParam("id")], responses: ok } },
      "/things": { get: { operationId: "listThings", responses: ok } },
    });
    const { model: api } = await model(v2, { lock: first.nameLock.text });
    expect(places(api.resourceClient.methods)).toEqual({
      "GET /Things/{id}": "things.getUpperThing",
      "GET /things": "things.list",
      "GET /things/{id}": "things.retrieve",
    });
    // Without the lock the newcomer would have taken it.
    await rm(lockFile);
    const { model: fresh } = await model(v2);
    expect(places(fresh.resourceClient.methods)["GET /Things/{id}"]).toBe("things.retrieve");
  });
});

describe("flat params", () => {
  const body = { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/Update" } } } };
  const schemas = { Update: { type: "object", required: ["name"], properties: { name: { type: "string" }, limit: { type: "integer" } } } };

  it("the last path parameter is positional; query and header parameters by their spec names beside the body's properties", async () => {
    const { model: api } = await model(
      spec({
        "/projects/{project_id}/items/{item_id}": {
          patch: {
            operationId: "updateItem",
            parameters: [idParam("project_id"), idParam("item_id"), { name: "dry_run", in: "query", schema: { type: "boolean" } }, { name: "X-Trace", in: "header", schema: { type: "string" } }],
            requestBody: body,
            responses: ok,
          },
        },
      }, schemas),
    );
    const [method] = api.resourceClient.methods;
    expect(method).toMatchObject({
      positional: ["itemId"],
      parameters: [
        { key: "project_id", name: "projectId", required: true },
        { key: "dry_run", name: "dryRun", required: false },
        { key: "X-Trace", name: "xTrace", required: false },
      ],
      body: { name: "body", spread: true, required: true },
      paramsRequired: true,
    });
  });

  it("a parameter named like a body property takes `<in>_<name>` with a warning; x-stainless-param renames it first", async () => {
    const operation = (parameter: object) => ({ post: { operationId: "op", parameters: [parameter], requestBody: body, responses: ok } });
    const clash = await model(spec({ "/a": operation({ name: "limit", in: "query", schema: { type: "integer" } }) }, schemas));
    expect(clash.model.resourceClient.methods[0]!.parameters).toEqual([{ key: "query_limit", name: "limit", required: false }]);
    expect(clash.warnings.map((warning) => warning.message)).toContain('query parameter "limit" shares its name with another input of the flat params object: it is "query_limit" there');
    const renamed = await model(spec({ "/a": operation({ name: "limit", in: "query", "x-stainless-param": "max_items", schema: { type: "integer" } }) }, schemas));
    expect(renamed.model.resourceClient.methods[0]!.parameters).toEqual([{ key: "max_items", name: "limit", required: false }]);
  });

  it("a body that is not an object goes whole under `body`", async () => {
    const arrayBody = { required: true, content: { "application/json": { schema: { type: "array", items: { type: "string" } } } } };
    const { model: api } = await model(spec({ "/tags": { put: { operationId: "setTags", requestBody: arrayBody, responses: ok } } }));
    expect(api.resourceClient.methods[0]).toMatchObject({ body: { name: "body", spread: false, required: true }, paramsRequired: true });
  });
});
