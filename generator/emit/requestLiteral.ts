import type { BodyContentModel, OperationModel, ParameterModel, ResponseModel, ServerModel } from "../model/apiModel.js";
import { toObjectLiteralKey } from "../naming/identifiers.js";
import { toStringLiteral } from "./escape.js";

/** The OperationRequest object literal handed to the runtime, and the runtime helpers it uses. */
export interface RequestLiteral {
  text: string;
  runtimeValues: string[];
}

const parameterFields = [
  ["path", "pathParams"],
  ["query", "query"],
  ["header", "headers"],
  ["cookie", "cookies"],
] as const;

export function requestLiteral(operation: OperationModel): RequestLiteral {
  const runtimeValues: string[] = [];
  const use = (name: string, expression: string) => {
    runtimeValues.push(name);
    return expression;
  };
  const fields = [`method: ${toStringLiteral(operation.method)}`, `path: ${toStringLiteral(operation.path)}`];
  if (operation.server !== undefined) fields.push(`server: ${serverLiteral(operation.server)}`);
  for (const [location, field] of parameterFields) {
    const entries = operation.parameters.filter((parameter) => parameter.in === location);
    if (entries.length > 0) fields.push(`${field}: { ${entries.map((parameter) => parameterEntry(parameter, use)).join(", ")} }`);
  }
  const body = operation.body;
  if (body !== undefined) {
    const sets = body.sets === undefined ? "" : `, ${toObjectLiteralKey(body.sets.key)}: ${body.sets.value}`;
    fields.push(sets === "" ? `body: params.${body.name}` : `body: { ...params.${body.name}${sets} }`);
    const encoder = bodyEncoder(body.contents, body.contentTypeName, use);
    if (encoder !== undefined) fields.push(`encodeBody: ${encoder}`);
  }
  const decoder = responseDecoder(operation.responses, use);
  if (decoder !== undefined) fields.push(`decodeResponse: ${decoder}`);
  const alternatives = operation.security.map((alternative) => `[${alternative.map(toStringLiteral).join(", ")}]`);
  fields.push(`security: [${alternatives.join(", ")}]`);
  // A paged operation's next page may be a URL the server gave (paging.ts passes it in scope as `url`).
  if (operation.paging !== undefined) fields.push("url");
  return { text: `{ ${fields.join(", ")} }`, runtimeValues };
}

type Use = (runtimeName: string, expression: string) => string;

/** `{ url, variables }` with the defaults the spec gives; a variable without one is the caller's to set. */
function serverLiteral(server: ServerModel): string {
  const defaults = server.variables.flatMap((variable) =>
    variable.default === undefined ? [] : [`${toObjectLiteralKey(variable.name)}: ${toStringLiteral(variable.default)}`],
  );
  const variables = defaults.length === 0 ? "" : `, variables: { ${defaults.join(", ")} }`;
  return `{ url: ${toStringLiteral(server.url)}${variables} }`;
}

/** Query styles other than form+explode are serialized by small runtime helpers, imported only when used. */
function parameterEntry(parameter: ParameterModel, use: Use): string {
  const key = toObjectLiteralKey(parameter.wireName);
  const value = `params.${parameter.name}`;
  if (parameter.in !== "query") return `${key}: ${value}`;
  switch (parameter.style) {
    case "deepObject":
      return `...${use("deepObject", `deepObject(${toStringLiteral(parameter.wireName)}, ${value})`)}`;
    case "spaceDelimited":
      return `${key}: ${use("joinDelimited", `joinDelimited(${value}, " ")`)}`;
    case "pipeDelimited":
      return `${key}: ${use("joinDelimited", `joinDelimited(${value}, "|")`)}`;
    default:
      return parameter.explode ? `${key}: ${value}` : `${key}: ${use("joinDelimited", `joinDelimited(${value}, ",")`)}`;
  }
}

/** Plain `application/json` is the runtime's default and needs no encoder. */
function bodyEncoder(contents: BodyContentModel[], contentTypeName: string | undefined, use: Use): string | undefined {
  if (contentTypeName === undefined) {
    const [only] = contents;
    return only === undefined || isDefaultJson(only) ? undefined : encoderFor(only, use);
  }
  const entries = contents.map((content) => `${toStringLiteral(content.contentType)}: ${encoderFor(content, use, true)}`);
  return `{ ${entries.join(", ")} }[params.${contentTypeName} ?? ${toStringLiteral(contents[0]!.contentType)}]`;
}

function isDefaultJson(content: BodyContentModel): boolean {
  return content.kind === "json" && content.contentType.toLowerCase() === "application/json";
}

function encoderFor(content: BodyContentModel, use: Use, explicitJson = false): string {
  const type = toStringLiteral(content.contentType);
  switch (content.kind) {
    case "json":
      return explicitJson || !isDefaultJson(content) ? use("jsonBody", `jsonBody(${type})`) : "undefined";
    case "form":
      return use("formBody", "formBody");
    case "multipart":
      return use("multipartBody", "multipartBody");
    case "binary":
      return use("binaryBody", `binaryBody(${type})`);
    case "text":
      return use("textBody", `textBody(${type})`);
  }
}

/**
 * JSON is the runtime's default; other success kinds need a decoder. An operation that declares
 * only empty successes reads none (the runtime would insist on JSON otherwise).
 */
function responseDecoder(responses: ResponseModel[], use: Use): string | undefined {
  const success = responses.filter((response) => response.success);
  const read = success.find((response) => response.kind !== "empty");
  const kind = read?.kind ?? (success.length > 0 ? "empty" : undefined);
  switch (kind) {
    case "empty":
      return use("emptyResponse", "emptyResponse");
    case "text":
      return use("textResponse", "textResponse");
    case "binary":
      return use("blobResponse", "blobResponse");
    case "sse":
      return sseDecoder(read?.eventStream?.sentinels ?? [], use);
    case "ndjson":
      return use("ndjsonResponse", "ndjsonResponse");
    default:
      return undefined;
  }
}

/** The runtime's `sseResponse` ends at "[DONE]"; a spec naming other end-of-stream values gets a decoder ending at those. */
function sseDecoder(sentinels: readonly string[], use: Use): string {
  if (sentinels.length === 0 || (sentinels.length === 1 && sentinels[0] === "[DONE]")) return use("sseResponse", "sseResponse");
  return use("sseResponseUntil", `sseResponseUntil([${sentinels.map(toStringLiteral).join(", ")}])`);
}
