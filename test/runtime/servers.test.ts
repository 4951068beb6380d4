// An operation's own server (OperationRequest.server), its variables, and the caller's baseUrl winning.
import { describe, expect, it } from "vitest";
import { configureClient, request, RequestError, websocketUrl, type ClientOptions, type OperationRequest } from "../../templates/runtime.js";
import { only, recordingFetch, rejection } from "./helpers.js";

const defaults = { baseUrl: "https://api.test/v1", securitySchemes: { bearer: { type: "http", scheme: "bearer" } } } as const;
const json = () => new Response("{}", { headers: { "content-type": "application/json" } });

/** The URL and authorization header the operation was sent with. */
async function sent(options: ClientOptions, operation: Partial<OperationRequest>) {
  const { fetch, requests } = recordingFetch(json());
  const client = configureClient({ apiKey: "sk-1", fetch, ...options }, defaults);
  await request(client, { method: "GET", path: "/videos/{id}", pathParams: { id: "v1" }, security: [["bearer"]], ...operation });
  const call = only(requests);
  return { url: call.url, authorization: call.headers.get("authorization") };
}

describe("which server an operation goes to", () => {
  it.each<[string, { options: ClientOptions; server?: OperationRequest["server"]; url: string }]>([
    ["no server of its own: the spec's first", { options: {}, url: "https://api.test/v1/videos/v1" }],
    ["its own server", { options: {}, server: { url: "https://api.test/v2" }, url: "https://api.test/v2/videos/v1" }],
    ["its own server, trailing slash dropped", { options: {}, server: { url: "https://media.test/v2/" }, url: "https://media.test/v2/videos/v1" }],
    ["the caller's baseUrl wins over its own server", { options: { baseUrl: "http://localhost:4010/" }, server: { url: "https://api.test/v2" }, url: "http://localhost:4010/videos/v1" }],
    [
      "variables take the spec's defaults",
      { options: {}, server: { url: "https://{region}.api.test/{version}", variables: { region: "eu", version: "v2" } }, url: "https://eu.api.test/v2/videos/v1" },
    ],
    [
      "the caller's serverVariables win over the defaults",
      { options: { serverVariables: { region: "us" } }, server: { url: "https://{region}.api.test/{version}", variables: { region: "eu", version: "v2" } }, url: "https://us.api.test/v2/videos/v1" },
    ],
    [
      "serverVariables do not touch the caller's baseUrl",
      { options: { baseUrl: "https://proxy.test", serverVariables: { region: "us" } }, server: { url: "https://{region}.api.test", variables: { region: "eu" } }, url: "https://proxy.test/videos/v1" },
    ],
  ])("%s", async (_case, { options, server, url }) => {
    const result = await sent(options, server === undefined ? {} : { server });
    // The API key goes to whichever server the operation goes to, and only there.
    expect(result).toEqual({ url, authorization: "Bearer sk-1" });
  });

  it("a variable with no default and no value is a RequestError, before anything is sent", async () => {
    const { fetch, requests } = recordingFetch();
    const client = configureClient({ fetch }, defaults);
    const error = await rejection(request(client, { method: "GET", path: "/usage", server: { url: "https://{zone}.api.test" }, security: [] }));
    expect(error).toBeInstanceOf(RequestError);
    expect((error as Error).message).toContain('Missing server variable "zone"');
    expect(requests).toEqual([]);
  });

  it("only a variable of its own counts (not one inherited from Object.prototype)", async () => {
    const client = configureClient({}, defaults);
    const error = await rejection(request(client, { method: "GET", path: "/x", server: { url: "https://{constructor}.api.test" }, security: [] }));
    expect(error).toBeInstanceOf(RequestError);
  });

  it("a WebSocket operation's handshake URL uses its own server too", () => {
    const client = configureClient({ serverVariables: { region: "us" } }, defaults);
    const url = websocketUrl(client, { method: "GET", path: "/realtime", server: { url: "https://{region}.stream.test/v1" }, security: [] });
    expect(url.href).toBe("wss://us.stream.test/v1/realtime");
  });
});
