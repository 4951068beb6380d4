// Issue 22: the client class accepts what the spec allows and rejects what it forbids.
import Operations from "../fixtures/clients/operations-31/index.js";
import Customers, { type Stream } from "../fixtures/clients/paging-stripe/index.js";
import Streaming, { NotFoundError, RateLimitError, type APIPromise } from "../fixtures/clients/streaming-31/index.js";
import type { ChatCompletionChunk, ChatCompletionResponse, RateLimit } from "../fixtures/clients/streaming-31/index.js";

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const assertType = <T extends true>(): T => true as T;

const llm = new Streaming({ apiKey: "sk", baseURL: "http://localhost", timeout: 1_000, maxRetries: 0, defaultHeaders: { "x-a": "1", "x-b": null }, defaultQuery: { v: "1" } });
const messages = [{ role: "user" as const, content: "Hi" }];

// stream: the overloads follow the flag.
const plain = llm.chat.completions.create({ model: "m", messages });
assertType<Equal<typeof plain, APIPromise<ChatCompletionResponse>>>();
const off = llm.chat.completions.create({ model: "m", messages, stream: false });
assertType<Equal<typeof off, APIPromise<ChatCompletionResponse>>>();
const on = llm.chat.completions.create({ model: "m", messages, stream: true });
assertType<Equal<typeof on, APIPromise<Stream<ChatCompletionChunk>>>>();
declare const flag: boolean;
const either = llm.chat.completions.create({ model: "m", messages, stream: flag });
assertType<Equal<Awaited<typeof either>, ChatCompletionResponse | Stream<ChatCompletionChunk>>>();
async function chunks(): Promise<string[]> {
  const stream = await on;
  stream.controller.abort();
  const ids: string[] = [];
  for await (const chunk of stream) ids.push(chunk.id);
  return ids;
}
void chunks;
// @ts-expect-error model is required
void llm.chat.completions.create({ messages });
// @ts-expect-error no params at all: the body's required properties are missing
void llm.chat.completions.create();
// @ts-expect-error stream is a boolean
void llm.chat.completions.create({ model: "m", messages, stream: "yes" });

// Results: asResponse and withResponse.
async function results(): Promise<void> {
  const response: Response = await plain.asResponse();
  const { data, response: raw } = await plain.withResponse();
  assertType<Equal<typeof data, ChatCompletionResponse>>();
  void response;
  void raw;
}
void results;

// Positional path parameter, flat query/header parameters, request options last.
const acme = new Operations({ apiKey: "sk" });
void acme.search.retrieve("docs", { tags: ["a"], "X-Request-ID": "r" }, { signal: new AbortController().signal, timeout: 5, maxRetries: 1, headers: { "x-c": "1" }, query: { debug: 1 }, path: "/other" });
void acme.search.retrieve("code");
// @ts-expect-error kind is an enum of docs and code
void acme.search.retrieve("images");
// @ts-expect-error tags is an array of strings
void acme.search.retrieve("docs", { tags: "a" });
// @ts-expect-error an option the SDK family does not know
void acme.search.retrieve("docs", {}, { retries: 3 });

// Pagination: the page promise iterates over items.
const customers = new Customers({ apiKey: "sk" });
async function items(): Promise<void> {
  const first = await customers.customers.list({ limit: 2 });
  if (first.hasNextPage()) {
    const next = await first.getNextPage();
    const more: boolean = next.hasNextPage();
    void next.data;
    void more;
  }
  for await (const customer of customers.customers.list({ limit: 2 })) {
    const id: string = customer.id;
    void id;
  }
}
void items;

// Errors: classes by status, statics on the class, typed bodies narrowing by status.
function handle(error: unknown): void {
  if (error instanceof Streaming.RateLimitError) {
    const status: 429 = error.status;
    void status;
  }
  if (error instanceof RateLimitError) {
    const body = (error as RateLimitError<RateLimit>).body;
    void body;
  }
  const notFound: typeof NotFoundError = Streaming.NotFoundError;
  void notFound;
}
void handle;
