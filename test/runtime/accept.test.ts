import { describe, expect, it } from "vitest";
import {
  blobResponse,
  configureClient,
  ndjsonResponse,
  request,
  sseResponse,
  textResponse,
  type ResponseDecoder,
} from "../../templates/runtime.js";
import { recordingFetch } from "./helpers.js";

describe("accept header", () => {
  it.each([
    [undefined, "application/json"],
    [textResponse, "text/*"],
    [blobResponse, "*/*"],
    [sseResponse, "text/event-stream"],
    [ndjsonResponse, "application/x-ndjson, application/jsonl"],
  ] as const)("asks for what the decoder reads (%#)", async (decoder: ResponseDecoder | undefined, accept) => {
    const recorder = recordingFetch(new Response(null, { status: 204 }));
    const client = configureClient({ fetch: recorder.fetch }, { baseUrl: "https://api.test", securitySchemes: {} });
    await request(client, { method: "GET", path: "/x", security: [], ...(decoder ? { decodeResponse: decoder } : {}) });
    expect(recorder.requests[0]?.headers.get("accept")).toBe(accept);
  });
});
