import type { NamedTypeDraft, NamedTypeModel } from "./apiModel.js";

/** How the client declares a named type, decided once for models.ts and the API surface alike. */
export function declaredType(draft: NamedTypeDraft): NamedTypeModel {
  const { type } = draft;
  if (type.kind === "enum") return { ...draft, declaration: "enum", type };
  // An object with no declared members reads better (and checks better) as a Record alias than as `{}`.
  if (type.kind === "object" && (type.properties.length > 0 || typeof type.additionalProperties === "object")) {
    return { ...draft, declaration: "interface", type };
  }
  return { ...draft, declaration: "alias" };
}
