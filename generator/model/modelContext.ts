import type { SpecLocation, SpecWarning } from "../load/specError.js";
import type { NameScope } from "../naming/nameScope.js";
import type { ExampleModel, NamedTypeModel } from "./apiModel.js";

/** What the model builders share while walking one API. Created per run: no module state. */
export interface ModelContext {
  /** Dereferenced component schema object -> its type name (identity survives dereferencing). */
  componentNames: Map<object, string>;
  /** Dereferenced component schema object -> its name in the spec (discriminators name components this way). */
  componentSpecNames: Map<object, string>;
  /** Top-level TypeScript names of the API. */
  scope: NameScope;
  /** Named types in declaration order: components first, then hoisted inline types. */
  types: NamedTypeModel[];
  examples: ExampleModel[];
  warnings: SpecWarning[];
  /** Inline schemas being converted right now; re-entering one is a cycle with no name to break it. */
  inProgress: Set<object>;
  locate(pointer: string): SpecLocation;
}

export function warn(context: ModelContext, pointer: string, message: string): void {
  context.warnings.push({ location: context.locate(pointer), message });
}
