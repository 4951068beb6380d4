import { describe, expect, it } from "vitest";
import type { NamedTypeDraft, OperationModel, TypeModel } from "../../generator/model/apiModel.js";
import { reachableNames, requestTypes, responseTypes } from "../../generator/model/reachableNames.js";

const ref = (name: string): TypeModel => ({ kind: "ref", name });
const string: TypeModel = { kind: "primitive", name: "string" };
const named = (name: string, type: TypeModel): NamedTypeDraft => ({ name, type, doc: {}, location: { file: "spec.yaml" } });
const holding = (...types: TypeModel[]): TypeModel => ({
  kind: "object",
  properties: types.map((type, index) => ({ key: `p${index}`, required: true, readOnly: false, writeOnly: false, type, doc: {} })),
  additionalProperties: "unspecified",
});

const types = [
  named("Top", holding({ kind: "array", items: ref("Middle") })),
  named("Middle", { kind: "nullable", type: ref("Leaf") }),
  named("Leaf", string),
  named("Loop", holding(ref("Loop"), ref("Other"))),
  named("Other", { kind: "record", keys: string, values: ref("Loop") }),
  named("Alone", string),
];

const rows: [string, { given: TypeModel[]; want: string[] }][] = [
  ["no roots", { given: [], want: [] }],
  ["a root without references", { given: [string], want: [] }],
  ["a chain, followed to its end through arrays and nullables", { given: [ref("Top")], want: ["Leaf", "Middle", "Top"] }],
  ["a reference deep inside a root", { given: [holding({ kind: "union", members: [string, ref("Middle")] })], want: ["Leaf", "Middle"] }],
  ["a cycle ends, each name once", { given: [ref("Loop")], want: ["Loop", "Other"] }],
  ["several roots, reaching the same names", { given: [ref("Middle"), ref("Leaf"), ref("Other")], want: ["Leaf", "Loop", "Middle", "Other"] }],
  ["a name no type declares is reached but leads nowhere", { given: [ref("Missing")], want: ["Missing"] }],
];

describe("reachableNames", () => {
  it.each(rows)("%s", (_, { given, want }) => {
    expect([...reachableNames(types, given)].sort()).toEqual(want);
  });
});

describe("requestTypes and responseTypes", () => {
  const operation = {
    parameters: [{ type: ref("Param") }],
    body: { contents: [{ type: ref("JsonBody") }, { type: ref("FormBody") }] },
    responses: [{ type: ref("Ok") }, { type: null }, { type: ref("NotFound") }],
  } as unknown as OperationModel;
  const withoutBody = { parameters: [], responses: [] } as unknown as OperationModel;

  it("sends parameters and every body media type; receives every response with a body, errors included", () => {
    expect(requestTypes([operation, withoutBody])).toEqual([ref("Param"), ref("JsonBody"), ref("FormBody")]);
    expect(responseTypes([operation, withoutBody])).toEqual([ref("Ok"), ref("NotFound")]);
  });
});
