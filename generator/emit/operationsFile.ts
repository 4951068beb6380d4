import { StructureKind, type FunctionDeclarationStructure, type StatementStructures } from "ts-morph";
import type { OperationModel, ParameterModel, ResponseModel } from "../model/apiModel.js";
import { isSuccess } from "../model/operationModel.js";
import { toObjectLiteralKey } from "../naming/identifiers.js";
import { toStringLiteral } from "./escape.js";
import { jsDoc } from "./jsDoc.js";
import { typeExpression } from "./typeExpression.js";

/** operations.ts: per operation a params interface, result and error types, and the function. */
export function operationStatements(operations: readonly OperationModel[]): StatementStructures[] {
  return operations.flatMap((operation) => [
    ...paramsInterface(operation),
    { kind: StructureKind.TypeAlias, name: operation.resultTypeName, isExported: true, type: resultType(operation) },
    ...errorAlias(operation),
    operationFunction(operation),
  ]);
}

function paramsInterface(operation: OperationModel): StatementStructures[] {
  if (operation.paramsTypeName === undefined) return [];
  const parameters = operation.parameters.map((parameter) => ({
    name: parameter.name,
    hasQuestionToken: !parameter.required,
    type: typeExpression(parameter.type),
    docs: jsDoc(parameter.doc),
  }));
  const body = operation.body;
  const bodyProperty =
    body === undefined
      ? []
      : [{ name: body.name, hasQuestionToken: !body.required, type: typeExpression(body.type), docs: jsDoc(body.doc) }];
  return [
    {
      kind: StructureKind.Interface,
      name: operation.paramsTypeName,
      isExported: true,
      properties: [...parameters, ...bodyProperty],
    },
  ];
}

function successResponses(operation: OperationModel): ResponseModel[] {
  return operation.responses.filter((response) => isSuccess(response.status));
}

/** The union of the 2xx bodies; `undefined` for a success without a body. */
function resultType(operation: OperationModel): string {
  const success = successResponses(operation);
  if (success.length === 0) return "unknown";
  const members = success.map((response) => (response.type === null ? "undefined" : typeExpression(response.type)));
  return [...new Set(members)].join(" | ");
}

/** `ApiError<404, ErrorData> | …`: narrows on `status` to the body the spec declares for it. */
function errorAlias(operation: OperationModel): StatementStructures[] {
  if (operation.errorTypeName === undefined) return [];
  const members = operation.responses
    .filter((response) => !isSuccess(response.status))
    .map((response) => {
      const status = /^\d{3}$/.test(response.status) ? response.status : "number";
      const body = response.type === null ? "undefined" : typeExpression(response.type);
      return `ApiError<${status}, ${body}>`;
    });
  return [{ kind: StructureKind.TypeAlias, name: operation.errorTypeName, isExported: true, type: [...new Set(members)].join(" | ") }];
}

function operationFunction(operation: OperationModel): FunctionDeclarationStructure {
  const paramsOptional = !operation.parameters.some((parameter) => parameter.required) && operation.body?.required !== true;
  const params =
    operation.paramsTypeName === undefined
      ? []
      : [{ name: "params", type: operation.paramsTypeName, ...(paramsOptional ? { initializer: "{}" } : {}) }];
  const throwsTag = operation.errorTypeName === undefined ? "ApiError" : operation.errorTypeName;
  return {
    kind: StructureKind.Function,
    name: operation.name,
    isExported: true,
    docs: jsDoc(operation.doc, [{ tagName: "throws", text: `{${throwsTag}} when the server answers with a non-2xx status` }]),
    parameters: [{ name: "client", type: "Client" }, ...params, { name: "options", type: "RequestOptions", hasQuestionToken: true }],
    returnType: `Promise<${operation.resultTypeName}>`,
    statements: [`return request<${operation.resultTypeName}>(client, ${requestLiteral(operation)}, options);`],
  };
}

const requestFields = [
  ["path", "pathParams"],
  ["query", "query"],
  ["header", "headers"],
] as const;

/** The OperationRequest object literal handed to the runtime. */
function requestLiteral(operation: OperationModel): string {
  const fields = [`method: ${toStringLiteral(operation.method)}`, `path: ${toStringLiteral(operation.path)}`];
  for (const [location, field] of requestFields) {
    const entries = operation.parameters.filter((parameter) => parameter.in === location);
    if (entries.length > 0) fields.push(`${field}: ${parameterObject(entries)}`);
  }
  if (operation.body !== undefined) fields.push(`body: params.${operation.body.name}`);
  const alternatives = operation.security.map((alternative) => `[${alternative.map(toStringLiteral).join(", ")}]`);
  fields.push(`security: [${alternatives.join(", ")}]`);
  return `{ ${fields.join(", ")} }`;
}

function parameterObject(parameters: readonly ParameterModel[]): string {
  return `{ ${parameters.map((parameter) => `${toObjectLiteralKey(parameter.wireName)}: params.${parameter.name}`).join(", ")} }`;
}
