import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ApiError,
  createClient,
  DedicatedEndpointState,
  getEndpoint,
  type DedicatedEndpoint,
  type GetEndpointError,
} from "../../generated/together/index.js";
import { loadApi } from "../../generator/load/loadApi.js";
import { recordingFetch, startPrism, type MockServer } from "./prismServer.js";

let server: MockServer;

beforeAll(async () => {
  const api = await loadApi(path.join(import.meta.dirname, "../../specs/together"));
  server = await startPrism(api.bundled);
});

afterAll(() => server?.stop());

describe("generated Together client against Prism", () => {
  it("getEndpoint returns a DedicatedEndpoint built from the spec's examples", async () => {
    const recorder = recordingFetch();
    const client = createClient({ baseUrl: server.baseUrl, apiKey: "test-key", fetch: recorder.fetch });
    const endpoint: DedicatedEndpoint = await getEndpoint(client, { endpointId: "endpoint-d23901de" });

    expect(endpoint).toMatchObject({
      object: "endpoint",
      id: "endpoint-d23901de-ef8f-44bf-b3e7-de9c1ca8f2d7",
      type: "dedicated",
      created_at: "2025-02-04T10:43:55.405Z",
    });
    // Prism fills enums with their first value rather than the property example.
    expect(Object.values(DedicatedEndpointState)).toContain(endpoint.state);
    expect(endpoint.autoscaling.min_replicas).toBeTypeOf("number");
    expect(recorder.calls[0]!.url).toBe(`${server.baseUrl}/endpoints/endpoint-d23901de`);
    expect(new Headers(recorder.calls[0]!.init?.headers).get("authorization")).toBe("Bearer test-key");
    expect(recorder.calls[0]!.response.headers.get("sl-violations")).toBeNull();
  });

  it("a declared 404 narrows to ApiError<404, ErrorData>", async () => {
    const client = createClient({ baseUrl: server.baseUrl, apiKey: "test-key", maxRetries: 0 });
    const caught = await getEndpoint(client, { endpointId: "missing" }, { headers: { Prefer: "code=404" } }).catch(
      (error: unknown) => error,
    );
    expect(caught).toBeInstanceOf(ApiError);
    const error = caught as GetEndpointError;
    expect(error.status).toBe(404);
    if (error.status === 404) {
      const message: string = error.body.error.message;
      expect(message).toBeTypeOf("string");
    }
    expect(String(error)).not.toContain("test-key");
  });
});
