import type { NameLock } from "../naming/nameLock.js";
import type { ApiModel } from "./apiModel.js";
import type { ModelContext } from "./modelContext.js";
import { operationKey } from "./operationModel.js";

/**
 * The lock to commit after this run: every keyed name handed out (types by pointer, operations by
 * `METHOD path`, members of named enums). Notes say what a reviewer should know: entries whose
 * entity left the spec, and operations whose operationId changed while their name was kept.
 */
export function nextNameLock(context: ModelContext, model: ApiModel): { lock: NameLock; notes: string[] } {
  const assigned = [...context.scope.assigned()];
  const operationIds = new Map(model.operations.map((operation) => [operationKey(operation), operation.operationId]));
  const operations: NameLock["operations"] = {};
  const types: NameLock["types"] = {};
  for (const [key, name] of assigned) {
    if (key.startsWith("/")) types[key] = name;
    else {
      const operationId = operationIds.get(key);
      operations[key] = operationId === undefined ? { name } : { name, operationId };
    }
  }
  const namedEnums = new Set(model.types.map((type) => type.location.pointer).filter((pointer) => pointer !== undefined));
  const enumMembers = Object.fromEntries(
    [...context.enumScopes]
      .filter(([pointer, scope]) => namedEnums.has(pointer) && scope.assigned().size > 0)
      .map(([pointer, scope]) => [pointer, Object.fromEntries(scope.assigned())]),
  );
  const resources = Object.fromEntries(
    model.resourceClient.methods.map((method) => [method.key, { resource: method.resource.join("."), method: method.method }]),
  );
  const lock = { operations, types, enumMembers, resources };
  return { lock, notes: lockNotes(context.lock, lock) };
}

function lockNotes(previous: NameLock, next: NameLock): string[] {
  const notes: string[] = [];
  for (const [key, entry] of Object.entries(previous.operations)) {
    const now = next.operations[key];
    if (now === undefined) notes.push(`operation ${key} (${entry.name}) is no longer in the spec`);
    else if (entry.operationId !== undefined && now.operationId !== entry.operationId) {
      notes.push(`operation ${key}: operationId changed from "${entry.operationId}" to "${now.operationId ?? "(none)"}"; the function keeps its name ${now.name}`);
    }
  }
  for (const [key, name] of Object.entries(previous.types)) {
    if (next.types[key] === undefined) notes.push(`type ${name} (${key}) is no longer in the spec`);
  }
  return notes;
}
