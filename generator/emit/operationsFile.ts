import { StructureKind, type FunctionDeclarationStructure, type StatementStructures } from "ts-morph";
import { compareOrdinal } from "../shared/compareOrdinal.js";
import type { OperationModel, RequestBodyModel } from "../model/apiModel.js";
import { referencedNames } from "../model/walkTypeModel.js";
import { toDocText, toStringLiteral } from "./escape.js";
import { jsDoc } from "./jsDoc.js";
import { requestLiteral } from "./requestLiteral.js";
import { bodyTypeText, pageItemTypeText, resultTypeText } from "./operationTypeTexts.js";
import { typeExpression } from "./typeExpression.js";

/** operations.ts: imports, then per operation a params interface, result and error types, and the function. */
export function operationsFileStatements(operations: readonly OperationModel[]): StatementStructures[] {
  const runtimeValues = new Set<string>(operations.some((operation) => !operation.websocket) ? ["request"] : []);
  const declared = new Set<string>();
  const declarations = operations.flatMap((operation) => {
    const literal = requestLiteral(operation);
    if (operation.websocket) runtimeValues.add("websocketUrl");
    for (const name of literal.runtimeValues) runtimeValues.add(name);
    const [first, ...rest]: StatementStructures[] = operation.websocket
      ? [...paramsInterface(operation), webSocketFunction(operation, literal.text)]
      : [
          ...once(declared, operation.paramsTypeName, () => paramsInterface(operation)),
          { kind: StructureKind.TypeAlias, name: operation.resultTypeName, isExported: true, type: resultTypeText(operation) },
          ...once(declared, operation.errorTypeName, () => errorAlias(operation)),
          operation.paging === undefined ? operationFunction(operation, literal.text) : pagedFunction(operation, literal.text),
        ];
    // Each operation opens with a blank line, whatever kind its first declaration is.
    return [{ ...first!, leadingTrivia: "\n" } as StatementStructures, ...rest];
  });
  return [...imports(operations, runtimeValues), ...declarations];
}

/** Stream twins share their params and error types with the plain operation: declare each name once. */
function once(declared: Set<string>, name: string | undefined, build: () => StatementStructures[]): StatementStructures[] {
  if (name === undefined || declared.has(name)) return [];
  declared.add(name);
  return build();
}

function imports(operations: readonly OperationModel[], runtimeValues: Set<string>): StatementStructures[] {
  const runtimeTypes = ["Client", ...(operations.some((operation) => !operation.websocket) ? ["RequestOptions"] : [])];
  if (operations.some((operation) => operation.errorTypeName !== undefined)) runtimeTypes.push("ApiError");
  if (operations.some((operation) => operation.responses.some((response) => response.kind === "sse"))) runtimeTypes.push("ServerSentEvent");
  if (operations.some((operation) => operation.body?.contents.some((content) => content.kind === "binary"))) runtimeTypes.push("BinaryBody");
  const namedImports = [
    ...[...runtimeValues].sort(compareOrdinal),
    ...runtimeTypes.map((name) => ({ name, isTypeOnly: true })),
  ];
  const statements: StatementStructures[] = [{ kind: StructureKind.ImportDeclaration, moduleSpecifier: "./runtime.js", namedImports }];
  if (operations.some((operation) => operation.paging !== undefined)) {
    statements.push({ kind: StructureKind.ImportDeclaration, moduleSpecifier: "./paging.js", namedImports: ["paged", { name: "Paged", isTypeOnly: true }] });
  }
  const models = modelNames(operations);
  if (models.length > 0) {
    statements.push({ kind: StructureKind.ImportDeclaration, moduleSpecifier: "./models.js", isTypeOnly: true, namedImports: models });
  }
  return statements;
}

function modelNames(operations: readonly OperationModel[]): string[] {
  const used = new Set<string>();
  for (const operation of operations) {
    for (const parameter of operation.parameters) referencedNames(parameter.type, used);
    for (const content of operation.body?.contents ?? []) referencedNames(content.type, used);
    for (const response of operation.responses) if (response.type !== null) referencedNames(response.type, used);
  }
  return [...used].sort(compareOrdinal);
}

function paramsInterface(operation: OperationModel): StatementStructures[] {
  if (operation.paramsTypeName === undefined) return [];
  const parameters = operation.parameters.map((parameter) => ({
    name: parameter.name,
    hasQuestionToken: !parameter.required,
    type: typeExpression(parameter.type),
    docs: jsDoc(parameter.doc),
  }));
  return [
    {
      kind: StructureKind.Interface,
      name: operation.paramsTypeName,
      isExported: true,
      properties: [...parameters, ...bodyProperties(operation.body)],
    },
  ];
}


function bodyProperties(body: RequestBodyModel | undefined) {
  if (body === undefined) return [];
  const bodyProperty = { name: body.name, hasQuestionToken: !body.required, type: bodyTypeText(body), docs: jsDoc(body.doc) };
  if (body.contentTypeName === undefined) return [bodyProperty];
  const choices = body.contents.map((content) => JSON.stringify(content.contentType)).join(" | ");
  const docs = [toDocText(`Media type to send the body as; default ${JSON.stringify(body.contents[0]!.contentType)}.`)];
  return [bodyProperty, { name: body.contentTypeName, hasQuestionToken: true, type: choices, docs }];
}


/** `ApiError<404, ErrorData> | …`: narrows on `status` to the body the spec declares for it. */
function errorAlias(operation: OperationModel): StatementStructures[] {
  if (operation.errorTypeName === undefined) return [];
  const members = operation.responses
    .filter((response) => !response.success)
    .map((response) => {
      const status = /^\d{3}$/.test(response.status) ? response.status : "number";
      const body = response.type === null ? "undefined" : typeExpression(response.type);
      return `ApiError<${status}, ${body}>`;
    });
  return [{ kind: StructureKind.TypeAlias, name: operation.errorTypeName, isExported: true, type: [...new Set(members)].join(" | ") }];
}

function paramsParameter(operation: OperationModel) {
  if (operation.paramsTypeName === undefined) return [];
  const optional = !operation.parameters.some((parameter) => parameter.required) && operation.body?.required !== true;
  return [{ name: "params", type: operation.paramsTypeName, ...(optional ? { initializer: "{}" } : {}) }];
}

/** fetch cannot open a WebSocket, so the function hands over the handshake URL for `new WebSocket(url)`. */
function webSocketFunction(operation: OperationModel, requestText: string): FunctionDeclarationStructure {
  const docs = jsDoc(operation.doc, [{ tagName: "returns", text: "the WebSocket handshake URL (ws: or wss:), for `new WebSocket(url)`" }]);
  return {
    kind: StructureKind.Function,
    name: operation.name,
    isExported: true,
    docs,
    parameters: [{ name: "client", type: "Client" }, ...paramsParameter(operation)],
    returnType: "URL",
    statements: [`return websocketUrl(client, ${requestText});`],
  };
}

function operationFunction(operation: OperationModel, requestText: string): FunctionDeclarationStructure {
  const params = paramsParameter(operation);
  return {
    kind: StructureKind.Function,
    name: operation.name,
    isExported: true,
    docs: jsDoc(operation.doc, [throwsTag(operation)]),
    parameters: [{ name: "client", type: "Client" }, ...params, { name: "options", type: "RequestOptions", hasQuestionToken: true }],
    returnType: `Promise<${operation.resultTypeName}>`,
    statements: [`return request<${operation.resultTypeName}>(client, ${requestText}, options);`],
  };
}

function throwsTag(operation: OperationModel) {
  return { tagName: "throws", text: `{${operation.errorTypeName ?? "ApiError"}} when the server answers with a non-2xx status` };
}

/**
 * The same function, its result also async-iterable over every page's items: the runtime sends each
 * page through the arrow, with the caller's params plus the next cursor, offset or page (or a URL).
 */
function pagedFunction(operation: OperationModel, requestText: string): FunctionDeclarationStructure {
  const plain = operationFunction(operation, requestText);
  const result = operation.resultTypeName;
  const { scheme, ...where } = operation.paging!;
  const paging = `{ scheme: ${toStringLiteral(scheme)}, ${Object.entries(where).map(([key, value]) => `${key}: ${JSON.stringify(value)}`).join(", ")} }`;
  const params = operation.paramsTypeName === undefined ? "{}" : "params";
  const send = `(${params === "params" ? "params" : "_params"}, options, url) => request<${result}>(client, ${requestText}, options)`;
  const docs = [{ tagName: "returns", text: "the first page; iterate it (`for await`) for every item of every page, or call `.pages()` for every page" }];
  return {
    ...plain,
    docs: jsDoc(operation.doc, [...docs, throwsTag(operation)]),
    returnType: `Paged<${result}, ${pageItemTypeText(operation)}>`,
    statements: [`return paged(${params}, options, ${paging}, ${send});`],
  };
}
