import { isJsonObject, type JsonObject } from "../load/walkJson.js";
import type { ServerModel } from "./apiModel.js";
import { warn, type ModelContext } from "./modelContext.js";
import type { Route } from "./operationScope.js";

/** `servers[0].url` with each `{variable}` replaced by its default. */
export function defaultBaseUrl(document: JsonObject, context: ModelContext): string {
  const server = firstServer(document);
  if (server === undefined) {
    warn(context, "/servers", "no server URL; clients must pass baseUrl");
    return "";
  }
  const url = fillDefaults(server);
  if (!isAbsolute(url)) warn(context, "/servers/0/url", `server URL "${url}" is not absolute; clients must pass baseUrl`);
  return url;
}

/**
 * The server an operation goes to when it has its own: the first of the operation's `servers`,
 * else of its path item's (OpenAPI: each overrides the level above; an empty list overrides
 * nothing). Absent when neither has one, when it is the document's first server, or when it
 * cannot be used (not absolute once defaults are filled in; a warning says so).
 */
export function operationServer(route: Route, operation: JsonObject, context: ModelContext): ServerModel | undefined {
  const pathPointer = route.pointer.slice(0, route.pointer.lastIndexOf("/"));
  const own = firstServer(operation);
  const [server, pointer] = own !== undefined ? [own, route.pointer] : [firstServer(route.pathItem), pathPointer];
  if (server === undefined) return undefined;
  const url = trimSlashes(server["url"] as string);
  if (url === trimSlashes(route.documentServerUrl)) return undefined;
  const filled = fillDefaults(server);
  if (!isAbsolute(filled)) {
    warn(context, `${pointer}/servers/0/url`, `server URL "${filled}" is not absolute; the operation goes to the document's server`);
    return undefined;
  }
  const defaults = isJsonObject(server["variables"]) ? server["variables"] : {};
  const variables = variableNames(url).map((name) => {
    const variable = defaults[name];
    if (isJsonObject(variable) && variable["default"] !== undefined) return { name, default: String(variable["default"]) };
    warn(context, `${pointer}/servers/0/variables`, `server variable "${name}" has no default; callers must set it in serverVariables`);
    return { name };
  });
  return { url, variables };
}

/** The document's first server URL as written, variables unfilled ("" when there is none). */
export function documentServerUrl(document: JsonObject): string {
  return (firstServer(document)?.["url"] as string | undefined) ?? "";
}

function firstServer(owner: JsonObject): JsonObject | undefined {
  const servers = Array.isArray(owner["servers"]) ? owner["servers"] : [];
  const server = servers[0];
  return isJsonObject(server) && typeof server["url"] === "string" ? server : undefined;
}

function fillDefaults(server: JsonObject): string {
  const variables = isJsonObject(server["variables"]) ? server["variables"] : {};
  return (server["url"] as string).replace(/\{([^}]+)\}/g, (whole, name: string) => {
    const variable = variables[name];
    return isJsonObject(variable) && variable["default"] !== undefined ? String(variable["default"]) : whole;
  });
}

function variableNames(url: string): string[] {
  return [...new Set([...url.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]!))];
}

function isAbsolute(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

function trimSlashes(url: string): string {
  return url.replace(/\/+$/, "");
}
