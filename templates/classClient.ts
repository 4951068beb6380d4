// The resource-style client's runtime (`client.chat.completions.create(…)`), shipped beside runtime.ts.
// Only the generated client class (resources.ts) imports it, so a bundle of functions never holds it.
// Each method calls the operation's function; this file adapts that family's conventions around it.
import { AbortError, ApiError, ConnectionError, TimeoutError } from "./runtime.js";
import type { Client, ClientOptions, RequestOptions, ResponseInfo } from "./runtime.js";

/** What the client class takes, as the Stainless-built SDKs name it. */
export interface ClassClientOptions {
  /** Default: the API's environment variable (as `createClient` reads it). */
  apiKey?: string | undefined;
  /** Default: the spec's first server. */
  baseURL?: string | null | undefined;
  /** Milliseconds per attempt; default 60 000. */
  timeout?: number | undefined;
  /** Default 2. */
  maxRetries?: number | undefined;
  fetch?: typeof fetch | undefined;
  /** Sent with every request; `null` leaves a header out. */
  defaultHeaders?: Record<string, string | null | undefined> | undefined;
  /** Added to every request's query. */
  defaultQuery?: Record<string, string | undefined> | undefined;
}

/** The last argument of every method. */
export interface CallOptions {
  signal?: AbortSignal | null | undefined;
  timeout?: number | undefined;
  maxRetries?: number | undefined;
  /** Sent with this request; `null` leaves a header out. */
  headers?: Record<string, string | null | undefined> | undefined;
  /** Added to this request's query. */
  query?: Record<string, unknown> | undefined;
  /** Sent to this path (under the base URL) instead of the operation's. */
  path?: string | undefined;
}

/** What every method returns: the promise of its result, and two ways to see the HTTP response. */
export interface APIPromise<T> extends Promise<T> {
  /**
   * The raw `Response` as soon as its headers arrive, its body unread (a non-2xx status rejects as
   * awaiting does). Asked for before the response arrives (as `promise.asResponse()` right after the
   * call), the result is decoded from a copy; asked for later, the body may already have been read.
   */
  asResponse(): Promise<Response>;
  /** The result and the `Response` it came from; `data` is the very value awaiting the promise gives. */
  withResponse(): Promise<{ data: T; response: Response }>;
}

/** A page of a paginated list, with the way to the next one. */
export type PageOf<Page> = Page & {
  hasNextPage(): boolean;
  /** Sends the request for the next page; rejects after the last one. */
  getNextPage(): Promise<PageOf<Page>>;
};

/** A paginated list: the first page's promise, also async-iterable over the items of every page. */
export interface PagePromise<Page, Item> extends APIPromise<PageOf<Page>>, AsyncIterable<Item> {}

// What paging.ts's paged() returns, as far as this file needs it.
type PagedResult = Promise<unknown> & AsyncIterable<unknown> & { nextPage(): Promise<(() => PagedResult) | undefined> };

/** What a streaming call resolves to: the payloads, and the controller that stops the stream. */
export interface Stream<Item> extends AsyncIterable<Item> {
  controller: AbortController;
}

/** The items a paged function's result iterates over. */
export type ItemOf<P> = P extends AsyncIterable<infer I> ? I : never;

/** What a stream twin's result yields through the class: each event's `data`, or each value. */
export type StreamItem<R, Events extends boolean> = R extends AsyncIterable<infer E> ? (Events extends true ? (E extends { data: infer D } ? D : never) : E) : never;

/** How a method's arguments map onto its function's params (decided by the generator). */
export interface CallShape {
  /** The function takes params. */
  p?: 1;
  /** The leading arguments' names in the function's params. */
  at?: string[];
  /** Flat key -> name in the function's params. */
  k?: Record<string, string>;
  /** The body's name in the function's params, whether its properties sit in the flat object (1) or under `body` (0), and whether it is required (1: sent even empty). */
  b?: [string, 0 | 1, 0 | 1];
  /** Query the route carries, sent with every call. */
  q?: Record<string, string>;
  /** The stream twin's items are server-sent events: yield their `data`. */
  e?: 1;
}

/** What a multipart body's file may be given as; the class turns it into a `File` (`toFile`). */
export type Uploadable = Blob | ArrayBuffer | ArrayBufferView | ReadableStream<Uint8Array> | Response;

/** A params type whose files (`Blob`) may also be given as any `Uploadable`. */
export type Uploads<T> = T extends Blob ? Uploadable : T extends readonly (infer E)[] ? Uploads<E>[] : T extends object ? { [K in keyof T]: Uploads<T[K]> } : T;

type Operation = (client: Client, ...args: never[]) => Promise<unknown>;

// Stainless-style errors: the runtime's ApiError, by status.
export { ApiError as APIError };
export class BadRequestError<TBody = unknown> extends ApiError<400, TBody> {}
export class AuthenticationError<TBody = unknown> extends ApiError<401, TBody> {}
export class PermissionDeniedError<TBody = unknown> extends ApiError<403, TBody> {}
export class NotFoundError<TBody = unknown> extends ApiError<404, TBody> {}
export class ConflictError<TBody = unknown> extends ApiError<409, TBody> {}
export class UnprocessableEntityError<TBody = unknown> extends ApiError<422, TBody> {}
export class RateLimitError<TBody = unknown> extends ApiError<429, TBody> {}
export class InternalServerError<TBody = unknown, TStatus extends number = number> extends ApiError<TStatus, TBody> {}
// As in the SDK family, a call that got no answer is an APIError too, with no status (or the status
// of an answer cut off after its headers), no body and no headers; the runtime's error is its `cause`.
export class APIConnectionError extends ApiError<number | undefined, undefined> {
  constructor(message: string, status?: number) {
    super(message, status, undefined, new Headers());
  }
}
export class APIConnectionTimeoutError extends APIConnectionError {}
export class APIUserAbortError extends ApiError<undefined, undefined> {
  constructor(message: string) {
    super(message, undefined, undefined, new Headers());
  }
}

const byStatus: Record<number, new (message: string, status: never, body: unknown, headers: Headers) => ApiError> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

/** The runtime's error as the class family's: the same message, status, body and headers, the original as `cause`. */
export function classError(error: unknown): unknown {
  if (error instanceof ApiError && error.constructor === ApiError) {
    const Class = byStatus[error.status] ?? (error.status >= 500 ? InternalServerError : undefined);
    return Class === undefined ? error : Object.assign(new Class(error.message, error.status as never, error.body, error.headers), { cause: error });
  }
  if (error instanceof AbortError) return Object.assign(new APIUserAbortError(error.message), { cause: error });
  const Class = error instanceof TimeoutError ? APIConnectionTimeoutError : error instanceof ConnectionError ? APIConnectionError : undefined;
  if (Class === undefined) return error;
  return Object.assign(new Class((error as Error).message, (error as ConnectionError).status), { cause: error });
}

/** The base of every generated client class: options, and one call's plumbing. */
export class BaseClient {
  readonly apiKey: string | undefined;
  readonly baseURL: string | undefined;
  readonly maxRetries: number | undefined;
  readonly timeout: number | undefined;
  /** @internal */
  readonly _options: ClassClientOptions;
  /** @internal the generated client.ts's createClient */
  readonly _create: (options: ClientOptions) => Client;

  constructor(options: ClassClientOptions, create: (options: ClientOptions) => Client) {
    this._options = { ...options };
    this._create = create;
    this.apiKey = options.apiKey;
    this.baseURL = options.baseURL ?? undefined;
    this.maxRetries = options.maxRetries;
    this.timeout = options.timeout;
    create(this._clientOptions(undefined)); // rejects an invalid base URL up front, as createClient does
  }

  /** @internal */
  _clientOptions(fetchFn: typeof fetch | undefined): ClientOptions {
    const { apiKey, baseURL, timeout, maxRetries, defaultHeaders } = this._options;
    return { apiKey, baseUrl: baseURL ?? undefined, timeoutMs: timeout, maxRetries, headers: given(defaultHeaders), fetch: fetchFn };
  }

  /** @internal One call: the arguments split into the function's params, its result as an APIPromise. */
  _call(operation: Operation, shape: CallShape, positional: unknown[], flat: unknown, options: CallOptions | undefined, prepare?: Prepare): APIPromise<unknown> {
    const call = new Call(this._options, shape.q, options);
    const client = this._create(this._clientOptions(call.fetch));
    call.base = client.baseUrl;
    const send = (given: unknown) => operation(client, ...((shape.p ? [functionParams(shape, positional, given), call.requestOptions] : [call.requestOptions]) as never[]));
    const prepared = prepare?.(flat);
    return call.promise(prepared === undefined ? send(flat) : prepared.then(send));
  }

  /** @internal a stream twin: its result becomes a Stream with a controller. */
  _stream(operation: Operation, shape: CallShape, positional: unknown[], flat: unknown, options: CallOptions | undefined): APIPromise<unknown> {
    const controller = new AbortController();
    const signal = options?.signal;
    if (signal) signal.aborted ? controller.abort() : signal.addEventListener("abort", () => controller.abort(), { once: true });
    const result = this._call(operation, shape, positional, flat, { ...options, signal: controller.signal });
    const stream = result.then((items) => toStream(items as AsyncIterable<unknown>, controller, shape.e === 1));
    return Object.assign(stream, { asResponse: result.asResponse, withResponse: () => Promise.all([stream, result.asResponse()]).then(([data, response]) => ({ data, response })) });
  }
}

/** The base of every generated resource class. */
export class APIResource {
  /** @internal */
  protected readonly _client: BaseClient;
  constructor(client: BaseClient) {
    this._client = client;
  }
}

/** The flat params object (and the positional argument) as the function's params. */
export function functionParams(shape: CallShape, positional: readonly unknown[], flat: unknown): Record<string, unknown> {
  const rest: Record<string, unknown> = { ...(flat as Record<string, unknown> | undefined) };
  const params: Record<string, unknown> = {};
  shape.at?.forEach((name, index) => (params[name] = positional[index]));
  for (const [key, name] of Object.entries(shape.k ?? {})) {
    if (key in rest) params[name] = rest[key];
    delete rest[key];
  }
  if (shape.b !== undefined) {
    const [name, spread, required] = shape.b;
    if (!spread) params[name] = rest["body"];
    else if (required || Object.keys(rest).length > 0) params[name] = rest;
  }
  return params;
}

/**
 * One call's view of the wire: the fetch it hands the runtime applies the call's `query` and `path`,
 * and keeps the final response for asResponse() (a clone goes to the runtime once the caller asked
 * for the raw body, so both can read it).
 */
class Call {
  readonly requestOptions: RequestOptions;
  private readonly raw: { response?: Response; wanted: boolean; first?: string } = { wanted: false };
  private readonly seen: Promise<Response>;
  private readonly options: ClassClientOptions;
  private readonly routeQuery: Record<string, string> | undefined;
  private readonly call: CallOptions | undefined;

  constructor(options: ClassClientOptions, routeQuery: Record<string, string> | undefined, call: CallOptions | undefined) {
    this.options = options;
    this.routeQuery = routeQuery;
    this.call = call;
    let reached: (response: Response) => void = () => {};
    this.seen = new Promise((resolve) => (reached = resolve));
    const { signal, timeout, maxRetries, headers } = call ?? {};
    // The runtime reports the final response once, before decoding it: a success is what asResponse() gives.
    const onResponse = (info: ResponseInfo): void => {
      if (this.raw.response !== undefined && info.status >= 200 && info.status < 300) reached(this.raw.response);
    };
    this.requestOptions = { signal: signal ?? undefined, timeoutMs: timeout, maxRetries, headers: given(headers), onResponse };
  }

  readonly fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const href = input instanceof Request ? input.url : String(input);
    this.raw.first ??= href;
    // Only the call's own URL (every retry sends it again) is rewritten: a redirect's target is the server's.
    const url = href === this.raw.first ? this.rewrite(new URL(href)) : href;
    const response = await (this.options.fetch ?? globalThis.fetch)(url, init);
    this.raw.response = response;
    return this.raw.wanted && response.ok ? response.clone() : response;
  };

  /** The client's base URL (the given one, else the spec's), which a `path` option is resolved under. */
  base: string | undefined;

  private rewrite(url: URL): string {
    if (this.call?.path !== undefined) {
      const base = new URL(this.base ?? url.origin);
      url.pathname = `${base.pathname.replace(/\/+$/, "")}/${this.call.path.replace(/^\/+/, "")}`;
    }
    const extra = { ...this.options.defaultQuery, ...this.routeQuery, ...this.call?.query };
    for (const [key, value] of Object.entries(extra)) if (value !== undefined && value !== null) url.searchParams.set(key, String(value));
    return url.href;
  }

  promise(started: Promise<unknown>): APIPromise<unknown> {
    const data = ("nextPage" in started ? withPageMethods(started as PagedResult) : started).then(undefined, (error: unknown) => {
      throw classError(error);
    });
    // The response once its headers arrived (or, failing that, once the data settled).
    const response = (): Promise<Response> => Promise.race([this.seen, data.then(() => this.seen)]);
    const asResponse = (): Promise<Response> => {
      this.raw.wanted = true;
      return response();
    };
    const withResponse = async () => ({ data: await data, response: await response() });
    // A paged function's result is also async-iterable over every page's items.
    const iterate = Symbol.asyncIterator in started ? { [Symbol.asyncIterator]: () => mapErrors((started as unknown as AsyncIterable<unknown>)[Symbol.asyncIterator]()) } : {};
    return Object.assign(data, { asResponse, withResponse }, iterate);
  }
}

/** The page, once it arrived, with hasNextPage() and getNextPage() (not enumerable: the page's data stays as it came). */
async function withPageMethods(paged: PagedResult): Promise<unknown> {
  const page = await paged;
  const next = await paged.nextPage();
  if (typeof page !== "object" || page === null) return page;
  const getNextPage = () =>
    next === undefined ? Promise.reject(new Error("no next page: check hasNextPage() first")) : withPageMethods(next()).catch((error: unknown) => Promise.reject(classError(error)));
  return Object.defineProperties(page, { hasNextPage: { value: () => next !== undefined, configurable: true }, getNextPage: { value: getNextPage, configurable: true } });
}

function toStream(items: AsyncIterable<unknown>, controller: AbortController, events: boolean): Stream<unknown> {
  return {
    controller,
    async *[Symbol.asyncIterator]() {
      const iterator = mapErrors(items[Symbol.asyncIterator]());
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
        yield events ? (next.value as { data: unknown }).data : next.value;
      }
    },
  };
}

function mapErrors<T>(iterator: AsyncIterator<T>): AsyncIterator<T> {
  const wrap = (step: Promise<IteratorResult<T>>) => step.then(undefined, (error: unknown) => Promise.reject(classError(error)));
  return {
    next: () => wrap(iterator.next()),
    return: (value?: unknown) => wrap(iterator.return?.(value) ?? Promise.resolve({ done: true, value: undefined as T })),
  };
}

// Headers given as null or undefined are left out.
function given(headers: Record<string, string | null | undefined> | undefined): Record<string, string> | undefined {
  if (headers === undefined) return undefined;
  return Object.fromEntries(Object.entries(headers).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
}

/** Work on the flat params before the call, when there is any (a promise of the params to send), else undefined. */
type Prepare = (flat: unknown) => Promise<unknown> | undefined;

/**
 * For a body that may go as multipart (generated methods pass it to _call, so other bundles never
 * hold it): bytes, a stream or a Response where a file goes become files first, named after their
 * key (a stream is read to its end).
 */
export const withFiles: Prepare = (flat) => {
  const uploads = Object.entries((flat ?? {}) as Record<string, unknown>).filter(([, value]) => needsFile(value));
  if (uploads.length === 0) return undefined;
  const files = uploads.map(async ([key, value]) => [key, Array.isArray(value) ? await Promise.all(value.map((item) => asFile(item, key))) : await asFile(value, key)]);
  return Promise.all(files).then((entries) => ({ ...(flat as object), ...Object.fromEntries(entries) }));
};

/** A value a multipart body cannot send as it is: bytes, a stream or a Response (or a list holding one). */
function needsFile(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(needsFile);
  return value instanceof ArrayBuffer || ArrayBuffer.isView(value) || value instanceof ReadableStream || value instanceof Response;
}

function asFile(value: unknown, name: string): unknown {
  return needsFile(value) ? toFile(value as Uploadable, name) : value;
}

/** Bytes, a Blob, a stream or an async iterable of chunks as an uploadable `File` (what multipart bodies take). */
export async function toFile(
  data: Blob | ArrayBuffer | ArrayBufferView | ReadableStream<Uint8Array> | AsyncIterable<Uint8Array | string> | Iterable<Uint8Array> | Response,
  name?: string | null,
  options: { type?: string } = {},
): Promise<File> {
  // Typed loosely: the DOM's BlobPart and @types/node's Blob sources disagree, and the parts are handed straight to File.
  const parts: unknown[] = [];
  if (data instanceof Response) parts.push(await data.blob());
  else if (data instanceof Blob || data instanceof ArrayBuffer || ArrayBuffer.isView(data)) parts.push(data);
  else if (data instanceof ReadableStream) parts.push(await new Response(data).blob());
  else for await (const chunk of data as AsyncIterable<Uint8Array | string>) parts.push(chunk);
  const type = options.type ?? (data instanceof Blob ? data.type : "");
  return new File(parts as never, name ?? (data instanceof File ? data.name : "upload"), { type });
}
