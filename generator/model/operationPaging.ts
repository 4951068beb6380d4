import { isJsonObject, type JsonObject } from "../load/walkJson.js";
import type { PagingModel, ParameterModel, TypeModel } from "./apiModel.js";
import { mediaEntries, responseKind } from "./mediaTypes.js";
import { note, type ModelContext } from "./modelContext.js";
import type { Route } from "./operationScope.js";
import { detectPaging, type QueryParameter } from "./pagination.js";

/**
 * Hands an operation's shapes to `detectPaging` and records its decision (the bench reads every
 * one); an operation that looks like paging but is unclear gets a note saying why it was left.
 */
export function operationPaging(operation: JsonObject, route: Route, parameters: ParameterModel[], context: ModelContext): PagingModel | undefined {
  const key = `${route.method} ${route.path}`;
  const success = successResponse(operation["responses"]);
  const decision = detectPaging({
    method: route.method,
    query: parameters.filter((parameter) => parameter.in === "query").map(queryParameter),
    body: success?.body,
    headers: success?.headers ?? [],
    forced: context.pagingSettings[key],
  });
  context.pagingDecisions.set(key, decision);
  if (decision.kind === "left" && decision.ambiguous) {
    note(context, route.pointer, `${key} looks like a paged list, but ${decision.reason}; it is left unpaged (clientgen.config.json "pagination" can choose a scheme)`);
  }
  return decision.kind === "paged" ? decision.paging : undefined;
}

/** The one 2xx JSON body schema (several different ones: none) and the header names beside it. */
function successResponse(responses: unknown): { body: JsonObject | undefined; headers: string[] } | undefined {
  if (!isJsonObject(responses)) return undefined;
  const found = Object.entries(responses).flatMap(([status, response]) => {
    if (!/^2(\d\d|XX)$/i.test(status) || !isJsonObject(response)) return [];
    const json = mediaEntries(response["content"]).find((entry) => responseKind(entry.contentType) === "json");
    const schema = json?.node["schema"];
    return isJsonObject(schema) ? [{ body: schema, headers: isJsonObject(response["headers"]) ? Object.keys(response["headers"]) : [] }] : [];
  });
  return new Set(found.map((entry) => entry.body)).size === 1 ? found[0] : undefined;
}

function queryParameter(parameter: ParameterModel): QueryParameter {
  const fallback = parameter.doc.default === undefined ? undefined : (JSON.parse(parameter.doc.default) as unknown);
  return { name: parameter.name, wireName: parameter.wireName, type: scalarKind(parameter.type), ...(fallback === undefined ? {} : { default: fallback }) };
}

function scalarKind(type: TypeModel): QueryParameter["type"] {
  if (type.kind === "nullable") return scalarKind(type.type);
  if (type.kind !== "primitive") return "other";
  return type.name === "number" ? "integer" : type.name === "string" ? "string" : "other";
}
