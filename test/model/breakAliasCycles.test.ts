import { describe, expect, it } from "vitest";
import type { NamedTypeDraft, TypeModel } from "../../generator/model/apiModel.js";
import { breakAliasCycles } from "../../generator/model/breakAliasCycles.js";
import type { SpecWarning } from "../../generator/shared/specError.js";

const ref = (name: string): TypeModel => ({ kind: "ref", name });
const string: TypeModel = { kind: "primitive", name: "string" };
const named = (name: string, type: TypeModel): NamedTypeDraft => ({ name, type, doc: {}, location: { file: "spec.yaml", pointer: `/components/schemas/${name}` } });

/** Types in, types out (by name) and the warnings' messages. */
const rows: [string, { given: NamedTypeDraft[]; want: { types: Record<string, TypeModel>; warnings: string[] } }][] = [
  [
    "a cycle through nullable and union is cut at the edge that closes it; `unknown | X` is unknown",
    {
      given: [named("A", { kind: "nullable", type: ref("B") }), named("B", { kind: "union", members: [ref("A"), string] })],
      want: {
        types: { A: { kind: "nullable", type: ref("B") }, B: { kind: "unknown" } },
        warnings: ["type B refers to A in a cycle TypeScript cannot express; that reference is typed as unknown"],
      },
    },
  ],
  [
    "a cycle through an intersection keeps the other members",
    {
      given: [named("A", { kind: "intersection", members: [ref("A"), ref("C")] }), named("C", string)],
      want: {
        types: { A: { kind: "intersection", members: [{ kind: "unknown" }, ref("C")] }, C: string },
        warnings: ["type A refers to A in a cycle TypeScript cannot express; that reference is typed as unknown"],
      },
    },
  ],
  [
    "references behind an array, object, tuple or record are deferred and stay",
    {
      given: [
        named("List", { kind: "union", members: [{ kind: "array", items: ref("List") }, string] }),
        named("Tree", { kind: "object", properties: [{ key: "child", required: false, readOnly: false, writeOnly: false, type: ref("Tree"), doc: {} }], additionalProperties: "unspecified" }),
        named("Pair", { kind: "nullable", type: { kind: "tuple", items: [ref("Pair")], minItems: 1, rest: null } }),
        named("Map", { kind: "nullable", type: { kind: "record", keys: string, values: ref("Map") } }),
      ],
      want: {
        types: {
          List: { kind: "union", members: [{ kind: "array", items: ref("List") }, string] },
          Tree: { kind: "object", properties: [{ key: "child", required: false, readOnly: false, writeOnly: false, type: ref("Tree"), doc: {} }], additionalProperties: "unspecified" },
          Pair: { kind: "nullable", type: { kind: "tuple", items: [ref("Pair")], minItems: 1, rest: null } },
          Map: { kind: "nullable", type: { kind: "record", keys: string, values: ref("Map") } },
        },
        warnings: [],
      },
    },
  ],
];

describe("breakAliasCycles", () => {
  it.each(rows)("%s", (_, { given, want }) => {
    const warnings: SpecWarning[] = [];
    const types = breakAliasCycles(given, warnings);
    expect(Object.fromEntries(types.map((type) => [type.name, type.type]))).toEqual(want.types);
    expect(warnings.map((warning) => warning.message)).toEqual(want.warnings);
  });
});
