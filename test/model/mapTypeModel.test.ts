import { describe, expect, it } from "vitest";
import type { TypeModel } from "../../generator/model/apiModel.js";
import { someTypeNode } from "../../generator/model/mapTypeModel.js";

const ref = (name: string): TypeModel => ({ kind: "ref", name });
const string: TypeModel = { kind: "primitive", name: "string" };
const deep: TypeModel = {
  kind: "object",
  properties: [
    { key: "a", required: true, type: { kind: "array", items: { kind: "nullable", type: ref("A") } }, doc: {} },
    { key: "b", required: false, type: { kind: "tuple", items: [string], minItems: 1, rest: ref("B") }, doc: {} },
  ],
  additionalProperties: { kind: "record", keys: string, values: { kind: "union", members: [ref("C"), { kind: "intersection", members: [ref("D")] }] } },
} as TypeModel;

describe("someTypeNode", () => {
  it("finds a node at any depth: items, nullable, tuple rest, additionalProperties, record values, union and intersection members", () => {
    for (const name of ["A", "B", "C", "D"]) expect(someTypeNode(deep, (node) => node.kind === "ref" && node.name === name), name).toBe(true);
    expect(someTypeNode(deep, (node) => node.kind === "ref" && node.name === "E")).toBe(false);
  });

  it("visits every node once when none matches, and stops at the first that does", () => {
    const visited: string[] = [];
    someTypeNode(deep, (node) => (visited.push(node.kind), false));
    expect(visited.sort()).toEqual(
      ["object", "array", "nullable", "ref", "tuple", "primitive", "ref", "record", "primitive", "union", "ref", "intersection", "ref"].sort(),
    );
    let calls = 0;
    expect(someTypeNode(deep, (node) => (calls++, node.kind === "object"))).toBe(true);
    expect(calls).toBe(1);
  });
});
