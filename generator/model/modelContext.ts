import type { PagingSetting } from "../shared/pagingSchemes.js";
import type { SpecLocation, SpecWarning } from "../shared/specError.js";
import type { NameLock } from "../naming/nameLock.js";
import { createNameScope, type NameScope } from "../naming/nameScope.js";
import type { ExampleModel, NamedTypeDraft } from "./apiModel.js";
import type { PagingDecision } from "./pagination.js";

/** What the model builders share while walking one API. Created per run: no module state. */
export interface ModelContext {
  /** Dereferenced component schema object -> its type name (identity survives dereferencing). */
  componentNames: Map<object, string>;
  /** Dereferenced component schema object -> its name in the spec (discriminators name components this way). */
  componentSpecNames: Map<object, string>;
  /** Top-level TypeScript names of the API, keyed by JSON pointer (types) or `METHOD path` (operations). */
  scope: NameScope;
  /** The name lock read with the spec. */
  lock: NameLock;
  /** One scope per enum (keyed by the enum schema's pointer), for its const-object member names. */
  enumScopes: Map<string, NameScope>;
  /** Named types in declaration order: components first, then hoisted inline types. */
  types: NamedTypeDraft[];
  examples: ExampleModel[];
  warnings: SpecWarning[];
  /** Inline schemas being converted right now; re-entering one is a cycle with no name to break it. */
  inProgress: Set<object>;
  /** The idempotency-key header the API's settings name for its writes (see `idempotencyKey.ts`). */
  idempotencyHeader?: string | undefined;
  locate(pointer: string): SpecLocation;
  /** From the config, by `METHOD path`: a forced paging scheme, or "off". */
  pagingSettings: Readonly<Record<string, PagingSetting>>;
  /** Every operation's paging decision, by `METHOD path` (the bench counts them). */
  pagingDecisions: Map<string, PagingDecision>;
}

export function warn(context: ModelContext, pointer: string, message: string): void {
  context.warnings.push({ location: context.locate(pointer), message });
}

/** Not a fault of the spec, but something a user of the client should know. */
export function note(context: ModelContext, pointer: string, message: string): void {
  context.warnings.push({ location: context.locate(pointer), message, level: "note" });
}

/** The member-name scope of the enum at `pointer`, seeded with that enum's locked member names. */
export function enumMemberScope(context: ModelContext, pointer: string): NameScope {
  const scope = createNameScope([], new Map(Object.entries(context.lock.enumMembers[pointer] ?? {})));
  context.enumScopes.set(pointer, scope);
  return scope;
}
