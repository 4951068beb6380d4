import type { OperationModel, ResponseModel } from "../model/apiModel.js";
import { isSuccess } from "../model/operationModel.js";
import { assertNever, typeExpression } from "../emit/typeExpression.js";

/**
 * The text of an operation's `<Operation>Result` alias: the union of its 2xx results.
 * Mirrors `resultType` in emit/operationsFile.ts (which is private there); keep the two in step.
 */
export function resultTypeText(operation: OperationModel): string {
  const success = operation.responses.filter((response) => isSuccess(response.status));
  if (success.length === 0) return "unknown";
  return [...new Set(success.map(responseResultText))].join(" | ");
}

function responseResultText(response: ResponseModel): string {
  const type = response.type === null ? "undefined" : typeExpression(response.type);
  switch (response.kind) {
    case "sse":
      return `AsyncIterable<ServerSentEvent<${type}>>`;
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

