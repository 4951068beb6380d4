import { toJsonPointer } from "../load/jsonPointer.js";
import { isJsonObject, type JsonObject } from "../load/walkJson.js";
import { toPascalCase } from "../naming/identifiers.js";
import type { RequestBodyModel, TypeModel } from "./apiModel.js";
import { docModel } from "./docModel.js";
import { bodyKind, mediaEntries } from "./mediaTypes.js";
import type { ModelContext } from "./modelContext.js";
import type { OperationScope, Route } from "./operationScope.js";
import { recordExamples } from "./recordExamples.js";
import { schemaToType } from "./schemaToType.js";

/** Every media type the body may be sent as, JSON first; each gets its own type (multipart parts differ from JSON). */
export function requestBodyModel(requestBody: unknown, route: Route, scope: OperationScope): RequestBodyModel | undefined {
  if (!isJsonObject(requestBody)) return undefined;
  const media = mediaEntries(requestBody["content"]);
  if (media.length === 0) return undefined;
  const contents = media.map(({ contentType, node }, index) => {
    const pointer = `${route.pointer}/requestBody/content/${toJsonPointer([contentType]).slice(1)}`;
    const suffix = index === 0 ? "Body" : `${toPascalCase(bodyKind(contentType))}Body`;
    const site = { pointer: `${pointer}/schema`, nameHint: scope.typePrefix + suffix };
    const type = bodyType(contentType, node, site, scope.context);
    recordExamples(node, pointer, type, scope.context);
    return { contentType, kind: bodyKind(contentType), type };
  });
  return {
    name: scope.propertyNames.claim("body"),
    required: requestBody["required"] === true,
    contents,
    ...(contents.length > 1 ? { contentTypeName: scope.propertyNames.claim("contentType") } : {}),
    doc: docModel(requestBody),
  };
}

/** Binary bodies are bytes whatever their schema says; text bodies are strings. */
function bodyType(contentType: string, node: JsonObject, site: { pointer: string; nameHint: string }, context: ModelContext): TypeModel {
  const kind = bodyKind(contentType);
  if (kind === "binary") return { kind: "binary" };
  if (kind === "text") return { kind: "primitive", name: "string" };
  return schemaToType(node["schema"], site, context);
}
