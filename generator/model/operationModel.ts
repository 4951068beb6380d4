import { toJsonPointer } from "../load/jsonPointer.js";
import { isJsonObject, type JsonObject } from "../load/walkJson.js";
import { toPascalCase, toTypeScriptIdentifier } from "../naming/identifiers.js";
import { createNameScope, type NameScope } from "../naming/nameScope.js";
import { operationName } from "../naming/operationName.js";
import type {
  HttpMethod,
  OperationModel,
  ParameterModel,
  RequestBodyModel,
  ResponseModel,
  TypeModel,
} from "./apiModel.js";
import { docModel } from "./docModel.js";
import { warn, type ModelContext } from "./modelContext.js";
import { recordExamples } from "./recordExamples.js";
import { schemaToType } from "./schemaToType.js";

const methods: readonly HttpMethod[] = ["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"];
const parameterLocations = new Set(["path", "query", "header", "cookie"]);

/** Every operation in spec order: paths as written, methods in a fixed order. */
export function operationModels(document: JsonObject, context: ModelContext): OperationModel[] {
  const paths = isJsonObject(document["paths"]) ? document["paths"] : {};
  const globalSecurity = securityAlternatives(document["security"]);
  const operations: OperationModel[] = [];
  for (const [path, pathItem] of Object.entries(paths)) {
    if (!isJsonObject(pathItem)) continue;
    for (const method of methods) {
      const operation = pathItem[method.toLowerCase()];
      if (!isJsonObject(operation)) continue;
      const pointer = toJsonPointer(["paths", path, method.toLowerCase()]);
      const route = { path, method, pointer, pathItem, globalSecurity };
      operations.push(operationModel(operation, route, context));
    }
  }
  return operations;
}

interface Route {
  path: string;
  method: HttpMethod;
  pointer: string;
  pathItem: JsonObject;
  globalSecurity: string[][];
}

function operationModel(operation: JsonObject, route: Route, context: ModelContext): OperationModel {
  const operationId = typeof operation["operationId"] === "string" ? operation["operationId"] : undefined;
  const name = context.scope.claim(operationName({ method: route.method, path: route.path, ...(operationId ? { operationId } : {}) }));
  const typePrefix = toPascalCase(name);
  const propertyNames = createNameScope();
  const declared = parameterModels(operation, route, { context, typePrefix, propertyNames });
  const parameters = [...declared, ...undeclaredPathParameters(route, declared, { context, typePrefix, propertyNames })];
  const body = requestBodyModel(operation["requestBody"], route, { context, typePrefix, propertyNames });
  const responses = responseModels(operation["responses"], route, { context, typePrefix });
  const takesInput = parameters.length > 0 || body !== undefined;
  const hasErrors = responses.some((response) => !isSuccess(response.status));
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
  };
}

interface OperationScope {
  context: ModelContext;
  typePrefix: string;
  propertyNames: NameScope;
}

/** Path-item parameters apply unless the operation redefines the same name and location. */
function parameterModels(operation: JsonObject, route: Route, scope: OperationScope): ParameterModel[] {
  const own = listed(operation["parameters"]).map((parameter, index) => ({ parameter, pointer: `${route.pointer}/parameters/${index}` }));
  const inherited = listed(route.pathItem["parameters"])
    .map((parameter, index) => ({ parameter, pointer: `${route.pointer.replace(/\/[^/]+$/, "")}/parameters/${index}` }))
    .filter(({ parameter }) => !own.some((entry) => sameParameter(entry.parameter, parameter)));
  return [...inherited, ...own]
    .filter(({ parameter }) => parameterLocations.has(String(parameter["in"])))
    .map(({ parameter, pointer }) => parameterModel(parameter, pointer, scope));
}

function parameterModel(parameter: JsonObject, pointer: string, scope: OperationScope): ParameterModel {
  const wireName = String(parameter["name"]);
  const schema = parameter["schema"] ?? firstMediaSchema(parameter["content"]);
  const typeSite = { pointer: `${pointer}/schema`, nameHint: scope.typePrefix + toPascalCase(wireName) };
  const type = schemaToType(schema, typeSite, scope.context);
  recordExamples(parameter, pointer, type, scope.context);
  return {
    name: scope.propertyNames.claim(toTypeScriptIdentifier(wireName, "camel")),
    wireName,
    in: parameter["in"] as ParameterModel["in"],
    required: parameter["required"] === true || parameter["in"] === "path",
    type,
    doc: { ...docModel(isJsonObject(schema) ? schema : {}, wireName), ...docModel(parameter, wireName) },
  };
}

function requestBodyModel(requestBody: unknown, route: Route, scope: OperationScope): RequestBodyModel | undefined {
  if (!isJsonObject(requestBody)) return undefined;
  const media = preferredMedia(requestBody["content"]);
  if (media === undefined) return undefined;
  const pointer = `${route.pointer}/requestBody/content/${toJsonPointer([media.contentType]).slice(1)}`;
  const site = { pointer: `${pointer}/schema`, nameHint: `${scope.typePrefix}Body` };
  const type = schemaToType(media.node["schema"], site, scope.context);
  recordExamples(media.node, pointer, type, scope.context);
  return {
    name: scope.propertyNames.claim("body"),
    required: requestBody["required"] === true,
    contentType: media.contentType,
    type,
    doc: docModel(requestBody),
  };
}

function responseModels(responses: unknown, route: Route, scope: Omit<OperationScope, "propertyNames">): ResponseModel[] {
  if (!isJsonObject(responses)) return [];
  return Object.entries(responses)
    .filter((entry): entry is [string, JsonObject] => isJsonObject(entry[1]))
    .map(([status, response]) => {
      const description = typeof response["description"] === "string" ? response["description"] : undefined;
      const base = { status, ...(description === undefined ? {} : { description }) };
      const media = preferredMedia(response["content"]);
      if (media === undefined) return { ...base, type: null };
      const pointer = `${route.pointer}/responses/${status}/content/${toJsonPointer([media.contentType]).slice(1)}`;
      const suffix = isSuccess(status) ? "Response" : `Error${status}`;
      const site = { pointer: `${pointer}/schema`, nameHint: scope.typePrefix + suffix };
      const type = schemaToType(media.node["schema"], site, scope.context);
      recordExamples(media.node, pointer, type, scope.context);
      return { ...base, contentType: media.contentType, type };
    });
}

export function isSuccess(status: string): boolean {
  return /^2(\d\d|XX)$/i.test(status);
}

/** JSON first (the client's default), otherwise the first declared media type. */
function preferredMedia(content: unknown): { contentType: string; node: JsonObject } | undefined {
  if (!isJsonObject(content)) return undefined;
  const entries = Object.entries(content).filter((entry): entry is [string, JsonObject] => isJsonObject(entry[1]));
  const json = entries.find(([contentType]) => /^application\/(.+\+)?json\b/i.test(contentType));
  const chosen = json ?? entries[0];
  return chosen === undefined ? undefined : { contentType: chosen[0], node: chosen[1] };
}

function firstMediaSchema(content: unknown): unknown {
  return preferredMedia(content)?.node["schema"];
}


/** A `{name}` in the path that no parameter declares still has to be filled: it becomes a required string. */
function undeclaredPathParameters(route: Route, parameters: ParameterModel[], scope: OperationScope): ParameterModel[] {
  const inTemplate = [...route.path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]!);
  const declared = parameters.filter((parameter) => parameter.in === "path").map((parameter) => parameter.wireName);
  for (const name of declared.filter((name) => !inTemplate.includes(name))) {
    warn(scope.context, route.pointer, `path parameter "${name}" is declared but not in the path ${route.path}`);
  }
  return inTemplate
    .filter((name, index) => !declared.includes(name) && inTemplate.indexOf(name) === index)
    .map((wireName) => {
      warn(scope.context, route.pointer, `path parameter {${wireName}} is not declared; it is typed as string`);
      const name = scope.propertyNames.claim(toTypeScriptIdentifier(wireName, "camel"));
      return { name, wireName, in: "path", required: true, type: { kind: "primitive", name: "string" }, doc: {} };
    });
}

function securityAlternatives(security: unknown): string[][] {
  if (!Array.isArray(security)) return [];
  return security.filter(isJsonObject).map((requirement) => Object.keys(requirement));
}

function sameParameter(a: JsonObject, b: JsonObject): boolean {
  return a["name"] === b["name"] && a["in"] === b["in"];
}

function listed(value: unknown): JsonObject[] {
  return Array.isArray(value) ? value.filter(isJsonObject) : [];
}
