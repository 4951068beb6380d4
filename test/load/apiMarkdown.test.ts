import { mkdtemp, mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseApiMarkdown } from "../../generator/load/apiMarkdown.js";
import { readApiMarkdown } from "../../generator/load/readApiMarkdown.js";

const line = (title: string, call: string) => `- <code title="${title}">${call}</code>`;

describe("parseApiMarkdown", () => {
  it.each([
    // [line, resource, method, METHOD, path, positional, query]
    [line("post /chat/completions", 'client.chat.completions.<a href="./src/resources/chat/completions.ts">create</a>({ ...params }) -> ChatCompletion'), "chat.completions", "create", "POST", "/chat/completions", [], undefined],
    [line("get /endpoints/{endpointId}", 'client.endpoints.<a href="./x.ts">retrieve</a>(endpointID) -> X'), "endpoints", "retrieve", "GET", "/endpoints/{endpointId}", ["endpointID"], undefined],
    [line("get /whoami", 'client.<a href="./src/index.ts">whoami</a>() -> WhoamiResponse'), "", "whoami", "GET", "/whoami", [], undefined],
    [
      line("get /p/{projectId}/e/{endpointId}/x/{experimentId}/t", 'client.beta.x.targets.<a href="./t.ts">list</a>(endpointID, experimentID, { ...params }) -> T'),
      "beta.x.targets", "list", "GET", "/p/{projectId}/e/{endpointId}/x/{experimentId}/t", ["endpointID", "experimentID"], undefined,
    ],
    [line("post /responses?beta=true", 'client.responses.<a href="./r.ts">create</a>({ ...params }) -> Response'), "responses", "create", "POST", "/responses", [], { beta: "true" }],
  ])("%s", (text, resource, method, httpMethod, routePath, positional, query) => {
    const [route, ...rest] = parseApiMarkdown(text, "api.md").routes;
    expect(rest).toEqual([]);
    expect(route).toEqual({ resource: resource === "" ? [] : resource.split("."), method, httpMethod, path: routePath, origin: "api.md", where: "api.md:1", positional, ...(query ? { query } : {}) });
  });

  it("skips type lines and headings, keeps file order and line numbers, and collects links to other api.md files", () => {
    const text = [
      "# Chat",
      '- <code><a href="./src/resources/chat.ts">ChatCompletion</a></code>',
      line("post /chat/completions", 'client.chat.completions.<a href="./c.ts">create</a>({ ...params }) -> C'),
      "See [files](src/resources/files/api.md) and <a href=\"./src/resources/beta/api.md\">beta</a>.",
      line("get /files", 'client.files.<a href="./f.ts">list</a>() -> F'),
    ].join("\n");
    const parsed = parseApiMarkdown(text, "api.md");
    expect(parsed.routes.map((route) => `${route.where} ${route.httpMethod} ${route.path}`)).toEqual(["api.md:3 POST /chat/completions", "api.md:5 GET /files"]);
    expect(parsed.links).toEqual(["src/resources/files/api.md", "./src/resources/beta/api.md"]);
  });
});

describe("readApiMarkdown", () => {
  it("follows links to per-resource api.md files inside the first file's folder, each once, and skips missing ones", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "apimd-"));
    await mkdir(path.join(dir, "src/resources/files"), { recursive: true });
    await writeFile(
      path.join(dir, "api.md"),
      [line("get /whoami", 'client.<a href="x">whoami</a>()'), "[files](src/resources/files/api.md) [gone](src/gone/api.md) [outside](../api.md)"].join("\n"),
    );
    await writeFile(
      path.join(dir, "src/resources/files/api.md"),
      [line("get /files", 'client.files.<a href="x">list</a>()'), "[back](../../../api.md)"].join("\n"),
    );
    const routes = await readApiMarkdown(path.join(dir, "api.md"));
    expect(routes.map((route) => `${route.where}: ${[...route.resource, route.method].join(".")}`)).toEqual([
      "api.md:1: whoami",
      "src/resources/files/api.md:1: files.list",
    ]);
  });

  it("refuses a resource map that is not there", async () => {
    await expect(readApiMarkdown(path.join(os.tmpdir(), "no-such-dir-xyz", "api.md"))).rejects.toThrow(/cannot read the resource map/);
  });
});
