import type { TypeModel } from "./apiModel.js";
import { assertNever } from "../shared/assertNever.js";

/**
 * The one place that knows where a type node keeps the types inside it. Every walk over the
 * model's type tree (transforms, searches, the names a type mentions, alias cycles) goes through
 * `typeChildren` to look and `mapTypeChildren` to rebuild, so a new kind is added here and only here.
 */

/** The types directly inside `type`, in the order TypeScript spells them. */
export function typeChildren(type: TypeModel): readonly TypeModel[] {
  if (isLeaf(type)) return [];
  switch (type.kind) {
    case "array":
      return [type.items];
    case "tuple":
      return type.rest === null ? type.items : [...type.items, type.rest];
    case "object": {
      const additional = type.additionalProperties;
      const properties = type.properties.map((property) => property.type);
      return typeof additional === "object" ? [...properties, additional] : properties;
    }
    case "record":
      return [type.keys, type.values];
    case "union":
    case "intersection":
      return type.members;
    case "nullable":
    case "requiredKeys":
      return [type.type];
    default:
      return assertNever(type);
  }
}

/** `type` with each of its `typeChildren` replaced by `map(child)`; everything else kept. */
export function mapTypeChildren(type: TypeModel, map: (child: TypeModel) => TypeModel): TypeModel {
  if (isLeaf(type)) return type;
  switch (type.kind) {
    case "array":
      return { ...type, items: map(type.items) };
    case "tuple":
      return { ...type, items: type.items.map(map), rest: type.rest === null ? null : map(type.rest) };
    case "object": {
      const additional = type.additionalProperties;
      return {
        ...type,
        properties: type.properties.map((property) => ({ ...property, type: map(property.type) })),
        additionalProperties: typeof additional === "object" ? map(additional) : additional,
      };
    }
    case "record":
      return { ...type, keys: map(type.keys), values: map(type.values) };
    case "union":
    case "intersection":
      return { ...type, members: type.members.map(map) };
    case "nullable":
    case "requiredKeys":
      return { ...type, type: map(type.type) };
    default:
      return assertNever(type);
  }
}

/** Rebuilds a type bottom-up, letting `visit` replace any node (after its children were mapped). */
export function mapTypeModel(type: TypeModel, visit: (type: TypeModel) => TypeModel): TypeModel {
  return visit(mapTypeChildren(type, (child) => mapTypeModel(child, visit)));
}

/**
 * True when some node in the type satisfies `test`; stops at the first that does. A walk, not a
 * map: rebuilding every node just to look at it was most of the cost of the read/write views.
 */
export function someTypeNode(type: TypeModel, test: (type: TypeModel) => boolean): boolean {
  return test(type) || typeChildren(type).some((child) => someTypeNode(child, test));
}

/** Names of the named types a type mentions (its `ref` nodes), added to `into`. */
export function referencedNames(type: TypeModel, into: Set<string> = new Set()): Set<string> {
  someTypeNode(type, (node) => {
    if (node.kind === "ref") into.add(node.name);
    return false;
  });
  return into;
}

/** Kinds with no type inside: an enum's members are values, and a ref is not followed. */
const leafKinds = { unknown: true, never: true, primitive: true, binary: true, enum: true, ref: true } satisfies Partial<Record<TypeModel["kind"], true>>;

function isLeaf(type: TypeModel): type is Extract<TypeModel, { kind: keyof typeof leafKinds }> {
  return Object.hasOwn(leafKinds, type.kind);
}

