import { describe, expect, it } from "vitest";
import type { PropertyModel, TypeModel } from "../../generator/model/apiModel.js";
import { mapTypeChildren, mapTypeModel, referencedNames, someTypeNode, typeChildren } from "../../generator/model/walkTypeModel.js";

const ref = (name: string): TypeModel => ({ kind: "ref", name });
const string: TypeModel = { kind: "primitive", name: "string" };
const property = (key: string, type: TypeModel): PropertyModel => ({ key, required: true, readOnly: false, writeOnly: false, type, doc: {} });
const deep: TypeModel = {
  kind: "object",
  properties: [
    property("a", { kind: "array", items: { kind: "nullable", type: ref("A") } }),
    property("b", { kind: "tuple", items: [string], minItems: 1, rest: ref("B") }),
  ],
  additionalProperties: { kind: "record", keys: string, values: { kind: "union", members: [ref("C"), { kind: "intersection", members: [ref("D")] }] } },
};

/** One row per kind: the node, and the types directly inside it in spelling order. */
const children: [string, { given: TypeModel; want: TypeModel[] }][] = [
  ["unknown", { given: { kind: "unknown" }, want: [] }],
  ["never", { given: { kind: "never" }, want: [] }],
  ["primitive", { given: string, want: [] }],
  ["binary", { given: { kind: "binary" }, want: [] }],
  ["enum (its members are values, not types)", { given: { kind: "enum", members: [{ name: "A", value: "a" }] }, want: [] }],
  ["ref (not followed)", { given: ref("A"), want: [] }],
  ["array", { given: { kind: "array", items: ref("A") }, want: [ref("A")] }],
  ["tuple with a rest", { given: { kind: "tuple", items: [ref("A"), ref("B")], minItems: 1, rest: ref("C") }, want: [ref("A"), ref("B"), ref("C")] }],
  ["tuple without a rest", { given: { kind: "tuple", items: [ref("A")], minItems: 1, rest: null }, want: [ref("A")] }],
  [
    "object: property types, then additionalProperties",
    { given: { kind: "object", properties: [property("x", ref("A")), property("y", ref("B"))], additionalProperties: ref("C") }, want: [ref("A"), ref("B"), ref("C")] },
  ],
  ["object with additionalProperties forbidden", { given: { kind: "object", properties: [property("x", ref("A"))], additionalProperties: "forbidden" }, want: [ref("A")] }],
  ["record: keys, then values", { given: { kind: "record", keys: ref("K"), values: ref("V") }, want: [ref("K"), ref("V")] }],
  ["union", { given: { kind: "union", members: [ref("A"), string] }, want: [ref("A"), string] }],
  ["intersection", { given: { kind: "intersection", members: [ref("A"), ref("B")] }, want: [ref("A"), ref("B")] }],
  ["nullable", { given: { kind: "nullable", type: ref("A") }, want: [ref("A")] }],
];

describe("typeChildren", () => {
  it.each(children)("%s", (_, { given, want }) => {
    expect(typeChildren(given)).toEqual(want);
  });
});

describe("mapTypeChildren", () => {
  // Each child becomes `ref("#<its index in typeChildren>")`, so a child mapped out of order, twice or not at all shows.
  it.each(children)("%s: replaces exactly the typeChildren, in their order, and keeps the rest", (_, { given, want }) => {
    let index = 0;
    const mapped = mapTypeChildren(given, () => ref(`#${index++}`));
    expect(typeChildren(mapped)).toEqual(want.map((_, position) => ref(`#${position}`)));
    expect(mapTypeChildren(mapped, (child) => want[Number((child as { name: string }).name.slice(1))]!)).toEqual(given);
  });

  it("keeps each property's own fields and the discriminator", () => {
    const given: TypeModel = {
      kind: "union",
      members: [{ kind: "object", properties: [{ ...property("id", string), readOnly: true, doc: { description: "d" } }], additionalProperties: "unspecified" }],
      discriminator: { property: "type", values: [["a"]], required: [true] },
    };
    const wrapped = mapTypeChildren(given, (child) => mapTypeChildren(child, (inner) => ({ kind: "nullable", type: inner })));
    expect(wrapped).toEqual({
      kind: "union",
      members: [
        { kind: "object", properties: [{ ...property("id", { kind: "nullable", type: string }), readOnly: true, doc: { description: "d" } }], additionalProperties: "unspecified" },
      ],
      discriminator: { property: "type", values: [["a"]], required: [true] },
    });
  });
});

describe("mapTypeModel", () => {
  it("maps children before their parent, at every depth", () => {
    const renamed = mapTypeModel(deep, (node) => (node.kind === "ref" ? ref(node.name.toLowerCase()) : node));
    expect([...referencedNames(renamed)]).toEqual(["a", "b", "c", "d"]);
    const order: string[] = [];
    mapTypeModel({ kind: "array", items: { kind: "nullable", type: ref("A") } }, (node) => (order.push(node.kind), node));
    expect(order).toEqual(["ref", "nullable", "array"]);
  });
});

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

describe("referencedNames", () => {
  const rows: [string, { given: TypeModel; want: string[] }][] = [
    ["no references", { given: { kind: "array", items: string }, want: [] }],
    ["every place a reference can stand, in spelling order", { given: deep, want: ["A", "B", "C", "D"] }],
    ["a name mentioned twice, once", { given: { kind: "union", members: [ref("A"), { kind: "array", items: ref("A") }] }, want: ["A"] }],
    ["record keys", { given: { kind: "record", keys: ref("Key"), values: string }, want: ["Key"] }],
  ];
  it.each(rows)("%s", (_, { given, want }) => {
    expect([...referencedNames(given)]).toEqual(want);
  });

  it("adds to the set it is given", () => {
    const into = new Set(["Z"]);
    expect(referencedNames(ref("A"), into)).toBe(into);
    expect([...into]).toEqual(["Z", "A"]);
  });
});
