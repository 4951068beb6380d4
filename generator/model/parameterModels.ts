import { isJsonObject, type JsonObject } from "../load/walkJson.js";
import { toPascalCase, toTypeScriptIdentifier } from "../naming/identifiers.js";
import type { ParameterModel, TypeModel } from "./apiModel.js";
import { docModel } from "./docModel.js";
import { mediaEntries } from "./mediaTypes.js";
import { warn, type ModelContext } from "./modelContext.js";
import type { OperationScope, Route } from "./operationScope.js";
import { recordExamples } from "./recordExamples.js";
import { schemaToType } from "./schemaToType.js";

const parameterLocations = new Set(["path", "query", "header", "cookie"]);

/** Path-item parameters apply unless the operation redefines the same name and location. */
export function parameterModels(operation: JsonObject, route: Route, scope: OperationScope): ParameterModel[] {
  const own = listed(operation["parameters"]).map((parameter, index) => ({ parameter, pointer: `${route.pointer}/parameters/${index}` }));
  const inherited = listed(route.pathItem["parameters"])
    .map((parameter, index) => ({ parameter, pointer: `${route.pointer.replace(/\/[^/]+$/, "")}/parameters/${index}` }))
    .filter(({ parameter }) => !own.some((entry) => sameParameter(entry.parameter, parameter)));
  // One the client cannot send (no name, or a location such as Swagger 2.0's `body`) is left out; loading warned about it.
  return [...inherited, ...own]
    .filter(({ parameter }) => parameterLocations.has(String(parameter["in"])) && typeof parameter["name"] === "string")
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
    // A spec built for Stainless renames the parameter in the resource client's flat params object.
    ...(typeof parameter["x-stainless-param"] === "string" && parameter["x-stainless-param"] !== "" ? { flatName: parameter["x-stainless-param"] } : {}),
  };
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
export function undeclaredPathParameters(route: Route, parameters: ParameterModel[], scope: OperationScope): ParameterModel[] {
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

function firstMediaSchema(content: unknown): unknown {
  return mediaEntries(content)[0]?.node["schema"];
}

function sameParameter(a: JsonObject, b: JsonObject): boolean {
  return a["name"] === b["name"] && a["in"] === b["in"];
}

function listed(value: unknown): JsonObject[] {
  return Array.isArray(value) ? value.filter(isJsonObject) : [];
}
