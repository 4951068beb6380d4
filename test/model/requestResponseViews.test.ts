import { describe, expect, it } from "vitest";
import type { NamedTypeDraft, OperationModel, PropertyModel, TypeModel } from "../../generator/model/apiModel.js";
import { requestResponseViews } from "../../generator/model/requestResponseViews.js";
import { createNameScope } from "../../generator/naming/nameScope.js";

const ref = (name: string): TypeModel => ({ kind: "ref", name });
const property = (key: string, type: TypeModel, access: Partial<PropertyModel> = {}): PropertyModel => ({
  key,
  required: true,
  readOnly: false,
  writeOnly: false,
  type,
  doc: {},
  ...access,
});
const object = (...properties: PropertyModel[]): TypeModel => ({ kind: "object", properties, additionalProperties: "unspecified" });
const named = (name: string, type: TypeModel): NamedTypeDraft => ({ name, type, doc: {}, location: { file: "spec.yaml" } as NamedTypeDraft["location"] });
const taking = (type: TypeModel): OperationModel =>
  ({
    name: "op",
    method: "POST",
    path: "/",
    doc: {},
    parameters: [],
    body: { name: "body", required: true, doc: {}, contents: [{ contentType: "application/json", kind: "json", type }] },
    resultTypeName: "OpResponse",
    responses: [],
    security: [],
  }) as unknown as OperationModel;

describe("requestResponseViews", () => {
  it("twins every type a request reaches that has readOnly properties itself or through any chain of references", () => {
    const types = [
      named("Top", object(property("middle", { kind: "array", items: ref("Middle") }))),
      named("Middle", object(property("leaf", { kind: "nullable", type: ref("Leaf") }))),
      named("Leaf", object(property("id", { kind: "primitive", name: "string" }, { readOnly: true }))),
      named("Unsent", object(property("leaf", ref("Leaf")))),
      named("Plain", object(property("name", { kind: "primitive", name: "string" }))),
      named("Cycle", object(property("self", ref("Cycle")), property("top", ref("Top")))),
    ];
    const { types: viewed, operations } = requestResponseViews(types, [taking(ref("Cycle")), taking(ref("Plain"))], createNameScope(types.map((type) => type.name)));
    expect(viewed.map((type) => type.name)).toEqual(["Top", "TopInput", "Middle", "MiddleInput", "Leaf", "LeafInput", "Unsent", "Plain", "Cycle", "CycleInput"]);
    expect(operations[0]!.body!.contents[0]!.type).toEqual(ref("CycleInput"));
    expect(operations[1]!.body!.contents[0]!.type).toEqual(ref("Plain"));
    expect(viewed.find((type) => type.name === "LeafInput")!.type).toEqual(object());
  });
});
