import type { TypeModel } from "./apiModel.js";

/**
 * The type of a schema whose keyword families each contribute a part: a value must satisfy every
 * part (JSON Schema applies all keywords of a schema at once). `unknown` parts add nothing; the
 * result admits `null` only when every part does.
 */
export function intersectParts(parts: TypeModel[]): TypeModel {
  const typed = parts.filter((part) => part.kind !== "unknown");
  if (typed.length === 0) return { kind: "unknown" };
  if (typed.length === 1) return typed[0]!;
  const allNullable = typed.every((part) => part.kind === "nullable");
  const members = typed.flatMap((part) => flatMembers(part.kind === "nullable" ? part.type : part));
  const intersection: TypeModel = { kind: "intersection", members };
  return allNullable ? { kind: "nullable", type: intersection } : intersection;
}

function flatMembers(part: TypeModel): TypeModel[] {
  return part.kind === "intersection" ? part.members : [part];
}
