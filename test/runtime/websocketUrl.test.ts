import { describe, expect, it } from "vitest";
import { ApiError, configureClient, isApiError, joinDelimited, request, websocketUrl, type OperationRequest } from "../../templates/runtime.js";
import { recordingFetch, only } from "./helpers.js";

const schemes = { queryKey: { type: "apiKey", in: "query", name: "api_key" }, bearer: { type: "http", scheme: "bearer" } } as const;

describe("websocketUrl", () => {
  it.each([
    ["http://localhost:8080/v1", "ws://localhost:8080/v1"],
    ["https://api.together.xyz/v1/", "wss://api.together.xyz/v1"],
  ])("turns %s into %s", (baseUrl, wsBase) => {
    const client = configureClient({ baseUrl }, { baseUrl, securitySchemes: {} });
    expect(websocketUrl(client, { method: "GET", path: "/realtime", security: [] }).href).toBe(`${wsBase}/realtime`);
  });

  it("encodes path and query parameters exactly like a call, and adds a query key", async () => {
    const { fetch, requests } = recordingFetch(new Response("{}", { headers: { "content-type": "application/json" } }));
    const client = configureClient({ baseUrl: "https://api.example.test", apiKey: "k/1", fetch }, { baseUrl: "https://x.test", securitySchemes: schemes });
    const operation: OperationRequest = {
      method: "GET",
      path: "/sessions/{id}/listen",
      pathParams: { id: "a b/c" },
      query: { model: "meta/llama 3", voices: ["x&y", "z"], tags: joinDelimited(["a,b", "c"], ","), unset: undefined },
      security: [["queryKey"]],
    };
    await request(client, operation);
    const called = new URL(only(requests).url);
    const url = websocketUrl(client, operation);
    expect(url.protocol).toBe("wss:");
    expect(url.pathname + url.search).toBe(called.pathname + called.search);
    expect(url.search).toBe("?model=meta%2Fllama%203&voices=x%26y&voices=z&tags=a%2Cb,c&api_key=k%2F1");
  });

  it("cannot put a bearer token in the URL, so leaves it out", () => {
    const client = configureClient({ baseUrl: "https://api.example.test", apiKey: "secret" }, { baseUrl: "https://x.test", securitySchemes: schemes });
    expect(websocketUrl(client, { method: "GET", path: "/realtime", security: [["bearer"]] }).href).toBe("wss://api.example.test/realtime");
  });
});

describe("isApiError", () => {
  it("is true for an ApiError only", () => {
    expect(isApiError(new ApiError("x", 404, {}, new Headers()))).toBe(true);
    expect([new Error("x"), new TypeError("x"), { status: 404, body: {} }, undefined].map((value) => isApiError(value))).toEqual([false, false, false, false]);
  });
});
