import { compareOrdinal } from "../compareOrdinal.js";
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
import { bodyKind, isJsonMediaType, responseKind } from "./mediaTypes.js";
import { recordExamples } from "./recordExamples.js";
import { schemaToType } from "./schemaToType.js";

const methods: readonly HttpMethod[] = ["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"];
const parameterLocations = new Set(["path", "query", "header", "cookie"]);

/** Every operation, by path then method: reordering the spec's paths must not reorder the output. */
export function operationModels(document: JsonObject, context: ModelContext): OperationModel[] {
  const paths = isJsonObject(document["paths"]) ? document["paths"] : {};
  const globalSecurity = securityAlternatives(document["security"]);
  const operations: OperationModel[] = [];
  for (const [path, pathItem] of Object.entries(paths).sort(([a], [b]) => compareOrdinal(a, b))) {
    if (!isJsonObject(pathItem)) continue;
    for (const method of methods) {
      const operation = pathItem[method.toLowerCase()];
      if (!isJsonObject(operation)) continue;
      const pointer = toJsonPointer(["paths", path, method.toLowerCase()]);
      const route = { path, method, pointer, pathItem, globalSecurity };
      operations.push(...operationVariants(operation, route, context));
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

/**
 * An operation whose success response is JSON or a stream (chat completions with `stream: true`)
 * becomes two functions: the plain one reads JSON, `<name>Stream` reads the stream. They share
 * their params and error types.
 */
function operationVariants(operation: JsonObject, route: Route, context: ModelContext): OperationModel[] {
  const base = operationModel(operation, route, context);
  if (!offersStreamAndJson(operation["responses"])) return [base];
  const name = context.scope.claim(`${base.name}Stream`);
  const typePrefix = toTypeScriptIdentifier(name, "pascal");
  const responses = responseModels(operation["responses"], route, { context, typePrefix }, "stream");
  return [base, { ...base, name, resultTypeName: context.scope.claim(`${typePrefix}Result`), responses }];
}

function operationModel(operation: JsonObject, route: Route, context: ModelContext): OperationModel {
  const operationId = typeof operation["operationId"] === "string" ? operation["operationId"] : undefined;
  const desired = operationName({ method: route.method, path: route.path, ...(operationId ? { operationId } : {}) });
  const name = context.scope.claim(desired, operationKey(route));
  const typePrefix = toTypeScriptIdentifier(name, "pascal");
  const propertyNames = createNameScope();
  const declared = parameterModels(operation, route, { context, typePrefix, propertyNames });
  const parameters = [...declared, ...undeclaredPathParameters(route, declared, { context, typePrefix, propertyNames })];
  const body = requestBodyModel(operation["requestBody"], route, { context, typePrefix, propertyNames });
  const responses = responseModels(operation["responses"], route, { context, typePrefix }, "json");
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

/** What identifies an operation across spec versions: its method and path, not its operationId. */
export function operationKey(route: { method: string; path: string }): string {
  return `${route.method} ${route.path}`;
}

interface TypeScope {
  context: ModelContext;
  typePrefix: string;
}

interface OperationScope extends TypeScope {
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
  const location = parameter["in"] as ParameterModel["in"];
  return {
    name: scope.propertyNames.claim(toTypeScriptIdentifier(wireName, "camel")),
    wireName,
    in: location,
    required: parameter["required"] === true || location === "path",
    ...parameterStyle(parameter, location, pointer, scope.context),
    type,
    doc: { ...docModel(isJsonObject(schema) ? schema : {}, wireName), ...docModel(parameter, wireName) },
  };
}

/** Every media type the body may be sent as, JSON first; each gets its own type (multipart parts differ from JSON). */
function requestBodyModel(requestBody: unknown, route: Route, scope: OperationScope): RequestBodyModel | undefined {
  if (!isJsonObject(requestBody)) return undefined;
  const media = mediaEntries(requestBody["content"]);
  if (media.length === 0) return undefined;
  const contents = media.map(({ contentType, node }, index) => {
    const pointer = `${route.pointer}/requestBody/content/${toJsonPointer([contentType]).slice(1)}`;
    const suffix = index === 0 ? "Body" : `${toPascalCase(bodyKind(contentType))}Body`;
    const site = { pointer: `${pointer}/schema`, nameHint: scope.typePrefix + suffix };
    const type = bodyType(contentType, node, site, scope.context);
    recordExamples(node, pointer, type, scope.context);
    return { contentType, kind: bodyKind(contentType), type };
  });
  return {
    name: scope.propertyNames.claim("body"),
    required: requestBody["required"] === true,
    contents,
    ...(contents.length > 1 ? { contentTypeName: scope.propertyNames.claim("contentType") } : {}),
    doc: docModel(requestBody),
  };
}

/** Binary bodies are bytes whatever their schema says; text bodies are strings. */
function bodyType(contentType: string, node: JsonObject, site: { pointer: string; nameHint: string }, context: ModelContext): TypeModel {
  const kind = bodyKind(contentType);
  if (kind === "binary") return { kind: "binary" };
  if (kind === "text") return { kind: "primitive", name: "string" };
  return schemaToType(node["schema"], site, context);
}

/** Which media type to read when a response offers several: the default client wants JSON, the stream twin a stream. */
type ResponsePreference = "json" | "stream";

function responseModels(responses: unknown, route: Route, scope: TypeScope, preference: ResponsePreference): ResponseModel[] {
  if (!isJsonObject(responses)) return [];
  return Object.entries(responses)
    .filter((entry): entry is [string, JsonObject] => isJsonObject(entry[1]))
    .map(([status, response]) => {
      const description = typeof response["description"] === "string" ? response["description"] : undefined;
      const base = { status, ...(description === undefined ? {} : { description }) };
      const media = chooseResponseMedia(mediaEntries(response["content"]), preference);
      if (media === undefined || status === "204" || status === "205" || route.method === "HEAD") {
        return { ...base, kind: "empty" as const, type: null };
      }
      const pointer = `${route.pointer}/responses/${status}/content/${toJsonPointer([media.contentType]).slice(1)}`;
      const suffix = isSuccess(status) ? (preference === "stream" ? "Event" : "Response") : `Error${status}`;
      const site = { pointer: `${pointer}/schema`, nameHint: scope.typePrefix + suffix };
      const kind = responseKind(media.contentType);
      const type = kind === "binary" ? ({ kind: "binary" } as const) : kind === "text" ? ({ kind: "primitive", name: "string" } as const) : schemaToType(media.node["schema"], site, scope.context);
      if (preference === "json") recordExamples(media.node, pointer, type, scope.context);
      return { ...base, kind, contentType: media.contentType, type };
    });
}

function isStreaming(contentType: string): boolean {
  const kind = responseKind(contentType);
  return kind === "sse" || kind === "ndjson";
}

function chooseResponseMedia(entries: MediaEntry[], preference: ResponsePreference): MediaEntry | undefined {
  const streams = entries.filter((entry) => isStreaming(entry.contentType));
  const others = entries.filter((entry) => !isStreaming(entry.contentType));
  return preference === "stream" ? streams[0] : (others[0] ?? streams[0]);
}

/** True when a success response offers both a stream and something else: the operation gets a `…Stream` twin. */
function offersStreamAndJson(responses: unknown): boolean {
  if (!isJsonObject(responses)) return false;
  return Object.entries(responses).some(([status, response]) => {
    if (!isSuccess(status) || !isJsonObject(response)) return false;
    const types = mediaEntries(response["content"]).map((entry) => entry.contentType);
    return types.some(isStreaming) && types.some((type) => !isStreaming(type));
  });
}

export function isSuccess(status: string): boolean {
  return /^2(\d\d|XX)$/i.test(status);
}

interface MediaEntry {
  contentType: string;
  node: JsonObject;
}

/** The declared media types, JSON ones first (the client's default), otherwise in spec order. */
function mediaEntries(content: unknown): MediaEntry[] {
  if (!isJsonObject(content)) return [];
  const entries = Object.entries(content)
    .filter((entry): entry is [string, JsonObject] => isJsonObject(entry[1]))
    .map(([contentType, node]) => ({ contentType, node }));
  return [...entries.filter((entry) => isJsonMediaType(entry.contentType)), ...entries.filter((entry) => !isJsonMediaType(entry.contentType))];
}

function firstMediaSchema(content: unknown): unknown {
  return mediaEntries(content)[0]?.node["schema"];
}


/**
 * Style and explode with the spec's defaults applied: form + explode for query and cookie,
 * simple for path and header. Label and matrix path styles are not supported (simple is used).
 * @see https://spec.openapis.org/oas/v3.1.0#style-values
 */
function parameterStyle(parameter: JsonObject, location: ParameterModel["in"], pointer: string, context: ModelContext): Pick<ParameterModel, "style" | "explode"> {
  const defaultStyle = location === "query" || location === "cookie" ? "form" : "simple";
  const declared = typeof parameter["style"] === "string" ? parameter["style"] : defaultStyle;
  const supported = ["form", "spaceDelimited", "pipeDelimited", "deepObject", "simple"];
  if (!supported.includes(declared)) warn(context, `${pointer}/style`, `style "${declared}" is not supported; "${defaultStyle}" is used`);
  const style = (supported.includes(declared) ? declared : defaultStyle) as ParameterModel["style"];
  const explode = typeof parameter["explode"] === "boolean" ? parameter["explode"] : style === "form";
  return { style, explode };
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
      const type: TypeModel = { kind: "primitive", name: "string" };
      return { name, wireName, in: "path", required: true, style: "simple", explode: false, type, doc: {} };
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
