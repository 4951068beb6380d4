import { compareOrdinal } from "../shared/compareOrdinal.js";
import { toJsonPointer } from "../load/jsonPointer.js";
import { isJsonObject, type JsonObject } from "../load/walkJson.js";
import { toTypeScriptIdentifier } from "../naming/identifiers.js";
import { createNameScope } from "../naming/nameScope.js";
import { operationName } from "../naming/operationName.js";
import type { HttpMethod, OperationModel, RequestBodyModel } from "./apiModel.js";
import { docModel } from "./docModel.js";
import { idempotencyKey } from "./idempotencyKey.js";
import { note, warn, type ModelContext } from "./modelContext.js";
import type { OperationScope, Route } from "./operationScope.js";
import { operationPaging } from "./operationPaging.js";
import { parameterModels, undeclaredPathParameters } from "./parameterModels.js";
import { requestBodyModel } from "./requestBodyModel.js";
import { offersStreamAndJson, responseModels } from "./responseModels.js";
import { documentServerUrl, operationServer } from "./servers.js";
import { streamSwitchKey, switchedBody } from "./streamSwitch.js";

const methods: readonly HttpMethod[] = ["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"];

/** Every operation, by path then method: reordering the spec's paths must not reorder the output. */
export function operationModels(document: JsonObject, context: ModelContext): OperationModel[] {
  const paths = isJsonObject(document["paths"]) ? document["paths"] : {};
  const globalSecurity = securityAlternatives(document["security"]);
  const serverUrl = documentServerUrl(document);
  const operations: OperationModel[] = [];
  for (const [path, pathItem] of Object.entries(paths).sort(([a], [b]) => compareOrdinal(a, b))) {
    if (!isJsonObject(pathItem)) continue;
    for (const method of methods) {
      const operation = pathItem[method.toLowerCase()];
      if (!isJsonObject(operation)) continue;
      const pointer = toJsonPointer(["paths", path, method.toLowerCase()]);
      // fetch refuses TRACE outright (a forbidden method), so no function could ever succeed.
      if (method === "TRACE") {
        warn(context, pointer, "fetch cannot send a TRACE request; the operation is left out of the client");
        continue;
      }
      const route = { path, method, pointer, pathItem, globalSecurity, documentServerUrl: serverUrl };
      operations.push(...operationVariants(operation, route, context));
    }
  }
  return operations;
}

/**
 * An operation whose success response is JSON or a stream (chat completions with `stream: true`)
 * becomes two functions: the plain one reads JSON, `<name>Stream` reads the stream. They share
 * their params and error types.
 */
function operationVariants(operation: JsonObject, route: Route, context: ModelContext): OperationModel[] {
  if (isWebSocket(operation)) return [webSocketModel(operation, route, context)];
  const base = operationModel(operation, route, context);
  if (!offersStreamAndJson(operation["responses"])) return [base];
  const name = context.scope.claim(`${base.name}Stream`);
  const typePrefix = toTypeScriptIdentifier(name, "pascal");
  const responses = responseModels(operation["responses"], route, { context, typePrefix }, "stream");
  // The stream twin reads events, not pages.
  const { paging: _paging, ...plain } = base;
  const twin = { ...plain, name, resultTypeName: context.scope.claim(`${typePrefix}Result`), responses };
  const key = base.body === undefined ? undefined : streamSwitchKey(operation["requestBody"]);
  if (key === undefined || base.body === undefined) return [base, twin];
  // The twins now differ in their bodies, so each gets its own params type.
  const twinParams = context.scope.claim(`${typePrefix}Params`);
  return [
    { ...base, body: switchedBody(base.body, key, false) },
    { ...twin, paramsTypeName: twinParams, body: switchedBody(base.body, key, true) },
  ];
}

/** `101 Switching Protocols`: a WebSocket handshake, which fetch cannot make. */
function isWebSocket(operation: JsonObject): boolean {
  return isJsonObject(operation["responses"]) && Object.hasOwn(operation["responses"], "101");
}

/**
 * A WebSocket operation becomes a function returning its handshake URL: only path and query
 * parameters can travel in it, and no body or response is read over HTTP.
 */
function webSocketModel(operation: JsonObject, route: Route, context: ModelContext): OperationModel {
  const model = operationModel({ ...operation, requestBody: undefined, responses: {} }, route, context, "Url");
  const parameters = model.parameters.filter((parameter) => parameter.in === "path" || parameter.in === "query");
  const { paramsTypeName, ...rest } = model;
  const left = model.parameters.filter((parameter) => !parameters.includes(parameter)).map((parameter) => `${parameter.in} ${parameter.wireName}`);
  const dropped = left.length === 0 ? "" : `; left out, since a browser cannot send them in the handshake: ${left.join(", ")}`;
  const call = `${model.name}(client${parameters.length > 0 ? ", params" : ""})`;
  note(context, route.pointer, `${route.method} ${route.path} answers 101 Switching Protocols (WebSocket): ${call} returns its handshake URL${dropped}`);
  return { ...rest, parameters, ...(parameters.length > 0 && paramsTypeName !== undefined ? { paramsTypeName } : {}), websocket: true };
}

function operationModel(operation: JsonObject, route: Route, context: ModelContext, suffix = ""): OperationModel {
  const operationId = typeof operation["operationId"] === "string" ? operation["operationId"] : undefined;
  const desired = operationName({ method: route.method, path: route.path, ...(operationId ? { operationId } : {}) });
  const name = context.scope.claim(desired + suffix, operationKey(route));
  const typePrefix = toTypeScriptIdentifier(name, "pascal");
  const propertyNames = createNameScope();
  const declared = parameterModels(operation, route, { context, typePrefix, propertyNames });
  const all = [...declared, ...undeclaredPathParameters(route, declared, { context, typePrefix, propertyNames })];
  const { header: keyHeader, parameters } = idempotencyKey(all, route.method, context.idempotencyHeader);
  const body = sendableBody(operation["requestBody"], route, { context, typePrefix, propertyNames });
  const responses = responseModels(operation["responses"], route, { context, typePrefix }, "json");
  const takesInput = parameters.length > 0 || body !== undefined;
  const hasErrors = responses.some((response) => !response.success);
  const server = operationServer(route, operation, context);
  const paging = suffix === "" ? operationPaging(operation, route, parameters, context) : undefined;
  return {
    name,
    ...(operationId === undefined ? {} : { operationId }),
    method: route.method,
    path: route.path,
    doc: docModel(operation),
    ...(takesInput ? { paramsTypeName: context.scope.claim(`${typePrefix}Params`) } : {}),
    parameters,
    ...(body === undefined ? {} : { body }),
    resultTypeName: context.scope.claim(`${typePrefix}Result`),
    responses,
    ...(hasErrors ? { errorTypeName: context.scope.claim(`${typePrefix}Error`) } : {}),
    security: operation["security"] === undefined ? route.globalSecurity : securityAlternatives(operation["security"]),
    location: context.locate(route.pointer),
    ...(server === undefined ? {} : { server }),
    ...(keyHeader === undefined ? {} : { idempotencyKey: keyHeader }),
    ...(paging === undefined ? {} : { paging }),
  };
}

/** fetch refuses a body on GET and HEAD, so a declared one is left out (with a warning) rather than offered in vain. */
function sendableBody(requestBody: unknown, route: Route, scope: OperationScope): RequestBodyModel | undefined {
  if (requestBody === undefined || (route.method !== "GET" && route.method !== "HEAD")) return requestBodyModel(requestBody, route, scope);
  warn(scope.context, `${route.pointer}/requestBody`, `a ${route.method} request cannot carry a body (fetch refuses one); the body is left out of the generated function`);
  return undefined;
}

/** What identifies an operation across spec versions: its method and path, not its operationId. */
export function operationKey(route: { method: string; path: string }): string {
  return `${route.method} ${route.path}`;
}

function securityAlternatives(security: unknown): string[][] {
  if (!Array.isArray(security)) return [];
  return security.filter(isJsonObject).map((requirement) => Object.keys(requirement));
}
