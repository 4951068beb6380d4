import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadApi } from "../../generator/load/loadApi.js";
import type { ServerModel } from "../../generator/model/apiModel.js";
import { buildApiModel } from "../../generator/model/buildApiModel.js";
import type { ModelContext } from "../../generator/model/modelContext.js";
import type { Route } from "../../generator/model/operationScope.js";
import { operationServer } from "../../generator/model/servers.js";

const documentServerUrl = "https://api.test/v1";

/** Only `warn` reaches the context, through `locate` and `warnings`. */
function serverOf(given: { pathItem?: Record<string, unknown>; operation?: Record<string, unknown> }) {
  const warnings: string[] = [];
  const context = {
    warnings: { push: (warning: { location: { pointer: string }; message: string }) => warnings.push(`${warning.location.pointer}: ${warning.message}`) },
    locate: (pointer: string) => ({ file: "api.yaml", pointer }),
  } as unknown as ModelContext;
  const route: Route = { path: "/videos", method: "POST", pointer: "/paths/~1videos/post", pathItem: given.pathItem ?? {}, globalSecurity: [], documentServerUrl };
  return { server: operationServer(route, given.operation ?? {}, context), warnings };
}

const servers = (...urls: (string | Record<string, unknown>)[]) => ({ servers: urls.map((url) => (typeof url === "string" ? { url } : url)) });

describe("operationServer", () => {
  it.each<[string, { given: Parameters<typeof serverOf>[0]; want: { server: ServerModel | undefined; warnings: string[] } }]>([
    ["no servers anywhere", { given: {}, want: { server: undefined, warnings: [] } }],
    [
      "the operation's first server",
      { given: { operation: servers("https://api.test/v2", "https://backup.test/v2") }, want: { server: { url: "https://api.test/v2", variables: [] }, warnings: [] } },
    ],
    [
      "the path item's, when the operation has none",
      { given: { pathItem: servers("https://api.test/v2/") }, want: { server: { url: "https://api.test/v2", variables: [] }, warnings: [] } },
    ],
    [
      "the operation's wins over its path item's",
      { given: { pathItem: servers("https://a.test"), operation: servers("https://b.test") }, want: { server: { url: "https://b.test", variables: [] }, warnings: [] } },
    ],
    [
      "an empty list overrides nothing",
      { given: { pathItem: servers("https://a.test"), operation: { servers: [] } }, want: { server: { url: "https://a.test", variables: [] }, warnings: [] } },
    ],
    ["the document's server again (a trailing slash aside) is none of its own", { given: { operation: servers("https://api.test/v1/") }, want: { server: undefined, warnings: [] } }],
    [
      "variables in order of appearance, each once, with their defaults",
      {
        given: { operation: servers({ url: "https://{region}.api.test/{version}/{region}", variables: { version: { default: 2 }, region: { default: "eu", enum: ["eu", "us"] } } }) },
        want: { server: { url: "https://{region}.api.test/{version}/{region}", variables: [{ name: "region", default: "eu" }, { name: "version", default: "2" }] }, warnings: [] },
      },
    ],
    [
      "a variable without a default is the caller's to set",
      {
        given: { pathItem: servers("https://{zone}.api.test") },
        want: {
          server: { url: "https://{zone}.api.test", variables: [{ name: "zone" }] },
          warnings: ['/paths/~1videos/servers/0/variables: server variable "zone" has no default; callers must set it in serverVariables'],
        },
      },
    ],
    [
      "a relative URL is left out: the operation stays on the document's server",
      { given: { operation: servers("/v2") }, want: { server: undefined, warnings: ['/paths/~1videos/post/servers/0/url: server URL "/v2" is not absolute; the operation goes to the document\'s server'] } },
    ],
    ["a server without a URL is none", { given: { operation: { servers: [{ description: "no url" }] } }, want: { server: undefined, warnings: [] } }],
  ])("%s", (_case, { given, want }) => {
    expect(serverOf(given)).toEqual(want);
  });
});

describe("Together's real spec (test/fixtures/vendor/together/openapi.yaml)", () => {
  it("sends /videos (its operations name https://api.together.xyz/v2) there, every other operation to the document's server", async () => {
    const api = await loadApi(path.join(import.meta.dirname, "../fixtures/vendor/together/openapi.yaml"));
    const { model } = buildApiModel(api);
    expect(model.defaultBaseUrl).toBe("https://api.together.xyz/v1");
    const own = model.operations.filter((operation) => operation.server !== undefined);
    expect(own.map(({ name, method, path, server }) => ({ name, method, path, server }))).toEqual([
      { name: "createVideo", method: "POST", path: "/videos", server: { url: "https://api.together.xyz/v2", variables: [] } },
      { name: "retrieveVideo", method: "GET", path: "/videos/{id}", server: { url: "https://api.together.xyz/v2", variables: [] } },
    ]);
    expect(model.operations.length).toBeGreaterThan(50);
  });
});
