import { isJsonObject, type JsonObject } from "../load/walkJson.js";
import type { RequestBodyModel, TypeModel } from "./apiModel.js";
import { mediaEntries } from "./mediaTypes.js";

/**
 * The boolean property of a JSON request body that makes the server answer with a stream instead of
 * one JSON document (`stream` in every LLM API: OpenAI, Together, Anthropic, Mistral, …):
 * 1. a boolean property named `stream` or `streaming` (any case), else
 * 2. the only boolean property whose description mentions streaming or server-sent events.
 * Properties of `allOf` members count; `oneOf`/`anyOf` branches do not (they are not always there).
 */
export function streamSwitchKey(requestBody: unknown): string | undefined {
  const first = isJsonObject(requestBody) ? mediaEntries(requestBody["content"])[0] : undefined;
  if (first === undefined) return undefined;
  const candidates = booleanProperties(first.node["schema"], new Set());
  const named = candidates.find(([key]) => /^stream(ing)?$/i.test(key));
  if (named !== undefined) return named[0];
  const described = candidates.filter(([, schema]) => /stream|server-sent event/i.test(String(schema["description"] ?? "")));
  return described.length === 1 ? described[0]![0] : undefined;
}

function booleanProperties(schema: unknown, seen: Set<object>): [string, JsonObject][] {
  if (!isJsonObject(schema) || seen.has(schema)) return [];
  seen.add(schema);
  const properties = isJsonObject(schema["properties"]) ? Object.entries(schema["properties"]) : [];
  const own = properties.filter((entry): entry is [string, JsonObject] => isJsonObject(entry[1]) && isBoolean(entry[1]));
  const inherited = Array.isArray(schema["allOf"]) ? schema["allOf"].flatMap((member) => booleanProperties(member, seen)) : [];
  return [...own, ...inherited];
}

/** `type: boolean`, also nullable (`[boolean, "null"]` or 3.0's `nullable: true`). */
function isBoolean(schema: JsonObject): boolean {
  const type = schema["type"];
  if (Array.isArray(type)) return type.includes("boolean") && type.every((name) => name === "boolean" || name === "null");
  return type === "boolean";
}

/**
 * The plain function's body only admits `false` for the switch (its result is the JSON document);
 * the twin's body does not ask for it (`true` is tolerated) and the twin sends `true` itself.
 */
export function switchedBody(body: RequestBodyModel, key: string, stream: boolean): RequestBodyModel {
  const [first, ...rest] = body.contents;
  if (first === undefined || first.kind !== "json") return body;
  const pinned: TypeModel = {
    kind: "object",
    properties: [
      {
        key,
        required: false,
        readOnly: false,
        writeOnly: false,
        type: { kind: "enum", members: [{ name: stream ? "True" : "False", value: stream }] },
        doc: {},
      },
    ],
    additionalProperties: "unspecified",
  };
  const contents = [{ ...first, type: { kind: "intersection" as const, members: [first.type, pinned] } }, ...rest];
  return { ...body, contents, ...(stream ? { sets: { key, value: true } } : {}) };
}
