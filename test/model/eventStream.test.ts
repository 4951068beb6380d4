import { describe, expect, it } from "vitest";
import type { EventStreamModel, Literal, NamedTypeDraft, PropertyModel, TypeModel } from "../../generator/model/apiModel.js";
import { eventStream } from "../../generator/model/eventStream.js";

const ref = (name: string): TypeModel => ({ kind: "ref", name });
const literal = (...values: Literal[]): TypeModel => ({ kind: "enum", members: values.map((value) => ({ name: String(value), value })) });
const string: TypeModel = { kind: "primitive", name: "string" };
const union = (...members: TypeModel[]): TypeModel => ({ kind: "union", members });
const object = (properties: Record<string, TypeModel>): TypeModel => ({
  kind: "object",
  properties: Object.entries(properties).map(([key, type]): PropertyModel => ({ key, type, required: true, readOnly: false, writeOnly: false, doc: {} })),
  additionalProperties: "unspecified",
});
const named = (types: Record<string, TypeModel>): NamedTypeDraft[] =>
  Object.entries(types).map(([name, type]) => ({ name, type, doc: {}, location: { file: "spec.yaml", pointer: `#/components/schemas/${name}` } }));

// Together's shapes (openapi.yaml, components ChatCompletionStream, ChatCompletionEvent, StreamSentinel).
const together = named({
  ChatCompletionChunk: object({ id: string, choices: { kind: "array", items: string } }),
  ChatCompletionEvent: object({ data: ref("ChatCompletionChunk") }),
  StreamSentinel: object({ data: literal("[DONE]") }),
  ChatCompletionStream: union(ref("ChatCompletionEvent"), ref("StreamSentinel")),
  Signal: literal("[DONE]", "[END]"),
  Delta: object({ text: string }),
  Final: object({ usage: string }),
});

type Want = { type: TypeModel; eventStream: EventStreamModel } | undefined;

/** A schema describes the payload (today's reading, `undefined`) or the event (its `data` is then the payload). */
const rows: [string, { given: TypeModel; want: Want }][] = [
  ["a payload object", { given: object({ id: string }), want: undefined }],
  ["a payload with a `data` among other fields (a list page)", { given: object({ data: string, object: literal("list") }), want: undefined }],
  ["a payload string", { given: string, want: undefined }],
  ["a payload union", { given: union(ref("Delta"), ref("Final")), want: undefined }],
  ["one event-describing object", { given: object({ data: ref("Delta"), id: string, retry: string }), want: { type: ref("Delta"), eventStream: { sentinels: [] } } }],
  [
    "Together: a oneOf of an event and the sentinel, through refs",
    { given: ref("ChatCompletionStream"), want: { type: ref("ChatCompletionChunk"), eventStream: { sentinels: ["[DONE]"] } } },
  ],
  [
    "a sentinel whose data is a named multi-value enum",
    { given: union(ref("ChatCompletionEvent"), object({ data: ref("Signal") })), want: { type: ref("ChatCompletionChunk"), eventStream: { sentinels: ["[DONE]", "[END]"] } } },
  ],
  [
    "a union with one branch that is not an event: the whole schema is a payload",
    { given: union(ref("ChatCompletionEvent"), ref("Delta")), want: undefined },
  ],
  [
    "a data constant that is not a string is yielded, not a sentinel",
    { given: union(ref("ChatCompletionEvent"), object({ data: literal(0) })), want: { type: union(ref("ChatCompletionChunk"), literal(0)), eventStream: { sentinels: [] } } },
  ],
  [
    "branches naming their event: each name keeps its data",
    {
      given: union(
        object({ event: literal("delta"), data: ref("Delta") }),
        object({ event: literal("done", "end"), data: ref("Final") }),
        object({ event: string, data: string }),
        ref("StreamSentinel"),
      ),
      want: {
        type: union(ref("Delta"), ref("Final"), string),
        eventStream: {
          sentinels: ["[DONE]"],
          events: [
            { names: ["delta"], data: ref("Delta") },
            { names: ["done", "end"], data: ref("Final") },
            { names: [], data: string },
          ],
        },
      },
    },
  ],
  [
    "an `event` that is any string names nothing",
    { given: object({ event: string, data: ref("Delta") }), want: { type: ref("Delta"), eventStream: { sentinels: [] } } },
  ],
  [
    "a constant data under a named event is yielded (a ping), not a sentinel",
    {
      given: union(object({ event: literal("ping"), data: literal("ping") }), ref("ChatCompletionEvent"), ref("StreamSentinel")),
      want: {
        type: union(literal("ping"), ref("ChatCompletionChunk")),
        eventStream: {
          sentinels: ["[DONE]"],
          events: [
            { names: ["ping"], data: literal("ping") },
            { names: [], data: ref("ChatCompletionChunk") },
          ],
        },
      },
    },
  ],
  ["only a sentinel: nothing is yielded", { given: ref("StreamSentinel"), want: { type: { kind: "never" }, eventStream: { sentinels: ["[DONE]"] } } }],
];

describe("eventStream", () => {
  it.each(rows)("%s", (_, { given, want }) => {
    expect(eventStream(given, together)).toEqual(want);
  });
});
