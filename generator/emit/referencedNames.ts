import type { TypeModel } from "../model/apiModel.js";
import { assertNever } from "./typeExpression.js";

/** Names of the named types a type expression mentions, so a file imports exactly what it uses. */
export function referencedNames(type: TypeModel, into: Set<string> = new Set()): Set<string> {
  switch (type.kind) {
    case "unknown":
    case "never":
    case "primitive":
    case "binary":
    case "enum":
      return into;
    case "tuple":
      for (const item of type.items) referencedNames(item, into);
      return type.rest === null ? into : referencedNames(type.rest, into);
    case "record":
      return referencedNames(type.values, referencedNames(type.keys, into));
    case "ref":
      return into.add(type.name);
    case "array":
      return referencedNames(type.items, into);
    case "nullable":
      return referencedNames(type.type, into);
    case "object":
      for (const property of type.properties) referencedNames(property.type, into);
      if (typeof type.additionalProperties === "object") referencedNames(type.additionalProperties, into);
      return into;
    case "union":
    case "intersection":
      for (const member of type.members) referencedNames(member, into);
      return into;
    default:
      return assertNever(type);
  }
}
