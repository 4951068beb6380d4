import { isJsonObject } from "../load/walkJson.js";
import type { JsonObject } from "../load/walkJson.js";
import type { SecuritySchemeModel } from "./apiModel.js";
import { warn, type ModelContext } from "./modelContext.js";

/** Security schemes the runtime can apply. OAuth2 and OpenID Connect send their token as a bearer token. */
export function securitySchemeModels(document: JsonObject, context: ModelContext): SecuritySchemeModel[] {
  const components = isJsonObject(document["components"]) ? document["components"] : {};
  const schemes = isJsonObject(components["securitySchemes"]) ? components["securitySchemes"] : {};
  return Object.entries(schemes).flatMap(([key, scheme]) => {
    if (!isJsonObject(scheme)) return [];
    const model = securitySchemeModel(key, scheme);
    if (model === undefined) warn(context, `/components/securitySchemes/${key}`, "unsupported security scheme; ignored");
    return model === undefined ? [] : [model];
  });
}

function securitySchemeModel(key: string, scheme: JsonObject): SecuritySchemeModel | undefined {
  const type = scheme["type"];
  if (type === "http") {
    const httpScheme = String(scheme["scheme"] ?? "").toLowerCase();
    if (httpScheme === "bearer" || httpScheme === "basic") return { key, type: "http", scheme: httpScheme };
    return undefined;
  }
  if (type === "apiKey") {
    const location = scheme["in"];
    if (location !== "header" && location !== "query" && location !== "cookie") return undefined;
    return { key, type: "apiKey", in: location, parameterName: String(scheme["name"] ?? "") };
  }
  if (type === "oauth2" || type === "openIdConnect") return { key, type: "http", scheme: "bearer" };
  return undefined;
}
