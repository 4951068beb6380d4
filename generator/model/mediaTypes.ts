import { isJsonObject, type JsonObject } from "../load/walkJson.js";
import type { BodyKind, ResponseKind } from "./apiModel.js";

function essence(contentType: string): string {
  return contentType.split(";")[0]!.trim().toLowerCase();
}

function isJsonMediaType(contentType: string): boolean {
  const mime = essence(contentType);
  return mime === "application/json" || mime.endsWith("+json") || mime === "*/*";
}

/** @see https://spec.openapis.org/oas/v3.1.0#considerations-for-file-uploads */
export function bodyKind(contentType: string): BodyKind {
  const mime = essence(contentType);
  if (isJsonMediaType(mime)) return "json";
  if (mime === "application/x-www-form-urlencoded") return "form";
  if (mime.startsWith("multipart/")) return "multipart";
  if (mime.startsWith("text/")) return "text";
  return "binary";
}

const ndjsonTypes = new Set(["application/x-ndjson", "application/ndjson", "application/jsonl", "application/x-jsonlines", "application/jsonlines"]);

export function responseKind(contentType: string | undefined): ResponseKind {
  if (contentType === undefined) return "empty";
  const mime = essence(contentType);
  if (mime === "text/event-stream") return "sse";
  if (ndjsonTypes.has(mime)) return "ndjson";
  if (isJsonMediaType(mime)) return "json";
  if (mime.startsWith("text/") || mime === "application/xml") return "text";
  return "binary";
}

export interface MediaEntry {
  contentType: string;
  node: JsonObject;
}

/** The declared media types, JSON ones first (the client's default), otherwise in spec order. */
export function mediaEntries(content: unknown): MediaEntry[] {
  if (!isJsonObject(content)) return [];
  const entries = Object.entries(content)
    .filter((entry): entry is [string, JsonObject] => isJsonObject(entry[1]))
    .map(([contentType, node]) => ({ contentType, node }));
  return [...entries.filter((entry) => isJsonMediaType(entry.contentType)), ...entries.filter((entry) => !isJsonMediaType(entry.contentType))];
}
