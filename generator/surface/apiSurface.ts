import type { ApiModel, HttpMethod, Literal, NamedTypeModel, OperationModel, PagingScheme, PropertyModel, RequestBodyModel } from "../model/apiModel.js";
import { assertNever } from "../shared/assertNever.js";
import { indexSignature, typeExpression } from "../emit/typeExpression.js";
import { bodyTypeText, resultTypeText } from "../emit/operationTypeTexts.js";
import { typeSides, type TypeSide } from "./typeSides.js";

/**
 * A plain-data summary of a generated client's TypeScript surface: what a caller can name and
 * call. Type text comes from `typeExpression`, so it reads exactly like the generated code.
 */
export interface ApiSurface {
  name: string;
  title: string;
  version: string;
  operations: OperationSurface[];
  types: TypeSurface[];
}

export interface OperationSurface {
  /** Function name. */
  name: string;
  method: HttpMethod;
  path: string;
  /** The operation's own server URL (variables as `{name}`); absent: the document's first server. */
  server?: string;
  /** Its method in the client class, `endpoints.retrieve` (absent in surfaces written before the class, and for a WebSocket or stream twin). */
  classMethod?: string;
  params: ParamSurface[];
  body?: BodySurface;
  /** The success result, as in `Promise<…>`. */
  result: string;
  /** Non-2xx statuses the error union narrows on ("404", "4XX", "default"). */
  errorStatuses: string[];
  /** How a paged list pages; its result is then also async-iterable over every page's items. */
  paging?: PagingScheme;
}

export interface ParamSurface {
  name: string;
  required: boolean;
  type: string;
}

export interface BodySurface {
  /** Property name in the params object. */
  name: string;
  required: boolean;
  type: string;
  mediaTypes: string[];
  /** Property choosing the media type, when there are several. */
  mediaTypeParam?: string;
}

export type TypeSurface =
  | { kind: "interface"; name: string; side: TypeSide; properties: PropertySurface[]; indexSignature?: string }
  | { kind: "enum"; name: string; side: TypeSide; values: Literal[] }
  | { kind: "alias"; name: string; side: TypeSide; type: string };

export interface PropertySurface {
  /** The key on the wire, exactly as in the spec. */
  name: string;
  required: boolean;
  /** Present only when the spec marks the property. */
  readOnly?: true;
  writeOnly?: true;
  type: string;
}

/** The surface of the client `emitApi` generates from `model`, in model order. */
export function apiSurface(model: ApiModel): ApiSurface {
  const sides = typeSides(model);
  const classMethods = new Map(model.resourceClient.methods.map((method) => [method.operation, [...method.resource, method.method].join(".")]));
  return {
    name: model.name,
    title: model.title,
    version: model.version,
    operations: model.operations.map((operation) => operationSurface(operation, classMethods.get(operation.name))),
    types: model.types.map((named) => typeSurface(named, sides.get(named.name) ?? "unused")),
  };
}

function operationSurface(operation: OperationModel, classMethod: string | undefined): OperationSurface {
  const params = operation.parameters.map((parameter) => ({
    name: parameter.name,
    required: parameter.required,
    type: typeExpression(parameter.type),
  }));
  const errorStatuses = operation.responses.filter((response) => !response.success).map((response) => response.status);
  return {
    name: operation.name,
    method: operation.method,
    path: operation.path,
    ...(operation.server === undefined ? {} : { server: operation.server.url }),
    ...(classMethod === undefined ? {} : { classMethod }),
    params,
    ...(operation.body === undefined ? {} : { body: bodySurface(operation.body) }),
    result: resultTypeText(operation),
    errorStatuses: [...new Set(errorStatuses)],
    ...(operation.paging === undefined ? {} : { paging: operation.paging.scheme }),
  };
}

function bodySurface(body: RequestBodyModel): BodySurface {
  return {
    name: body.name,
    required: body.required,
    type: bodyTypeText(body),
    mediaTypes: body.contents.map((content) => content.contentType),
    ...(body.contentTypeName === undefined ? {} : { mediaTypeParam: body.contentTypeName }),
  };
}

/** The same declaration models.ts writes: the model decides it once (`NamedTypeModel.declaration`). */
function typeSurface(named: NamedTypeModel, side: TypeSide): TypeSurface {
  switch (named.declaration) {
    case "enum":
      return { kind: "enum", name: named.name, side, values: named.type.members.map((member) => member.value) };
    case "interface": {
      const index = indexSignature(named.type);
      const properties = named.type.properties.map(propertySurface);
      return { kind: "interface", name: named.name, side, properties, ...(index === undefined ? {} : { indexSignature: index }) };
    }
    case "alias":
      return { kind: "alias", name: named.name, side, type: typeExpression(named.type) };
    default:
      return assertNever(named);
  }
}

function propertySurface(property: PropertyModel): PropertySurface {
  return {
    name: property.key,
    required: property.required,
    ...(property.readOnly ? { readOnly: true as const } : {}),
    ...(property.writeOnly ? { writeOnly: true as const } : {}),
    type: typeExpression(property.type),
  };
}
