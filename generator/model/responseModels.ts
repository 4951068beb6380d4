import { toJsonPointer } from "../load/jsonPointer.js";
import { isJsonObject, type JsonObject } from "../load/walkJson.js";
import type { ResponseModel } from "./apiModel.js";
import { eventStream } from "./eventStream.js";
import { mediaEntries, responseKind, type MediaEntry } from "./mediaTypes.js";
import type { Route, TypeScope } from "./operationScope.js";
import { recordExamples } from "./recordExamples.js";
import { schemaToType } from "./schemaToType.js";
import { streamItemSchema } from "./streamItems.js";

/** Which media type to read when a response offers several: the default client wants JSON, the stream twin a stream. */
export type ResponsePreference = "json" | "stream";

export function responseModels(responses: unknown, route: Route, scope: TypeScope, preference: ResponsePreference): ResponseModel[] {
  if (!isJsonObject(responses)) return [];
  return Object.entries(responses)
    .filter((entry): entry is [string, JsonObject] => isJsonObject(entry[1]))
    .map(([status, response]) => {
      const description = typeof response["description"] === "string" ? response["description"] : undefined;
      const base = { status, success: isSuccess(status), ...(description === undefined ? {} : { description }) };
      const media = chooseResponseMedia(mediaEntries(response["content"]), preference);
      if (media === undefined || status === "204" || status === "205" || route.method === "HEAD") {
        return { ...base, kind: "empty" as const, type: null };
      }
      const pointer = `${route.pointer}/responses/${status}/content/${toJsonPointer([media.contentType]).slice(1)}`;
      const suffix = base.success ? (preference === "stream" ? "Event" : "Response") : `Error${status}`;
      const kind = responseKind(media.contentType);
      const items = streamItemSchema(media.node, kind);
      const site = { pointer: `${pointer}/${items?.field ?? "schema"}`, nameHint: scope.typePrefix + suffix };
      const schema = items === undefined ? media.node["schema"] : items.schema;
      const type = kind === "binary" ? ({ kind: "binary" } as const) : kind === "text" ? ({ kind: "primitive", name: "string" } as const) : schemaToType(schema, site, scope.context);
      if (preference === "json") recordExamples(media.node, pointer, type, scope.context);
      const events = kind === "sse" ? eventStream(type, scope.context.types) : undefined;
      return { ...base, kind, contentType: media.contentType, ...(events ?? { type }) };
    });
}

function isStreaming(contentType: string): boolean {
  const kind = responseKind(contentType);
  return kind === "sse" || kind === "ndjson";
}

function chooseResponseMedia(entries: MediaEntry[], preference: ResponsePreference): MediaEntry | undefined {
  const streams = entries.filter((entry) => isStreaming(entry.contentType));
  const others = entries.filter((entry) => !isStreaming(entry.contentType));
  return preference === "stream" ? streams[0] : (others[0] ?? streams[0]);
}

/** True when a success response offers both a stream and something else: the operation gets a `…Stream` twin. */
export function offersStreamAndJson(responses: unknown): boolean {
  if (!isJsonObject(responses)) return false;
  return Object.entries(responses).some(([status, response]) => {
    if (!isSuccess(status) || !isJsonObject(response)) return false;
    const types = mediaEntries(response["content"]).map((entry) => entry.contentType);
    return types.some(isStreaming) && types.some((type) => !isStreaming(type));
  });
}

/** The status class, decided once here and recorded on each response as `success`. */
function isSuccess(status: string): boolean {
  return /^2(\d\d|XX)$/i.test(status);
}
