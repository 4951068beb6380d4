// Fetch-based runtime shared by every generated client.
// Web-standard APIs only (no imports) so it runs in Node >= 20, browsers, Deno, Bun and edge runtimes.

export type SecurityScheme =
  | { type: "http"; scheme: "bearer" }
  | { type: "http"; scheme: "basic" } // apiKey holds "user:password"
  | { type: "apiKey"; in: "header" | "query" | "cookie"; name: string };

// Options accept an explicit `undefined` (e.g. `apiKey: process.env.KEY`) even under exactOptionalPropertyTypes.
export interface ClientOptions {
  baseUrl?: string | undefined; // overrides the spec's servers, an operation's own server included
  serverVariables?: Record<string, string> | undefined; // fill `{name}` in an operation's own server URL
  apiKey?: string | undefined; // credential for whichever scheme an operation needs
  headers?: Record<string, string> | undefined; // sent on every request
  fetch?: typeof fetch | undefined; // defaults to globalThis.fetch, looked up at call time
  timeoutMs?: number | undefined; // per attempt, default 60 000
  maxRetries?: number | undefined; // default 2
}

export interface ClientDefaults {
  baseUrl: string;
  apiKeyEnvVar?: string; // read when ClientOptions.apiKey is undefined and process.env exists
  securitySchemes: Record<string, SecurityScheme>;
}

export interface Client {
  readonly baseUrl: string;
  readonly baseUrlGiven: boolean; // the caller passed baseUrl: every operation goes there
  readonly serverVariables: Readonly<Record<string, string>>;
  readonly headers: Readonly<Record<string, string>>;
  readonly fetch: typeof fetch | undefined;
  readonly timeoutMs: number;
  readonly maxRetries: number;
  readonly securitySchemes: Readonly<Record<string, SecurityScheme>>;
}

export interface RequestOptions {
  signal?: AbortSignal | undefined;
  timeoutMs?: number | undefined;
  maxRetries?: number | undefined;
  headers?: Record<string, string> | undefined;
  onResponse?: ((response: ResponseInfo) => void) | undefined; // once, with the final response, before decoding
  maxLineLength?: number | undefined; // longest line of an event stream or NDJSON body, in characters; default 2 ** 25
}

export interface OperationRequest {
  method: string;
  path: string;
  server?: OperationServer; // the operation's own server, unless the caller passed baseUrl
  pathParams?: Record<string, unknown>; // simple style
  query?: Record<string, unknown>; // form style, exploded
  headers?: Record<string, unknown>; // simple style
  cookies?: Record<string, unknown>;
  body?: unknown;
  encodeBody?: BodyEncoder; // default: plain JSON (generated code passes jsonBody, which refuses files)
  decodeResponse?: ResponseDecoder; // 2xx only; default: JSON by content-type, else text
  security: string[][]; // alternatives of scheme names; [] = no auth
  idempotencyKey?: string; // the header carrying one key per call (minted unless sent); a write so keyed is retried like a read
  mayBeEmpty?: boolean; // a 2xx may come without a body (the result type allows undefined); else an empty body is a DecodeError
  url?: string | undefined; // a next page's absolute URL as the server gave it (paging.ts): sent instead of path and query
}

// `variables` holds the spec's defaults; the client's serverVariables take precedence.
export interface OperationServer {
  url: string;
  variables?: Record<string, string>;
}

// Spelled through RequestInit: the `BodyInit` global exists only with the DOM lib, not in Node-only projects.
type BodyValue = NonNullable<RequestInit["body"]>;

export interface EncodedBody {
  body: BodyValue;
  contentType?: string;
  /** false for a ReadableStream: it cannot be sent twice, so no retries; absent: true */
  replayable?: boolean;
}
export type BodyEncoder = (body: unknown) => EncodedBody;

export interface ResponseDecoder {
  /** true: the timeout stops once headers arrive, and the result streams */
  streaming: boolean;
  /** The `accept` header to send (JSON when there is no decoder). */
  accept: string;
  /** A streaming decoder reads its body through the call (its signal, its error types). */
  decode(response: Response, call?: CallContext): unknown;
}

export interface ResponseInfo {
  status: number;
  headers: Headers;
  url: string;
  requestId: string | undefined;
}

/** `E` narrows `event` where the spec names each event's type, so checking `event` narrows `data`. */
export interface ServerSentEvent<T, E extends string = string> {
  event: E;
  data: T;
  id: string;
  retry?: number;
}

// `TStatus` may be undefined: the client class's connection and abort errors are APIErrors without an answer.
export class ApiError<TStatus extends number | undefined = number, TBody = unknown> extends Error {
  override readonly name = "ApiError";
  declare readonly status: TStatus;
  declare readonly body: TBody;
  declare readonly headers: Headers;
  constructor(message: string, status: TStatus, body: TBody, headers: Headers) {
    super(message);
    this.status = status;
    this.body = body;
    this.headers = headers;
  }
}

// fetch rejected (network failure), or the body broke off after the headers (then `status` is set);
// the original error is kept as `cause`.
export class ConnectionError extends Error { override readonly name = "ConnectionError"; declare status?: number | undefined; }
// The request itself could not be made (a missing path parameter, a header value or body fetch refuses,
// a custom fetch's own TypeError); never retried. A TypeError, as fetch itself would throw.
export class RequestError extends TypeError { override readonly name = "RequestError"; }
// A 2xx answer whose body is not what the operation declares (a stream, or JSON that does not parse).
export class DecodeError extends Error { override readonly name = "DecodeError"; }
// The per-attempt timeout fired; `status` is set when it cut the body after the headers.
export class TimeoutError extends Error { override readonly name = "TimeoutError"; declare status?: number | undefined; }
// The caller's signal aborted the request; never retried.
export class AbortError extends Error { override readonly name = "AbortError"; }

// Kept outside the client object so the key never shows up when a client is logged or serialized.
const credentials = new WeakMap<Client, { key: string }>();

export function configureClient(options: ClientOptions, defaults: ClientDefaults): Client {
  const baseUrl = (options.baseUrl ?? defaults.baseUrl).replace(/\/+$/, "");
  new URL(baseUrl); // rejects an invalid base URL up front
  const client: Client = Object.freeze({
    baseUrl,
    baseUrlGiven: options.baseUrl !== undefined,
    serverVariables: Object.freeze({ ...options.serverVariables }),
    headers: Object.freeze({ ...options.headers }),
    fetch: options.fetch,
    timeoutMs: options.timeoutMs ?? 60_000,
    maxRetries: options.maxRetries ?? 2,
    securitySchemes: defaults.securitySchemes,
  });
  const key = options.apiKey ?? readEnv(defaults.apiKeyEnvVar);
  if (key !== undefined) credentials.set(client, { key });
  return client;
}

function readEnv(name: string | undefined): string | undefined {
  // Typed locally so the file needs no Node typings; `process` only exists in server runtimes.
  const host = globalThis as unknown as { process?: { env?: Record<string, string | undefined> } };
  try {
    return name === undefined ? undefined : host.process?.env?.[name] || undefined;
  } catch {
    return undefined; // e.g. Deno without --allow-env throws on access
  }
}

/** One call, as the runtime's decoders see it. */
export interface CallContext {
  readonly label: string;
  readonly signal?: AbortSignal | undefined;
  readonly timeoutMs: number;
  readonly client: Client;
  readonly maxLineLength?: number | undefined;
}
type Context = CallContext;
type Outcome = { done: true; data: unknown } | { done: false; headers: Headers };

export async function request<T>(client: Client, operation: OperationRequest, options: RequestOptions = {}): Promise<T> {
  const method = operation.method.toUpperCase();
  const timeoutMs = options.timeoutMs ?? client.timeoutMs;
  // Errors name the path template, never the URL, which may carry a key in its query.
  // (the call's options go along whole: their signal and maxLineLength are the context's)
  const ctx: Context = { ...options, label: `${method} ${operation.path}`, timeoutMs, client };
  let url: URL, init: RequestInit, replayable: boolean;
  const keyHeader = operation.idempotencyKey;
  try {
    url = buildUrl(client, operation);
    // Generated code names its encoder (jsonBody for JSON, which refuses files); a hand-built request's body is plain JSON.
    const { body, encodeBody = (value: unknown): EncodedBody => ({ body: JSON.stringify(value), contentType: "application/json" }) } = operation;
    const encoded = body === undefined ? undefined : encodeBody(body);
    const headers = buildHeaders(client, operation, options, encoded?.contentType);
    // One key per call, sent on every attempt, so the server can tell a retry from a new request.
    if (keyHeader && !headers.has(keyHeader)) headers.set(keyHeader, crypto.randomUUID());
    applyAuth(client, operation, url, headers);
    // A stream body is used up by the first attempt, so it is never re-sent; Node needs `duplex` to send one.
    replayable = encoded?.replayable ?? true;
    // Redirects are followed by send(), which keeps credentials to the origin the request was built for.
    init = { method, headers, body: encoded?.body ?? null, redirect: "manual" };
  } catch (error) {
    throw requestError(ctx, error);
  }
  // A body cut after the headers is retried only where sending twice is harmless: an idempotent method, or a key.
  const repeatable = keyHeader || !/^P[OA]/.test(method); // neither POST nor PATCH
  // `duplex` is missing from older lib typings, hence assigned untyped.
  if (!replayable) Object.assign(init, { duplex: "half" });
  const maxRetries = replayable ? (options.maxRetries ?? client.maxRetries) : 0;
  for (let attempt = 0; ; attempt++) {
    const last = attempt >= maxRetries;
    let outcome: Outcome;
    try {
      outcome = await exchange(client, url, init, ctx, operation, options, last);
    } catch (error) {
      // Only transport failures are retried: API errors, aborts and decoding errors reach the caller as-is.
      // A write whose answer was cut after its headers was done by the server: not sent again.
      if (last || !(error instanceof ConnectionError || error instanceof TimeoutError) || (error.status && !repeatable)) throw error;
      await sleep(retryDelay(attempt), ctx);
      continue;
    }
    if (outcome.done) return outcome.data as T;
    await sleep(retryDelay(attempt, outcome.headers), ctx);
  }
}

// One attempt. The timeout covers reading the body too (a stalled body cannot hang forever),
// except for a streaming decoder, where it stops once the headers arrive.
async function exchange(
  client: Client,
  url: URL,
  init: RequestInit,
  ctx: Context,
  operation: OperationRequest,
  options: RequestOptions,
  last: boolean,
): Promise<Outcome> {
  const attempt = startAttempt(ctx);
  try {
    const response = await attempt.guard(() => send(client, url, init, attempt.signal));
    const { status } = response;
    const ok = status >= 200 && status < 300;
    if (!ok && !last && (status === 408 || status === 409 || status === 429 || status >= 500)) {
      await attempt.guard(() => response.text()); // drained so the connection can be reused
      return { done: false, headers: response.headers };
    }
    attempt.status = status; // from here a failure cuts an answer the server has given
    options.onResponse?.(describe(client, url, response));
    const decoder = operation.decodeResponse;
    // A streaming decoder reads its body through the call (the caller's signal still cancels it).
    if (ok && decoder) return { done: true, data: decoder.streaming ? decoder.decode(response, ctx) : await attempt.guard(async () => decoder.decode(response)) };
    const text = await attempt.guard(() => response.text());
    if (ok) return { done: true, data: parseBody(response, text, ctx, operation.mayBeEmpty) };
    throw new ApiError(`${ctx.label} failed with status ${status}`, status, parseBody(response, text), response.headers);
  } finally {
    attempt.end();
  }
}

type Attempt = { signal: AbortSignal; status?: number; guard<R>(work: () => Promise<R>): Promise<R>; end(): void };

// Ties one attempt's timeout and the caller's signal to the fetch; guard() names whatever failed.
function startAttempt(ctx: Context): Attempt {
  if (ctx.signal?.aborted) throw aborted(ctx);
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, ctx.timeoutMs);
  const onAbort = (): void => controller.abort();
  ctx.signal?.addEventListener("abort", onAbort); // wired by hand: AbortSignal.any is missing in some runtimes
  const attempt: Attempt = {
    signal: controller.signal,
    async guard<R>(work: () => Promise<R>): Promise<R> {
      try {
        return await work();
      } catch (error) {
        if (ctx.signal?.aborted) throw aborted(ctx);
        throw isRefusal(error) && !timedOut ? requestError(ctx, error) : transportError(ctx, error, attempt.status, timedOut);
      }
    },
    end(): void {
      clearTimeout(timer);
      ctx.signal?.removeEventListener("abort", onAbort);
    },
  };
  return attempt;
}

// fetch would follow a redirect itself, re-sending every header but Authorization (an API key included)
// to whatever origin it names. So redirects are followed here, at most 20, and a hop to another origin
// goes without any credential.
async function send(client: Client, url: URL, init: RequestInit, signal: AbortSignal): Promise<Response> {
  const fetchFn = client.fetch ?? globalThis.fetch; // called unbound: browsers reject fetch with a foreign `this`
  const hop = { ...init, signal };
  // Where an API key may travel: each apiKey scheme's header, query or cookie name ("cookie" stands in for http schemes).
  const keys = Object.values(client.securitySchemes).map((scheme) => (scheme.type === "apiKey" ? scheme.name : "cookie"));
  for (let hops = 0; hops < 21; hops++) {
    const response = await fetchFn(url.href, hop);
    const { status } = response;
    const location = response.headers.get("location");
    if (response.type === "opaqueredirect") {
      // A browser hides where the redirect goes: it may follow it itself (dropping Authorization) when no API key goes along.
      if (keys.some((name) => (hop.headers as Headers).has(name) || url.searchParams.has(name))) {
        throw new TypeError("redirect to a hidden origin");
      }
      hop.redirect = "follow";
    } else if (location && /^30[12378]$/.test(`${status}`)) {
      response.body?.cancel().catch(() => {});
      const next = new URL(location, url);
      const headers = (hop.headers = new Headers(hop.headers));
      // As fetch does: 303 See Other GETs the answer, and so does a POST answered 301 or 302.
      if (status === 303 || (status < 303 && hop.method === "POST")) {
        hop.method = "GET";
        hop.body = null;
      }
      // A Location to another origin may echo the key in its query (a naive "moved" redirect does): dropped too.
      if (next.origin !== url.origin) {
        for (const name of [...keys, "authorization", "cookie"]) {
          headers.delete(name);
          if (next.searchParams.has(name)) next.searchParams.delete(name);
        }
      }
      url = next;
    } else return response;
  }
  throw new TypeError("too many redirects");
}

function buildUrl(client: Client, operation: OperationRequest): URL {
  if (operation.url) return new URL(operation.url);
  const params = operation.pathParams ?? {};
  const path = operation.path.replace(/\{([^{}]+)\}/g, (_match, name: string) => {
    const value = Object.hasOwn(params, name) ? params[name] : undefined;
    if (value === undefined) throw new TypeError(`Missing path parameter "${name}"`);
    // Simple style: each item is encoded, the "," between items stays literal.
    const text = flatParts(value).map(encodeURIComponent).join(",");
    // URL parsing treats "." and ".." (even percent-encoded) as dot-segments that climb the path.
    if (text === "." || text === "..") throw new TypeError(`Path parameter "${name}" must not be "." or ".."`);
    return text;
  });
  const url = new URL(serverUrl(client, operation) + path);
  // Built by hand, not with searchParams: that would also encode the delimiters joinDelimited keeps literal.
  const pairs = formPairs(operation.query ?? {}).map(
    ([key, value]) => `${encodeURIComponent(key)}=${isEncoded(value) ? value[encoded] : encodeURIComponent(value)}`,
  );
  appendQuery(url, pairs);
  return url;
}

// The caller's baseUrl, else the operation's own server (its variables filled in), else the spec's first server.
function serverUrl(client: Client, operation: OperationRequest): string {
  const { server } = operation;
  if (server === undefined || client.baseUrlGiven) return client.baseUrl;
  const url = server.url.replace(/\{([^{}]+)\}/g, (_match, name: string) => {
    const value = ownValue(client.serverVariables, name) ?? ownValue(server.variables ?? {}, name);
    if (value === undefined) throw new TypeError(`Missing server variable "${name}" (createClient's serverVariables)`);
    return value;
  });
  return url.replace(/\/+$/, "");
}

function ownValue(record: Readonly<Record<string, string>>, name: string): string | undefined {
  return Object.hasOwn(record, name) ? record[name] : undefined;
}

function appendQuery(url: URL, pairs: string[]): void {
  if (pairs.length > 0) url.search = [url.search.slice(1), ...pairs].filter(Boolean).join("&");
}

// A query value already encoded item by item, with its delimiters left literal.
const encoded: unique symbol = Symbol("encoded");
export interface EncodedQueryValue {
  readonly [encoded]: string;
}

function isEncoded(value: unknown): value is EncodedQueryValue {
  return typeof value === "object" && value !== null && encoded in value;
}

// Form style, exploded (the OpenAPI default for query and form bodies):
// arrays repeat the key, a plain object contributes one key per property, undefined is skipped.
function formPairs(record: Record<string, unknown>): [string, string | EncodedQueryValue][] {
  const pairs: [string, string | EncodedQueryValue][] = [];
  const add = (key: string, value: unknown, nested: boolean): void => {
    if (value === undefined) return;
    if (isEncoded(value)) pairs.push([key, value]);
    else if (Array.isArray(value)) for (const item of value) add(key, item, true);
    else if (!nested && isPlainObject(value)) for (const [k, v] of Object.entries(value)) add(k, v, true);
    else pairs.push([key, String(value)]);
  };
  for (const [key, value] of Object.entries(record)) add(key, value, false);
  return pairs;
}

// Unexploded values: array items, or a plain object's keys and values in turn; undefined is skipped.
function flatParts(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((item) => item !== undefined).map(String);
  if (!isPlainObject(value)) return [String(value)];
  return Object.entries(value).flatMap(([k, v]) => (v === undefined ? [] : [k, String(v)]));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function buildHeaders(client: Client, operation: OperationRequest, options: RequestOptions, contentType?: string): Headers {
  const headers = new Headers({ accept: operation.decodeResponse?.accept ?? "application/json" });
  if (contentType !== undefined) headers.set("content-type", contentType);
  for (const source of [client.headers, operation.headers, options.headers]) {
    for (const [name, value] of Object.entries(source ?? {})) {
      if (value !== undefined) setHeader(headers, name, flatParts(value).join(","));
    }
  }
  for (const [name, value] of Object.entries(operation.cookies ?? {})) {
    if (value !== undefined) addCookie(headers, `${name}=${encodeURIComponent(flatParts(value).join(","))}`);
  }
  return headers;
}

function setHeader(headers: Headers, name: string, value: string): void {
  // CR/LF could smuggle extra headers; the message omits the value since it may be a secret.
  if (/[\r\n\0]/.test(value)) throw new TypeError(`Header "${name}" contains CR, LF or NUL`);
  headers.set(name, value);
}

// Browsers and servers expect all cookies in a single header.
function addCookie(headers: Headers, cookie: string): void {
  const existing = headers.get("cookie");
  setHeader(headers, "cookie", existing ? `${existing}; ${cookie}` : cookie);
}

function applyAuth(client: Client, operation: OperationRequest, url: URL, headers: Headers): void {
  const credential = credentials.get(client);
  // Only ever send the key to the operation's server (a malformed path could point elsewhere).
  if (credential === undefined || url.origin !== new URL(serverUrl(client, operation)).origin) return;
  const { key } = credential;
  const schemes = client.securitySchemes;
  const chosen = operation.security.find((names) => names.length > 0 && names.every((n) => Object.hasOwn(schemes, n)));
  for (const name of chosen ?? []) {
    const scheme = schemes[name];
    if (scheme?.type === "http") {
      setHeader(headers, "authorization", scheme.scheme === "bearer" ? `Bearer ${key}` : `Basic ${base64(key)}`);
    } else if (scheme?.in === "header") {
      setHeader(headers, scheme.name, key);
    } else if (scheme?.in === "query") {
      // Appended as text: searchParams.set would re-encode the literal delimiters of the query.
      // A next page's URL may already carry it, as the server echoed it: not sent twice.
      if (!url.searchParams.has(scheme.name)) appendQuery(url, [`${encodeURIComponent(scheme.name)}=${encodeURIComponent(key)}`]);
    } else if (scheme?.in === "cookie") {
      addCookie(headers, `${scheme.name}=${key}`);
    }
  }
}

function base64(text: string): string {
  return btoa(String.fromCharCode(...new TextEncoder().encode(text))); // btoa only takes Latin-1, so feed it the UTF-8 bytes
}

function describe(client: Client, url: URL, response: Response): ResponseInfo {
  const { headers, status } = response;
  const ids = ["x-request-id", "request-id", "x-amzn-requestid", "cf-ray"].map((name) => headers.get(name));
  const requestId = ids.find((id) => id !== null) ?? undefined;
  return { status, headers, url: redactKey(client, response.url || url.href), requestId };
}

// ResponseInfo and RequestError messages tend to get logged, so the API key is masked in them,
// as sent (a header) and as encoded into a query.
function redactKey(client: Client, text: string): string {
  const key = credentials.get(client)?.key;
  return key ? text.replaceAll(key, "REDACTED").replaceAll(encodeURIComponent(key), "REDACTED") : text;
}

function mimeType(response: Response): string {
  return response.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase() ?? "";
}

// An error body that is not JSON is kept as text (the ApiError matters more than its body's format);
// a success body must be the JSON the operation declares, whatever its content-type says.
// An empty success body is undefined only where the operation's result allows it (`mayBeEmpty`).
function parseBody(response: Response, text: string, strict?: Context, mayBeEmpty?: boolean): unknown {
  if (response.status === 204 || response.status === 205 || (text === "" && (!strict || mayBeEmpty))) return undefined;
  const mime = mimeType(response);
  if (!strict && mime !== "application/json" && !mime.endsWith("+json")) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    if (!strict) return text;
    const message = `${strict.label} answered ${response.status} with ${text ? `content-type "${mime}"` : "an empty body"}, expected JSON`;
    throw new DecodeError(message, { cause: error });
  }
}

// Exponential backoff with jitter, unless the server asked for a specific delay of at most 60 s.
function retryDelay(attempt: number, headers?: Headers): number {
  const hint = headers && serverDelay(headers);
  if (hint! >= 0 && hint! <= 60_000) return hint!; // undefined >= 0 is false
  return Math.min(8000, 500 * 2 ** attempt) * (0.75 + Math.random() * 0.25);
}

function serverDelay(headers: Headers): number | undefined {
  const ms = headers.get("retry-after-ms")?.trim();
  if (ms && Number.isFinite(Number(ms))) return Number(ms);
  const after = headers.get("retry-after")?.trim(); // seconds or an HTTP date
  if (!after) return undefined;
  if (Number.isFinite(Number(after))) return Number(after) * 1000;
  const date = Date.parse(after);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

// Waits between attempts; the caller's signal cuts the wait short.
function sleep(ms: number, ctx: Context): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(aborted(ctx));
    };
    const timer = setTimeout(() => {
      ctx.signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    if (ctx.signal?.aborted) onAbort();
    else ctx.signal?.addEventListener("abort", onAbort, { once: true });
  });
}

// A network failure or the timeout; `status` says the answer had begun (its body was cut), so a write is not repeated.
function transportError(ctx: Context, cause: unknown, status?: number, timedOut?: boolean): ConnectionError | TimeoutError {
  const cut = status ? ` (response cut after status ${status})` : "";
  const error = timedOut
    ? new TimeoutError(`${ctx.label} timed out after ${ctx.timeoutMs} ms${cut}`)
    : new ConnectionError(`${ctx.label} failed: connection error${cut}`, { cause });
  return Object.assign(error, { status });
}

// A TypeError from fetch is a network failure only when it says so: undici keeps the socket error as
// its `cause` ("fetch failed"), browsers say "Failed to fetch", "NetworkError …" or "Load failed", Deno
// "error sending request". Any other TypeError is fetch (or a custom fetch) refusing the request itself.
function isRefusal(error: unknown): boolean {
  return (
    error instanceof TypeError &&
    error.cause === undefined &&
    !/fetch failed|failed to fetch|network|load failed|sending request/i.test(error.message)
  );
}

// Keeps the cause's message (minus the API key, should the cause quote a URL or header carrying it).
function requestError(ctx: Context, cause: unknown): RequestError {
  return new RequestError(`${ctx.label} could not be sent: ${redactKey(ctx.client, String(cause))}`, { cause });
}

function aborted(ctx: Context): AbortError {
  return new AbortError(`${ctx.label} was aborted`, { cause: ctx.signal?.reason });
}

// ---------------------------------------------------------------------------------------------
// Opt-in features. Generated code imports these only for operations that need them, and request()
// never references them, so a bundle with plain JSON operations leaves them out.

// usage: const { data, response } = await withResponse((options) => getEndpoint(client, { endpointId }, options));
export async function withResponse<T>(
  call: (options: RequestOptions) => Promise<T>,
): Promise<{ data: T; response: ResponseInfo }> {
  const seen: { response?: ResponseInfo } = {};
  const data = await call({ onResponse: (response) => (seen.response = response) });
  if (seen.response === undefined) throw new TypeError("withResponse: the call did not pass its options on to request()");
  return { data, response: seen.response };
}

// usage: catch (error) { if (isApiError<GetEndpointError>(error) && error.status === 404) log(error.body.error.message); }
// The type argument is the operation's `<Operation>Error` union; checking `status` narrows `body` to that status's type.
export function isApiError<E extends ApiError = ApiError>(error: unknown): error is E {
  return error instanceof ApiError;
}

// The handshake URL of a WebSocket operation: built like any call's URL (path and query parameters,
// an API key the spec sends in the query), with ws: or wss: for the scheme. Other credentials cannot
// travel in a browser's WebSocket handshake; see the README.
export function websocketUrl(client: Client, operation: OperationRequest): URL {
  const url = buildUrl(client, operation);
  applyAuth(client, operation, url, new Headers());
  url.protocol = url.protocol === "http:" ? "ws:" : "wss:";
  return url;
}

export function jsonBody(contentType: string): BodyEncoder {
  return (body) => ({ body: JSON.stringify(body, noBinary), contentType });
}

// JSON.stringify would write a File or Blob as {} (a typed array as numbered keys): refused, naming the property.
function noBinary(key: string, value: unknown): unknown {
  if (isBinary(value)) throw new TypeError(`Body property "${key}" is binary, which JSON cannot carry`);
  return value;
}

function isBinary(value: unknown): boolean {
  return value instanceof Blob || value instanceof ArrayBuffer || ArrayBuffer.isView(value) || value instanceof ReadableStream;
}

export const formBody: BodyEncoder = (body) => ({
  body: new URLSearchParams(
    formPairs(asRecord(body, "form")).map(([k, v]): [string, string] => [k, typeof v === "string" ? v : v[encoded]]),
  ).toString(),
  contentType: "application/x-www-form-urlencoded",
});

// No content-type: fetch must add it, since only fetch knows the boundary.
export const multipartBody: BodyEncoder = (body) => {
  const form = new FormData();
  for (const [name, value] of Object.entries(asRecord(body, "multipart"))) appendPart(form, name, value);
  return { body: form };
};

// True when a body has a file (as a property, or among an array property's items): only multipart carries it.
export function hasBinary(body: unknown): boolean {
  return isPlainObject(body) && Object.values(body).some((value) => isBinary(value) || (Array.isArray(value) && value.some(isBinary)));
}

function appendPart(form: FormData, name: string, value: unknown): void {
  if (value === undefined) return;
  if (value instanceof Blob) form.append(name, value); // a File keeps its name
  else if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) form.append(name, new Blob([value as ArrayBuffer]), name);
  else if (isPlainObject(value) || (Array.isArray(value) && value.some(isPlainObject))) {
    form.append(name, new Blob([JSON.stringify(value, noBinary)], { type: "application/json" }));
  } else if (Array.isArray(value)) for (const item of value) appendPart(form, name, item);
  else form.append(name, String(value));
}

function asRecord(body: unknown, kind: string): Record<string, unknown> {
  if (!isPlainObject(body)) throw new TypeError(`A ${kind} body must be a plain object`);
  return body;
}

/** What a binary request body may be given as. A stream can be sent only once, so it is never retried. */
export type BinaryBody = Blob | ArrayBuffer | ArrayBufferView | ReadableStream<Uint8Array>;

export function binaryBody(contentType: string): BodyEncoder {
  return (body) => {
    const stream = body instanceof ReadableStream;
    if (!isBinary(body)) {
      throw new TypeError("A binary body must be a Blob, ArrayBuffer, typed array or ReadableStream");
    }
    return { body: body as BodyValue, contentType, replayable: !stream };
  };
}

export function textBody(contentType: string): BodyEncoder {
  return (body) => ({ body: String(body), contentType });
}

// The operation declares no success body: whatever comes is read (freeing the connection) and dropped.
export const emptyResponse: ResponseDecoder = {
  streaming: false,
  accept: "application/json",
  decode: async (response) => void (await response.arrayBuffer()),
};
export const textResponse: ResponseDecoder = { streaming: false, accept: "text/*", decode: (response) => response.text() };
export const blobResponse: ResponseDecoder = { streaming: false, accept: "*/*", decode: (response) => response.blob() };
// The body a streaming decoder reads: no timeout any more, but the caller's signal still cancels it
// (freeing the connection, even with a fetch that ignores signals) and failures keep our error types.
// Without a call (a decoder used on its own), the body as it is.
function streamBody(response: Response, ctx?: CallContext): ReadableStream<Uint8Array> | null {
  const source = response.body;
  if (source === null || ctx === undefined) return source;
  const reader = source.getReader();
  let release = (): void => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const onAbort = (): void => {
        controller.error(aborted(ctx));
        reader.cancel(ctx.signal?.reason).catch(() => {});
      };
      if (ctx.signal?.aborted) return onAbort();
      ctx.signal?.addEventListener("abort", onAbort, { once: true });
      release = () => ctx.signal?.removeEventListener("abort", onAbort);
    },
    async pull(controller) {
      try {
        const chunk = await reader.read();
        if (!chunk.done) return controller.enqueue(chunk.value);
        release();
        controller.close();
      } catch (error) {
        release();
        controller.error(ctx.signal?.aborted ? aborted(ctx) : transportError(ctx, error, response.status));
      }
    },
    cancel(reason) {
      release();
      return reader.cancel(reason);
    },
  });
  return stream;
}

// Ends the stream at an event whose data is one of `sentinels` (the spec's end-of-stream values); that event is not yielded.
export function sseResponseUntil(sentinels: readonly string[]): ResponseDecoder {
  return { streaming: true, accept: "text/event-stream", decode: (response, call) => sseEvents(streamBody(response, call), sentinels, call?.maxLineLength) };
}
// OpenAI's convention, for specs that declare no end-of-stream value. A literal, not a call, so bundlers can drop it unused.
export const sseResponse: ResponseDecoder = {
  streaming: true,
  accept: "text/event-stream",
  decode: (response, call) => sseEvents(streamBody(response, call), ["[DONE]"], call?.maxLineLength),
};
export const ndjsonResponse: ResponseDecoder = {
  streaming: true,
  accept: "application/x-ndjson, application/jsonl",
  decode: (response, call) => ndjsonValues(streamBody(response, call), call?.maxLineLength),
};

// Form without explode (","), spaceDelimited (" ") and pipeDelimited ("|").
export function joinDelimited(value: unknown, delimiter: "," | " " | "|"): EncodedQueryValue | undefined {
  if (value === undefined) return undefined;
  // Items are encoded one by one so a delimiter inside an item stays distinguishable from the delimiter.
  return { [encoded]: flatParts(value).map(encodeURIComponent).join(delimiter === " " ? "%20" : delimiter) };
}

// One level deep: { name: { a: 1, b: [2, 3] } } -> { "name[a]": "1", "name[b]": "2,3" }.
export function deepObject(name: string, value: unknown): Record<string, string> {
  if (value === undefined) return {};
  if (!isPlainObject(value)) return { [name]: flatParts(value).join(",") };
  const out: Record<string, string> = {};
  for (const [key, item] of Object.entries(value)) if (item !== undefined) out[`${name}[${key}]`] = flatParts(item).join(",");
  return out;
}

// Text lines of a byte stream, ending in CRLF, LF or CR. Chunks may split a line, a UTF-8 character
// or a CRLF anywhere. TextDecoder drops a leading BOM. Leaving early cancels the body.
// Linear in the bytes received: each chunk is scanned once, and an unfinished line is kept as pieces,
// joined once it ends (re-splitting it with every chunk took seconds for one 8 MB event).
async function* lines(body: ReadableStream<Uint8Array> | null, max = 2 ** 25): AsyncGenerator<string> {
  if (body === null) return;
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let pieces: string[] = []; // the unfinished line
  let length = 0;
  let afterCR = false; // the last chunk ended in CR, so a leading LF belongs to that line end
  const grow = (piece: string): void => {
    // A cap, so a server that never ends a line cannot fill the memory.
    if ((length += piece.length) > max) throw new DecodeError(`A line of the response is longer than ${max} characters (raise options.maxLineLength)`);
    pieces.push(piece);
  };
  try {
    for (;;) {
      const { done, value } = await reader.read();
      let text = done ? decoder.decode() : decoder.decode(value, { stream: true });
      if (text !== "") {
        if (afterCR && text.startsWith("\n")) text = text.slice(1);
        afterCR = text.endsWith("\r");
      }
      const breaks = /\r\n|\r|\n/g;
      let start = 0;
      for (let end; (end = breaks.exec(text)); start = breaks.lastIndex) {
        grow(text.slice(start, end.index));
        yield pieces.join("");
        pieces = [];
        length = 0;
      }
      grow(text.slice(start));
      if (done) break;
    }
    if (length > 0) yield pieces.join(""); // a last line without a line end
  } finally {
    await reader.cancel().catch(() => {}); // frees the connection when the consumer stops early
  }
}

// WHATWG event-stream parsing; data (as a string, raw or JSON-quoted) equal to a sentinel ends the stream.
async function* sseEvents(
  body: ReadableStream<Uint8Array> | null,
  sentinels: readonly string[],
  max?: number,
): AsyncGenerator<ServerSentEvent<unknown>> {
  let data: string[] = [];
  let event = "";
  // The spec makes the last event id and the reconnection time stream state, so both carry over.
  let id = "";
  let retry: number | undefined;
  for await (const line of lines(body, max)) {
    if (line === "") {
      const value = parseLoose(data.join("\n"));
      if (typeof value === "string" && sentinels.includes(value)) return;
      if (data.length > 0) yield { event: event || "message", data: value, id, ...(retry === undefined ? {} : { retry }) };
      data = [];
      event = "";
      continue;
    }
    // A comment (":text") has an empty field name, so it falls through every branch below.
    const colon = line.indexOf(":");
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? "" : line.slice(line[colon + 1] === " " ? colon + 2 : colon + 1);
    if (field === "data") data.push(value);
    else if (field === "event") event = value;
    else if (field === "id" && !value.includes("\0")) id = value;
    else if (field === "retry" && /^\d+$/.test(value)) retry = Number(value);
  }
}

function parseLoose(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

async function* ndjsonValues(body: ReadableStream<Uint8Array> | null, max?: number): AsyncGenerator<unknown> {
  for await (const line of lines(body, max)) if (line.trim() !== "") yield JSON.parse(line) as unknown;
}
