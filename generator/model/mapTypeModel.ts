import type { TypeModel } from "./apiModel.js";

/**
 * Rebuilds a type bottom-up, letting `visit` replace any node (after its children were mapped).
 * The one generic walk the model transforms share.
 */
export function mapTypeModel(type: TypeModel, visit: (type: TypeModel) => TypeModel): TypeModel {
  return visit(mapChildren(type, (child) => mapTypeModel(child, visit)));
}

function mapChildren(type: TypeModel, map: (type: TypeModel) => TypeModel): TypeModel {
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
      return { ...type, type: map(type.type) };
    default:
      return type;
  }
}

/**
 * True when some node in the type satisfies `test`; stops at the first that does. A walk, not a
 * map: rebuilding every node just to look at it was most of the cost of the read/write views.
 */
export function someTypeNode(type: TypeModel, test: (type: TypeModel) => boolean): boolean {
  return test(type) || childTypes(type).some((child) => someTypeNode(child, test));
}

const noChildren: readonly TypeModel[] = [];

function childTypes(type: TypeModel): readonly TypeModel[] {
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
      return [type.type];
    default:
      return noChildren;
  }
}
