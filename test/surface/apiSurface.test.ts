import path from "node:path";
import { describe, expect, it } from "vitest";
import { generatedMarker } from "../../generator/shared/generatedMarker.js";
import { formatFiles } from "../../generator/format/formatFiles.js";
import { generate } from "../../generator/generate.js";
import { loadApi } from "../../generator/load/loadApi.js";
import { buildApiModel } from "../../generator/model/buildApiModel.js";
import { apiSurface } from "../../generator/surface/apiSurface.js";
import { codeSpan } from "../../generator/surface/codeSpan.js";
import { surfaceFiles } from "../../generator/surface/surfaceFiles.js";
import { parseSurface, serializeSurface, type Provenance } from "../../generator/surface/surfaceJson.js";

const root = path.join(import.meta.dirname, "../..");

describe("the surface of a generated client", () => {
  it("API.md: the notice in an HTML comment, one line per operation and per type, in model order", async () => {
    const api = await generate(path.join(root, "specs/together"));
    const markdown = api.files.find((file) => file.path === "API.md")!.text;
    const lines = markdown.split("\n");
    // The folder is named, not its documents, and no hash: API.md changes only with the surface.
    expect(lines[0]).toBe(`<!-- ${generatedMarker} from together/; api-surface.json records the spec's files and content hash. -->`);
    expect(lines).toContain("# together: Together APIs 2.0.0");
    expect(lines.filter((line) => line.startsWith("- "))).toEqual([
      "- `getEndpoint(params: { endpointId: string }) => Promise<DedicatedEndpoint>` — GET /endpoints/{endpointId}; `client.endpoints.retrieve()`",
      "- `Autoscaling { min_replicas, max_replicas }`",
      "- `DedicatedEndpoint { object, id, name, display_name, model, hardware, type, owner, state, autoscaling, created_at }`",
      '- `DedicatedEndpointState` = `"PENDING" | "STARTING" | "STARTED" | "STOPPING" | "STOPPED" | "ERROR"`',
      "- `ErrorData { error }`",
      "- `ErrorDataError { message, type, param?, code? }`",
    ]);
  });

  it("surfaceFiles writes API.md and api-surface.json from the surface it is given, without building another", async () => {
    const { model } = buildApiModel(await loadApi(path.join(root, "specs/together")), {});
    const given = { ...apiSurface(model), title: "Given Title" };
    const files = surfaceFiles(given, { notice: ["notice"], provenance: { specFiles: [], specContent: "s", generatorOptions: "o" } });
    expect(files.find((file) => file.path === "API.md")!.text).toContain("# together: Given Title 2.0.0");
    expect(parseSurface(files.find((file) => file.path === "api-surface.json")!.text)).toEqual(given);
  });

  it('api-surface.json: sorted keys, the marker under "//", provenance under "generatedFrom", and it reads back as the same surface', async () => {
    const api = await generate(path.join(root, "specs/cerebras"));
    const json = api.files.find((file) => file.path === "api-surface.json")!.text;
    const parsed = JSON.parse(json) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(["//", "generatedFrom", "name", "operations", "title", "types", "version"]);
    expect(parsed["//"]).toContain(generatedMarker);
    const provenance = {
      generatorOptions: expect.stringMatching(/^[0-9a-f]{16}$/),
      specContent: expect.stringMatching(/^[0-9a-f]{16}$/),
      specFiles: ["cerebras/deploy-model-to-endpoint.yaml", "cerebras/retrieve-endpoint-status.yaml"],
    };
    expect(parsed["generatedFrom"]).toEqual(provenance);
    // No other file carries a hash, so a spec edit leaves the files it does not affect byte-identical.
    const { specContent, generatorOptions } = parsed["generatedFrom"] as Provenance;
    const files = [...api.files, { path: "names.lock.json", text: api.nameLock.text }];
    const withHash = files.filter((file) => file.text.includes(specContent) || file.text.includes(generatorOptions));
    expect(withHash.map((file) => file.path)).toEqual(["api-surface.json"]);
    expect(parseSurface(json)).toEqual(api.surface);
    expect(serializeSurface(api.surface, { notice: [String(parsed["//"])], provenance: parsed["generatedFrom"] as Provenance })).toBe(json);
    expect(parseSurface("{ not json")).toBeUndefined();
    expect(parseSurface('{"name": "x"}')).toBeUndefined();
  });

  it("operations carry params, body, result and error statuses; types know which way they travel", async () => {
    const { surface } = await generate(path.join(root, "specs/cerebras"));
    expect(surface.operations.find((operation) => operation.name === "deployModelToEndpoint")).toEqual({
      name: "deployModelToEndpoint",
      method: "POST",
      path: "/management/v1/endpoints/{endpoint_id}:deployModel",
      // Without the config's map, the default place: `management` is the path's first segment.
      classMethod: "management.endpoints.deployModel",
      params: [{ name: "endpointId", required: true, type: "string" }],
      body: { name: "body", required: true, type: "EndpointDeployModelRequest", mediaTypes: ["application/json"] },
      result: "EndpointDeployResponse",
      errorStatuses: expect.any(Array),
    });
    const sides = Object.fromEntries(surface.types.map((type) => [type.name, type.side]));
    expect(sides["EndpointDeployModelRequest"]).toBe("request");
    expect(sides["EndpointDeployResponse"]).toBe("response");
    expect(sides["DeploymentRolloutStatus"]).toBe("response");
  });

  it("formatFiles formats TypeScript only: Markdown and JSON pass through byte for byte", async () => {
    const files = [
      { path: "API.md", text: "#   Title\n\n\n-   item\n" },
      { path: "api-surface.json", text: '{"b":1,   "a":2}\n' },
      { path: "models.ts", text: "export   type A = string\n" },
    ];
    const formatted = await formatFiles(files);
    expect(formatted.slice(0, 2)).toEqual(files.slice(0, 2));
    expect(formatted[2]!.text).toBe("export type A = string;\n");
  });

  it("codeSpan keeps spec text inside one code span", () => {
    expect(codeSpan("A | B")).toBe("`A | B`");
    expect(codeSpan('"a`b"')).toBe('``"a`b"``');
    expect(codeSpan("`x`")).toBe("`` `x` ``");
    expect(codeSpan("{\n  a: string;\n}")).toBe("`{ a: string; }`");
  });
});
