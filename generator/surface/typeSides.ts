import type { ApiModel } from "../model/apiModel.js";
import { reachableNames, requestTypes, responseTypes } from "../model/reachableNames.js";

/**
 * Which way a named type's values travel: sent by callers ("request": reachable from params or
 * bodies), received by them ("response": reachable from responses, errors included), both, or
 * neither ("unused": exported but not reachable from any operation).
 */
export type TypeSide = "request" | "response" | "both" | "unused";

export function typeSides(model: ApiModel): Map<string, TypeSide> {
  const request = reachableNames(model.types, requestTypes(model.operations));
  const response = reachableNames(model.types, responseTypes(model.operations));
  return new Map(model.types.map((named) => [named.name, sideOf(request.has(named.name), response.has(named.name))]));
}

function sideOf(request: boolean, response: boolean): TypeSide {
  if (request && response) return "both";
  if (request) return "request";
  return response ? "response" : "unused";
}
