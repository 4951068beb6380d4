import type { SpecWarning } from "../shared/specError.js";
import type { NamedTypeModel, OperationModel, ParameterModel, ResourceMethodModel, TypeModel } from "./apiModel.js";

type FlatShape = Pick<ResourceMethodModel, "paramsTypeName" | "positional" | "parameters" | "body" | "paramsRequired" | "paged">;

/**
 * How a resource method's arguments map onto the function's params: the last path parameter is
 * positional; the other parameters go into the flat object under their spec names (or
 * `x-stainless-param`), beside the body's properties when the body is an object. A key two of them
 * share stays with the body and the parameter takes `<in>_<key>` (with a warning), the way it stays
 * unambiguous which one the caller meant.
 */
export function flatParams(operation: OperationModel, types: readonly NamedTypeModel[], warnings: SpecWarning[], leading?: readonly string[]): FlatShape {
  const paged = operation.paging === undefined ? {} : { paged: true };
  if (operation.paramsTypeName === undefined) return { positional: [], parameters: [], paramsRequired: false, ...paged };
  const positional = positionalParameters(operation, leading);
  const body = operation.body;
  const bodyType = body?.contents[0]?.type;
  const spread = bodyType !== undefined && objectLike(bodyType, types, new Set());
  const bodyKeys = new Set(spread ? topKeys(bodyType, types, new Set()) : body === undefined ? [] : ["body"]);
  const used = new Set(bodyKeys);
  const parameters = operation.parameters
    .filter((parameter) => !positional.includes(parameter))
    .map((parameter) => {
      let key = parameter.flatName ?? parameter.wireName;
      if (used.has(key)) {
        const renamed = `${parameter.in}_${key}`;
        warnings.push({ location: operation.location, message: `${parameter.in} parameter "${key}" shares its name with another input of the flat params object: it is "${renamed}" there` });
        key = renamed;
      }
      used.add(key);
      return { key, name: parameter.name, required: parameter.required };
    });
  const bodyRequired = body !== undefined && (spread ? hasRequired(bodyType!, types, new Set()) : body.required);
  return {
    paramsTypeName: operation.paramsTypeName,
    positional: positional.map((parameter) => parameter.name),
    parameters,
    ...(body === undefined ? {} : { body: { name: body.name, spread, required: body.required, ...(takesUploads(body) ? { uploads: true as const } : {}) } }),
    paramsRequired: parameters.some((parameter) => parameter.required) || bodyRequired,
    ...paged,
  };
}

/** A body that may go as multipart: its files may also be given as bytes or streams (the class makes them files). */
function takesUploads(body: NonNullable<OperationModel["body"]>): boolean {
  return body.contents.some((content) => content.kind === "multipart");
}

/**
 * The path parameters a method takes as arguments: those a map names (`endpointID` is the
 * parameter `endpointId`: case and punctuation aside), else the last one in the path.
 */
function positionalParameters(operation: OperationModel, leading: readonly string[] | undefined): ParameterModel[] {
  const pathParameters = [...operation.path.matchAll(/\{([^}]+)\}/g)]
    .map((match) => operation.parameters.find((parameter) => parameter.in === "path" && parameter.wireName === match[1]))
    .filter((parameter): parameter is ParameterModel => parameter !== undefined);
  if (leading === undefined) return pathParameters.slice(-1);
  const loose = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, "");
  const named = leading.map((name) => pathParameters.find((parameter) => loose(parameter.wireName) === loose(name)));
  // A map whose names match no parameter still counts its arguments: the path's last ones, in order.
  if (named.every((parameter) => parameter !== undefined)) return named;
  return leading.length === 0 ? [] : pathParameters.slice(-leading.length);
}

function named(name: string, types: readonly NamedTypeModel[]): TypeModel | undefined {
  return types.find((type) => type.name === name)?.type;
}

/** Every value of the type is an object with named keys (so its properties can sit in a flat object). */
function objectLike(type: TypeModel, types: readonly NamedTypeModel[], seen: Set<string>): boolean {
  switch (type.kind) {
    case "object":
      return true;
    case "ref": {
      if (seen.has(type.name)) return false;
      const target = named(type.name, types);
      return target !== undefined && objectLike(target, types, new Set([...seen, type.name]));
    }
    case "union":
    case "intersection":
      return type.members.length > 0 && type.members.every((member) => objectLike(member, types, seen));
    case "requiredKeys":
      return objectLike(type.type, types, seen);
    default:
      return false;
  }
}

function topKeys(type: TypeModel, types: readonly NamedTypeModel[], seen: Set<string>): string[] {
  switch (type.kind) {
    case "object":
      return type.properties.map((property) => property.key);
    case "ref": {
      const target = seen.has(type.name) ? undefined : named(type.name, types);
      return target === undefined ? [] : topKeys(target, types, new Set([...seen, type.name]));
    }
    case "union":
    case "intersection":
      return type.members.flatMap((member) => topKeys(member, types, seen));
    case "requiredKeys":
      return topKeys(type.type, types, seen);
    default:
      return [];
  }
}

function hasRequired(type: TypeModel, types: readonly NamedTypeModel[], seen: Set<string>): boolean {
  switch (type.kind) {
    case "object":
      return type.properties.some((property) => property.required && !property.readOnly);
    case "ref": {
      const target = seen.has(type.name) ? undefined : named(type.name, types);
      return target !== undefined && hasRequired(target, types, new Set([...seen, type.name]));
    }
    case "union":
      return type.members.every((member) => hasRequired(member, types, seen));
    case "intersection":
      return type.members.some((member) => hasRequired(member, types, seen));
    case "requiredKeys":
      return true;
    default:
      return false;
  }
}
