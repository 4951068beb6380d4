import type { BodyContentModel, OperationModel, ParameterModel, RequestBodyModel, ResponseModel, ServerModel } from "../model/apiModel.js";
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
    const encoder = bodyEncoder(body, use);
    if (encoder !== undefined) fields.push(`encodeBody: ${encoder}`);
  }
  const decoder = responseDecoder(operation.responses, use);
  if (decoder !== undefined) fields.push(`decodeResponse: ${decoder}`);
  else if (!operation.websocket && mayBeEmpty(operation.responses)) fields.push("mayBeEmpty: true");
  if (operation.idempotencyKey !== undefined) fields.push(`idempotencyKey: ${toStringLiteral(operation.idempotencyKey)}`);
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

/**
 * Every body names its encoder: JSON too, since `jsonBody` refuses a file JSON would turn into `{}` (the
 * runtime's own default, for hand-built requests, is plain JSON). Without the caller's choice, a body
 * holding a file goes as multipart where the operation accepts it.
 */
function bodyEncoder(body: RequestBodyModel, use: Use): string | undefined {
  const { contents, contentTypeName } = body;
  if (contentTypeName === undefined) {
    const [only] = contents;
    return only === undefined ? undefined : encoderFor(only, use);
  }
  const entries = contents.map((content) => `${toStringLiteral(content.contentType)}: ${encoderFor(content, use)}`);
  const first = toStringLiteral(contents[0]!.contentType);
  const multipart = contents.find((content) => content.kind === "multipart");
  const choice =
    multipart === undefined || multipart === contents[0]
      ? first
      : `(${use("hasBinary", `hasBinary(params.${body.name})`)} ? ${toStringLiteral(multipart.contentType)} : ${first})`;
  return `{ ${entries.join(", ")} }[params.${contentTypeName} ?? ${choice}]`;
}

function encoderFor(content: BodyContentModel, use: Use): string {
  const type = toStringLiteral(content.contentType);
  switch (content.kind) {
    case "json":
      return use("jsonBody", `jsonBody(${type})`);
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

/**
 * A JSON result may be an empty body only where the spec allows one: a success without content or
 * without a schema (the result type then includes undefined or is unknown), or no success declared at all.
 */
function mayBeEmpty(responses: ResponseModel[]): boolean {
  const success = responses.filter((response) => response.success);
  return success.length === 0 || success.some((response) => response.kind === "empty" || response.type?.kind === "unknown");
}

/** The runtime's `sseResponse` ends at "[DONE]"; a spec naming other end-of-stream values gets a decoder ending at those. */
function sseDecoder(sentinels: readonly string[], use: Use): string {
  if (sentinels.length === 0 || (sentinels.length === 1 && sentinels[0] === "[DONE]")) return use("sseResponse", "sseResponse");
  return use("sseResponseUntil", `sseResponseUntil([${sentinels.map(toStringLiteral).join(", ")}])`);
}
