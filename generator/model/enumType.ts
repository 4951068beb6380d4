import { toTypeScriptIdentifier } from "../naming/identifiers.js";
import type { NameScope } from "../naming/nameScope.js";
import type { Literal, TypeModel } from "./apiModel.js";

/** An enum with a const-object key per value: "rolled_back" -> RolledBack, "" -> Empty, null -> Null, -1.5 -> Minus1_5. */
export function enumType(values: readonly Literal[], scope: NameScope): TypeModel {
  const unique = values.filter((value, index) => values.indexOf(value) === index);
  return {
    kind: "enum",
    members: unique.map((value) => ({ name: scope.claim(enumMemberName(value), JSON.stringify(value)), value })),
  };
}

function enumMemberName(value: Literal): string {
  if (value === null) return "Null";
  if (value === "") return "Empty";
  if (typeof value === "number") return toTypeScriptIdentifier(String(value).replace("-", "Minus").replaceAll(".", "_"), "pascal");
  return toTypeScriptIdentifier(String(value), "pascal");
}
