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
  if (test(type)) return true;
  const some = (child: TypeModel): boolean => someTypeNode(child, test);
  switch (type.kind) {
    case "array":
      return some(type.items);
    case "tuple":
      return type.items.some(some) || (type.rest !== null && some(type.rest));
    case "object": {
      const additional = type.additionalProperties;
      return type.properties.some((property) => some(property.type)) || (typeof additional === "object" && some(additional));
    }
    case "record":
      return some(type.keys) || some(type.values);
    case "union":
    case "intersection":
      return type.members.some(some);
    case "nullable":
      return some(type.type);
    default:
      return false;
  }
}
