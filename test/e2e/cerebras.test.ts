import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ApiError,
  createClient,
  deployModelToEndpoint,
  DeploymentRolloutStatus,
  getEndpointStatus,
  type EndpointDeployResponse,
  type EndpointStatusResponse,
} from "../../generated/cerebras/index.js";
import { loadApi } from "../../generator/load/loadApi.js";
import { recordingFetch, startPrism, type MockServer } from "./prismServer.js";

let server: MockServer;

beforeAll(async () => {
  // Prism mocks the same merged spec the client was generated from.
  const api = await loadApi(path.join(import.meta.dirname, "../../specs/cerebras"));
  server = await startPrism(api.bundled);
});

afterAll(() => server?.stop());

describe("generated Cerebras client against Prism", () => {
  it("getEndpointStatus returns the spec's example, and Prism flags the example's own enum violation", async () => {
    const recorder = recordingFetch();
    const client = createClient({ baseUrl: server.baseUrl, apiKey: "test-key", fetch: recorder.fetch });
    const status: EndpointStatusResponse = await getEndpointStatus(client, { endpointId: "my-org-gpt-oss-120b" });

    expect(status.name).toBe("my-org-gpt-oss-120b");
    expect(status.model_arch_id).toBe("gpt-oss-120b");
    expect(status.managing_org_name).toBe("my-org");
    expect(status.deployed_models).toHaveLength(1);
    // The vendor's example says `state: complete`, which its own enum does not allow. The client
    // does not validate responses, so the value comes through as sent; the type says it cannot happen.
    const state: string = status.deployed_models[0]!.state;
    expect(state).toBe("complete");
    expect(Object.values(DeploymentRolloutStatus)).not.toContain(state);
    const violations = JSON.parse(recorder.calls[0]!.response.headers.get("sl-violations") ?? "[]") as { location: string[] }[];
    expect(violations.map((violation) => violation.location.join("."))).toEqual(["response.body.deployed_models.0.state"]);
    expect(recorder.calls[0]!.url).toBe(`${server.baseUrl}/management/v1/endpoints/my-org-gpt-oss-120b`);
  });

  it("deployModelToEndpoint sends a valid body to the custom-method path", async () => {
    const recorder = recordingFetch();
    const client = createClient({ baseUrl: server.baseUrl, apiKey: "test-key", fetch: recorder.fetch });
    const deployed: EndpointDeployResponse = await deployModelToEndpoint(client, {
      endpointId: "my-org-gpt-oss-120b",
      body: { model: "orgs/my-org/models/gpt-oss-120b/versions/1" },
    });

    expect(deployed).toEqual({
      name: "550e8400-e29b-41d4-a716-446655440000",
      done: false,
      response: {
        deployment_id: "550e8400-e29b-41d4-a716-446655440000",
        endpoint_id: "my-org-gpt-oss-120b",
        org_name: "my-org",
        model_arch_id: "gpt-oss-120b",
        version_id: 1,
        created: 1736700000,
        updated: 1736700000,
        rollout_status: "not_started",
      },
    });
    expect(recorder.calls[0]!.url).toBe(`${server.baseUrl}/management/v1/endpoints/my-org-gpt-oss-120b:deployModel`);
    expect(recorder.calls[0]!.response.headers.get("sl-violations")).toBeNull();
  });

  it("percent-encodes the endpoint id before the :deployModel suffix", async () => {
    const recorder = recordingFetch();
    const client = createClient({ baseUrl: server.baseUrl, apiKey: "test-key", fetch: recorder.fetch, maxRetries: 0 });
    await deployModelToEndpoint(client, { endpointId: "a b/c", body: { model: "m" } }).catch(() => undefined);
    expect(recorder.calls[0]!.url).toBe(`${server.baseUrl}/management/v1/endpoints/a%20b%2Fc:deployModel`);
  });

  it("a body Prism rejects (unknown property) surfaces as a typed ApiError with the parsed problem", async () => {
    const client = createClient({ baseUrl: server.baseUrl, apiKey: "test-key", maxRetries: 0 });
    const body = { model: "m", replicas: 3 } as unknown as { model: string };
    const error = await deployModelToEndpoint(client, { endpointId: "x", body }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError<number, { validation: { code: string }[] }>;
    expect(apiError.status).toBe(422);
    expect(apiError.body.validation.map((problem) => problem.code)).toEqual(["additionalProperties"]);
  });

  it("without an API key Prism answers 401, and the error carries status and headers", async () => {
    const client = createClient({ baseUrl: server.baseUrl, apiKey: "", maxRetries: 0 });
    const error = await getEndpointStatus(client, { endpointId: "x" }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(401);
    expect((error as ApiError).headers.get("www-authenticate")).toMatch(/Bearer/i);
  });
});
