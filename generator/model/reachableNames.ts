import type { NamedTypeDraft, OperationModel, TypeModel } from "./apiModel.js";
import { referencedNames } from "./walkTypeModel.js";

/**
 * Named types `roots` mention, directly or through the named types they mention (each followed
 * once, so cycles end). A name no type in `types` declares is reached but leads nowhere.
 */
export function reachableNames(types: readonly NamedTypeDraft[], roots: readonly TypeModel[]): Set<string> {
  const byName = new Map(types.map((named) => [named.name, named.type]));
  const reached = new Set<string>();
  const pending = [...roots];
  for (let type = pending.pop(); type !== undefined; type = pending.pop()) {
    for (const name of referencedNames(type)) {
      if (reached.has(name)) continue;
      reached.add(name);
      const target = byName.get(name);
      if (target !== undefined) pending.push(target);
    }
  }
  return reached;
}

/** The types a caller sends: parameters and request bodies. */
export function requestTypes(operations: readonly OperationModel[]): TypeModel[] {
  return operations.flatMap((operation) => [
    ...operation.parameters.map((parameter) => parameter.type),
    ...(operation.body?.contents.map((content) => content.type) ?? []),
  ]);
}

/** The types a caller receives: every response with a body, errors included. */
export function responseTypes(operations: readonly OperationModel[]): TypeModel[] {
  return operations.flatMap((operation) => operation.responses.flatMap((response) => (response.type === null ? [] : [response.type])));
}
