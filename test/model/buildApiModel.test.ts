import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadApi } from "../../generator/load/loadApi.js";
import { buildApiModel } from "../../generator/model/buildApiModel.js";

const repo = path.join(import.meta.dirname, "../..");

async function modelOf(spec: string) {
  return buildApiModel(await loadApi(path.join(repo, spec)));
}

describe("model of the bundled Cerebras API (two documents merged)", () => {
  it("has one operation per document (in path order), with readable names and the custom-method path kept", async () => {
    const { model } = await modelOf("specs/cerebras");
    expect(model.operations.map(({ name, method, path, paramsTypeName, security }) => ({ name, method, path, paramsTypeName, security }))).toEqual([
      {
        name: "getEndpointStatus",
        method: "GET",
        path: "/management/v1/endpoints/{endpoint_id}",
        paramsTypeName: "GetEndpointStatusParams",
        security: [["BearerAuth"]],
      },
      {
        name: "deployModelToEndpoint",
        method: "POST",
        path: "/management/v1/endpoints/{endpoint_id}:deployModel",
        paramsTypeName: "DeployModelToEndpointParams",
        security: [["BearerAuth"]],
      },
    ]);
  });

  it("shares the component both documents define (DeploymentRolloutStatus) once", async () => {
    const { model } = await modelOf("specs/cerebras");
    // Components in name order, whatever order the documents list them in.
    expect(model.types.map((type) => type.name)).toEqual([
      "DeployedModel",
      "DeploymentRolloutStatus",
      "EndpointDeployModelRequest",
      "EndpointDeployResponse",
      "EndpointDeploymentOperation",
      "EndpointStatusResponse",
    ]);
  });

  it("keeps a $ref wrapped in allOf with a description as the named type, and both nullable spellings as one flag", async () => {
    const { model } = await modelOf("specs/cerebras");
    const deployed = model.types.find((type) => type.name === "DeployedModel")!;
    const operation = model.types.find((type) => type.name === "EndpointDeploymentOperation")!;
    const property = (type: typeof deployed, key: string) =>
      type.type.kind === "object" ? type.type.properties.find((candidate) => candidate.key === key) : undefined;
    expect(property(deployed, "state")).toEqual({
      key: "state",
      required: true,
      readOnly: false,
      writeOnly: false,
      type: { kind: "ref", name: "DeploymentRolloutStatus" },
      doc: { description: "Rollout status reported for the deployment." },
    });
    expect(property(operation, "rollout_status")?.type).toEqual({
      kind: "nullable",
      type: { kind: "ref", name: "DeploymentRolloutStatus" },
    });
    expect(property(operation, "version_alias")?.type).toEqual({ kind: "nullable", type: { kind: "primitive", name: "string" } });
  });

  it("warns, with file and JSON pointer, that the vendor's example contradicts its enum", async () => {
    const { warnings } = await modelOf("specs/cerebras");
    expect(warnings).toEqual([
      {
        location: {
          file: "specs/cerebras/retrieve-endpoint-status.yaml",
          pointer: "/paths/~1management~1v1~1endpoints~1{endpoint_id}/get/responses/200/content/application~1json/example",
        },
        message:
          'example contradicts its schema: /deployed_models/0/state: "complete" is not one of "not_started", "in_progress", "rolling_back", "rolled_back", "done", "error", "cancelled"',
      },
    ]);
  });
});

describe("model of the bundled Together API", () => {
  it("declares error responses and hoists inline types with positional names", async () => {
    const { model, warnings } = await modelOf("specs/together");
    expect(warnings).toEqual([]);
    expect(model.types.map((type) => type.name)).toEqual(["Autoscaling", "DedicatedEndpoint", "DedicatedEndpointState", "ErrorData", "ErrorDataError"]);
    const [operation] = model.operations;
    expect(operation?.responses.map((response) => [response.status, response.type])).toEqual([
      ["200", { kind: "ref", name: "DedicatedEndpoint" }],
      ["403", { kind: "ref", name: "ErrorData" }],
      ["404", { kind: "ref", name: "ErrorData" }],
      ["500", { kind: "ref", name: "ErrorData" }],
    ]);
    expect(operation?.errorTypeName).toBe("GetEndpointError");
  });
});

describe("idempotency keys in the operations-31 fixture", () => {
  const spec = "test/fixtures/specs/operations-31.yaml";
  const keys = (operations: { name: string; idempotencyKey?: string }[]) =>
    Object.fromEntries(operations.flatMap((operation) => (operation.idempotencyKey === undefined ? [] : [[operation.name, operation.idempotencyKey]])));

  it("come from the header the spec declares", async () => {
    const { model } = await modelOf(spec);
    expect(keys(model.operations)).toEqual({ createCharge: "Idempotency-Key" });
  });

  it("come from the API's settings for every other POST and PATCH", async () => {
    const { model } = buildApiModel(await loadApi(path.join(repo, spec)), { idempotencyHeader: "X-Request-Key" });
    expect(keys(model.operations)).toEqual({
      createCharge: "Idempotency-Key",
      createChatCompletion: "X-Request-Key",
      createChatCompletionStream: "X-Request-Key",
      createDocument: "X-Request-Key",
      submitForm: "X-Request-Key",
      uploadFile: "X-Request-Key",
    });
  });
});
