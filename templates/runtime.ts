// Fetch-based runtime shared by every generated client.
// Web-standard APIs only (no imports) so it runs in Node >= 20, browsers, Deno, Bun and edge runtimes.

export type SecurityScheme =
  | { type: "http"; scheme: "bearer" }
  | { type: "http"; scheme: "basic" } // apiKey holds "user:password"
  | { type: "apiKey"; in: "header" | "query" | "cookie"; name: string };

// Options accept an explicit `undefined` (e.g. `apiKey: process.env.KEY`) even under exactOptionalPropertyTypes.
export interface ClientOptions {
  baseUrl?: string | undefined; // overrides the spec's default server
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
}

export interface OperationRequest {
  method: string;
  path: string;
  pathParams?: Record<string, string | number | boolean>;
  query?: Record<string, unknown>;
  headers?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  security: string[][]; // alternatives of scheme names; [] = no auth
}

export class ApiError<TStatus extends number = number, TBody = unknown> extends Error {
  override readonly name = "ApiError";
  readonly status: TStatus;
  readonly body: TBody;
  readonly headers: Headers;
  constructor(message: string, status: TStatus, body: TBody, headers: Headers) {
    super(message);
    this.status = status;
    this.body = body;
    this.headers = headers;
  }
}

// fetch rejected (network failure); the original error is kept as `cause`.
export class ConnectionError extends Error { override readonly name = "ConnectionError"; }
// The per-attempt timeout fired.
export class TimeoutError extends Error { override readonly name = "TimeoutError"; }
// The caller's signal aborted the request; never retried.
export class AbortError extends Error { override readonly name = "AbortError"; }

// Kept outside the client object so the key never shows up when a client is logged or serialized.
const credentials = new WeakMap<Client, { key: string; origin: string }>();

export function configureClient(options: ClientOptions, defaults: ClientDefaults): Client {
  const baseUrl = (options.baseUrl ?? defaults.baseUrl).replace(/\/+$/, "");
  const origin = new URL(baseUrl).origin; // also rejects an invalid base URL up front
  const client: Client = Object.freeze({
    baseUrl,
    headers: Object.freeze({ ...options.headers }),
    fetch: options.fetch,
    timeoutMs: options.timeoutMs ?? 60_000,
    maxRetries: options.maxRetries ?? 2,
    securitySchemes: defaults.securitySchemes,
  });
  const key = options.apiKey ?? readEnv(defaults.apiKeyEnvVar);
  if (key !== undefined) credentials.set(client, { key, origin });
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

type Context = { label: string; signal: AbortSignal | undefined; timeoutMs: number };
type RawResponse = { status: number; headers: Headers; text: string };

export async function request<T>(client: Client, operation: OperationRequest, options: RequestOptions = {}): Promise<T> {
  const method = operation.method.toUpperCase();
  const timeoutMs = options.timeoutMs ?? client.timeoutMs;
  // Errors name the path template, never the URL, which may carry a key in its query.
  const ctx: Context = { label: `${method} ${operation.path}`, signal: options.signal, timeoutMs };
  const url = buildUrl(client, operation);
  const headers = buildHeaders(client, operation, options);
  applyAuth(client, operation.security, url, headers);
  const maxRetries = options.maxRetries ?? client.maxRetries;
  for (let attempt = 0; ; attempt++) {
    const body = operation.body === undefined ? null : JSON.stringify(operation.body);
    let response: RawResponse;
    try {
      response = await send(client, url, { method, headers, body }, ctx);
    } catch (error) {
      if (error instanceof AbortError || attempt >= maxRetries) throw error;
      await sleep(retryDelay(attempt), ctx);
      continue;
    }
    const { status } = response;
    if (status >= 200 && status < 300) return parseBody(response, false) as T;
    const retryable = status === 408 || status === 409 || status === 429 || status >= 500;
    if (attempt >= maxRetries || !retryable) {
      const message = `${ctx.label} failed with status ${status}`;
      throw new ApiError(message, status, parseBody(response, true), response.headers);
    }
    await sleep(retryDelay(attempt, response.headers), ctx);
  }
}

function buildUrl(client: Client, operation: OperationRequest): URL {
  const params = operation.pathParams ?? {};
  const path = operation.path.replace(/\{([^{}]+)\}/g, (_match, name: string) => {
    const value = Object.hasOwn(params, name) ? params[name] : undefined;
    if (value === undefined) throw new TypeError(`Missing path parameter "${name}"`);
    const text = String(value);
    // URL parsing treats "." and ".." (even percent-encoded) as dot-segments that climb the path.
    if (text === "." || text === "..") throw new TypeError(`Path parameter "${name}" must not be "." or ".."`);
    return encodeURIComponent(text);
  });
  const url = new URL(client.baseUrl + path);
  for (const [key, value] of Object.entries(operation.query ?? {})) {
    const items: unknown[] = Array.isArray(value) ? value : [value];
    for (const item of items) if (item !== undefined) url.searchParams.append(key, String(item));
  }
  return url;
}

function buildHeaders(client: Client, operation: OperationRequest, options: RequestOptions): Headers {
  const headers = new Headers({ accept: "application/json" });
  if (operation.body !== undefined) headers.set("content-type", "application/json");
  for (const source of [client.headers, operation.headers, options.headers]) {
    for (const [name, value] of Object.entries(source ?? {})) {
      if (value !== undefined) setHeader(headers, name, String(value));
    }
  }
  return headers;
}

function setHeader(headers: Headers, name: string, value: string): void {
  // CR/LF could smuggle extra headers; the message omits the value since it may be a secret.
  if (/[\r\n\0]/.test(value)) throw new TypeError(`Header "${name}" contains CR, LF or NUL`);
  headers.set(name, value);
}

function applyAuth(client: Client, security: string[][], url: URL, headers: Headers): void {
  const credential = credentials.get(client);
  // Only ever send the key to the configured server (a malformed path could point elsewhere).
  if (credential === undefined || url.origin !== credential.origin) return;
  const { key } = credential;
  const schemes = client.securitySchemes;
  const chosen = security.find((names) => names.length > 0 && names.every((n) => Object.hasOwn(schemes, n)));
  for (const name of chosen ?? []) {
    const scheme = schemes[name];
    if (scheme?.type === "http") {
      setHeader(headers, "authorization", scheme.scheme === "bearer" ? `Bearer ${key}` : `Basic ${base64(key)}`);
    } else if (scheme?.in === "header") {
      setHeader(headers, scheme.name, key);
    } else if (scheme?.in === "query") {
      url.searchParams.set(scheme.name, key);
    } else if (scheme?.in === "cookie") {
      const existing = headers.get("cookie");
      setHeader(headers, "cookie", `${existing ? `${existing}; ` : ""}${scheme.name}=${key}`);
    }
  }
}

function base64(text: string): string {
  let binary = ""; // btoa only takes Latin-1, so feed it the UTF-8 bytes
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

// One attempt. The timeout also covers reading the body, so a stalled stream cannot hang forever.
async function send(client: Client, url: URL, init: RequestInit, ctx: Context): Promise<RawResponse> {
  if (ctx.signal?.aborted) throw aborted(ctx);
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, ctx.timeoutMs);
  const onAbort = (): void => controller.abort();
  ctx.signal?.addEventListener("abort", onAbort); // wired by hand: AbortSignal.any is missing in some runtimes
  try {
    const fetchFn = client.fetch ?? globalThis.fetch; // called unbound: browsers reject fetch with a foreign `this`
    const response = await fetchFn(url.href, { ...init, signal: controller.signal });
    return { status: response.status, headers: response.headers, text: await response.text() };
  } catch (error) {
    if (ctx.signal?.aborted) throw aborted(ctx);
    if (timedOut) throw new TimeoutError(`${ctx.label} timed out after ${ctx.timeoutMs} ms`);
    throw new ConnectionError(`${ctx.label} failed: connection error`, { cause: error });
  } finally {
    clearTimeout(timer);
    ctx.signal?.removeEventListener("abort", onAbort);
  }
}

function parseBody(response: RawResponse, lenient: boolean): unknown {
  const { status, text } = response;
  if (status === 204 || status === 205 || text === "") return undefined;
  const mime = response.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase() ?? "";
  if (mime !== "application/json" && !mime.endsWith("+json")) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    if (lenient) return text; // keep the ApiError rather than hide it behind a SyntaxError
    throw error;
  }
}

// Exponential backoff with jitter, unless the server asked for a specific delay of at most 60 s.
function retryDelay(attempt: number, headers?: Headers): number {
  const hint = headers && serverDelay(headers);
  if (hint !== undefined && hint >= 0 && hint <= 60_000) return hint;
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

function aborted(ctx: Context): AbortError {
  return new AbortError(`${ctx.label} was aborted`, { cause: ctx.signal?.reason });
}
