import { toTypeScriptIdentifier } from "./identifiers.js";

export interface OperationIdentity {
  operationId?: string;
  method: string;
  path: string;
}

/**
 * The function name for an operation.
 *
 * 1. FastAPI builds operationIds as `<handler><path with every non-word char as "_">_<method>`
 *    (`get_endpoint_status_route_management_v1_endpoints__endpoint_id__get`). When an
 *    operationId ends with exactly that suffix, it is removed, and so is a trailing
 *    `_route` (the handler naming convention), leaving `get_endpoint_status`.
 * 2. What remains is camelCased: `getEndpointStatus`. Clean ids (`getEndpoint`) are unchanged.
 * 3. Without an operationId: method + path words, parameters as `By<Name>`
 *    (`GET /endpoints/{id}` -> `getEndpointsById`).
 */
export function operationName(operation: OperationIdentity): string {
  const id = operation.operationId?.trim();
  if (id === undefined || id === "") return nameFromRoute(operation);
  return toTypeScriptIdentifier(stripFastApiSuffix(id, operation), "camel");
}

function stripFastApiSuffix(id: string, operation: OperationIdentity): string {
  const suffix = operation.path.replace(/\W/g, "_") + "_" + operation.method.toLowerCase();
  if (!id.endsWith(suffix) || id.length === suffix.length) return id;
  const handler = id.slice(0, -suffix.length);
  return handler.endsWith("_route") && handler.length > "_route".length ? handler.slice(0, -"_route".length) : handler;
}

function nameFromRoute(operation: OperationIdentity): string {
  const words = operation.path
    .split("/")
    .filter((segment) => segment !== "")
    .map((segment) => segment.replace(/\{([^}]*)\}/g, " by $1 "));
  return toTypeScriptIdentifier([operation.method.toLowerCase(), ...words].join(" "), "camel");
}
