import {
  chatCompletions,
  chatCompletionsStream,
  completions,
  createClient,
  getFineTuneMetrics,
  isApiError,
  realtimeUrl,
  type ChatCompletionsError,
} from "../fixtures/clients/streaming-31/index.js";
import * as streaming from "../fixtures/clients/streaming-31/index.js";

const client = createClient({ apiKey: "sk" });
const messages = [{ role: "user" as const, content: "Hi" }];

// The stream twin does not ask for the switch; the plain function refuses `stream: true`.
void chatCompletionsStream(client, { body: { model: "m", messages } });
void chatCompletions(client, { body: { model: "m", messages } });
void chatCompletions(client, { body: { model: "m", messages, stream: false } });
// @ts-expect-error the plain function returns one JSON document: stream: true belongs to chatCompletionsStream
void chatCompletions(client, { body: { model: "m", messages, stream: true } });
const request = { model: "m", messages, stream: true };
// @ts-expect-error also through a variable (no excess-property check involved)
void chatCompletions(client, { body: request });
// @ts-expect-error the twin streams whatever the caller says
void chatCompletionsStream(client, { body: { model: "m", messages, stream: false } });
// @ts-expect-error the switch inside an allOf is found too
void completions(client, { body: { model: "m", prompt: "p", stream: true } });

// A GET declaring a body offers none (fetch refuses one).
// @ts-expect-error no body on a GET
void getFineTuneMetrics(client, { id: "ft-1", body: { step: 1 } });

// A WebSocket operation is a URL, not a call.
const url: URL = realtimeUrl(client, { model: "m" });
// @ts-expect-error no HTTP call exists for it
void streaming.realtime;
// @ts-expect-error the required query parameter is still required
void realtimeUrl(client, {});

// Narrowing an operation's error in a catch, without a cast.
export async function answer(): Promise<string> {
  try {
    const completion = await chatCompletions(client, { body: { model: "m", messages } });
    return completion.choices[0]?.message.content ?? "";
  } catch (error) {
    if (isApiError<ChatCompletionsError>(error) && error.status === 429) return `retry in ${error.body.retry_after} s`;
    if (isApiError<ChatCompletionsError>(error) && error.status === 400) {
      // @ts-expect-error a 400 body is ErrorData, which has no retry_after
      void error.body.retry_after;
      return error.body.error.message;
    }
    // @ts-expect-error without the guard, error is unknown
    void error.status;
    throw error;
  }
}

export { url };
