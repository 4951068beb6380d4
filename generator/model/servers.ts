import { isJsonObject, type JsonObject } from "../load/walkJson.js";
import { warn, type ModelContext } from "./modelContext.js";

/** `servers[0].url` with each `{variable}` replaced by its default. */
export function defaultBaseUrl(document: JsonObject, context: ModelContext): string {
  const servers = Array.isArray(document["servers"]) ? document["servers"] : [];
  const server = servers[0];
  if (!isJsonObject(server) || typeof server["url"] !== "string") {
    warn(context, "/servers", "no server URL; clients must pass baseUrl");
    return "";
  }
  const variables = isJsonObject(server["variables"]) ? server["variables"] : {};
  const url = server["url"].replace(/\{([^}]+)\}/g, (whole, name: string) => {
    const variable = variables[name];
    return isJsonObject(variable) && variable["default"] !== undefined ? String(variable["default"]) : whole;
  });
  if (!/^https?:\/\//i.test(url)) warn(context, "/servers/0/url", `server URL "${url}" is not absolute; clients must pass baseUrl`);
  return url;
}
