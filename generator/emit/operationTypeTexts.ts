import type { OperationModel, RequestBodyModel, ResponseModel } from "../model/apiModel.js";
import { assertNever } from "../shared/assertNever.js";
import { toStringLiteral } from "./escape.js";
import { typeExpression } from "./typeExpression.js";

/**
 * The text of an operation's `<Operation>Result` alias: the union of its 2xx results.
 * Shared by operations.ts and the API surface, so both spell results the same way.
 */
export function resultTypeText(operation: OperationModel): string {
  if (operation.websocket) return "URL";
  const success = operation.responses.filter((response) => response.success);
  if (success.length === 0) return "unknown";
  return [...new Set(success.map(responseResultText))].join(" | ");
}

function responseResultText(response: ResponseModel): string {
  const type = response.type === null ? "undefined" : typeExpression(response.type);
  switch (response.kind) {
    case "sse":
      return `AsyncIterable<${eventTypeText(response, type)}>`;
    case "ndjson":
      return `AsyncIterable<${type}>`;
    case "empty":
      return "undefined";
    case "json":
    case "text":
    case "binary":
      return type;
    default:
      return assertNever(response.kind);
  }
}

/** One yielded event; where the spec's branches name their `event`, a union that narrows `data` by it. */
function eventTypeText(response: ResponseModel, dataType: string): string {
  const events = response.eventStream?.events;
  if (events === undefined) return `ServerSentEvent<${dataType}>`;
  const texts = events.map(({ names, data }) => {
    const name = names.length === 0 ? "" : `, ${names.map(toStringLiteral).join(" | ")}`;
    return `ServerSentEvent<${typeExpression(data)}${name}>`;
  });
  return [...new Set(texts)].join(" | ");
}

/**
 * The text of the params object's body property: the union of its media types' types, a whole
 * binary body as the runtime's `BinaryBody` (a binary field inside a form stays a Blob).
 */
export function bodyTypeText(body: RequestBodyModel): string {
  const types = body.contents.map((content) => (content.kind === "binary" ? "BinaryBody" : typeExpression(content.type)));
  return [...new Set(types)].join(" | ");
}

/**
 * The type of one item of a paged operation, spelled from its result: `NonNullable<R["data"]>[number]`,
 * `R[number]` when the body is the array; `NonNullable<R>` first when a success may have no body
 * (GitHub's contributors answer 204 for an empty repository). Shared by operations.ts and nothing else.
 */
export function pageItemTypeText(operation: OperationModel): string | undefined {
  if (operation.paging === undefined) return undefined;
  const emptySuccess = operation.responses.some((response) => response.success && response.type === null);
  const result = emptySuccess ? `NonNullable<${operation.resultTypeName}>` : operation.resultTypeName;
  const [first, ...rest] = operation.paging.items;
  if (first === undefined) return `${result}[number]`;
  const holder = rest.reduce((text, key) => `NonNullable<${text}>[${toStringLiteral(key)}]`, `${result}[${toStringLiteral(first)}]`);
  return `NonNullable<${holder}>[number]`;
}
