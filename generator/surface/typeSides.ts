import type { ApiModel, TypeModel } from "../model/apiModel.js";
import { referencedNames } from "../model/walkTypeModel.js";

/**
 * Which way a named type's values travel: sent by callers ("request": reachable from params or
 * bodies), received by them ("response": reachable from responses, errors included), both, or
 * neither ("unused": exported but not reachable from any operation).
 */
export type TypeSide = "request" | "response" | "both" | "unused";

export function typeSides(model: ApiModel): Map<string, TypeSide> {
  const requestRoots = model.operations.flatMap((operation) => [
    ...operation.parameters.map((parameter) => parameter.type),
    ...(operation.body?.contents.map((content) => content.type) ?? []),
  ]);
  const responseRoots = model.operations.flatMap((operation) =>
    operation.responses.flatMap((response) => (response.type === null ? [] : [response.type])),
  );
  const request = reachableNames(model, requestRoots);
  const response = reachableNames(model, responseRoots);
  return new Map(model.types.map((named) => [named.name, sideOf(request.has(named.name), response.has(named.name))]));
}

function sideOf(request: boolean, response: boolean): TypeSide {
  if (request && response) return "both";
  if (request) return "request";
  return response ? "response" : "unused";
}

/** Named types mentioned by `roots`, directly or through other named types. */
function reachableNames(model: ApiModel, roots: readonly TypeModel[]): Set<string> {
  const byName = new Map(model.types.map((named) => [named.name, named.type]));
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
