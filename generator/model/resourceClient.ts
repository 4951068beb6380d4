import type { LockedResourcePlace, NameLock } from "../naming/nameLock.js";
import { defaultResourcePlace, type ResourcePlace } from "../naming/resourceNames.js";
import { routeMatchKey, type ResourceRoute } from "../shared/resourceRoutes.js";
import type { SpecLocation, SpecWarning } from "../shared/specError.js";
import type { NamedTypeModel, OperationModel, ResourceClientModel, ResourceMethodModel } from "./apiModel.js";
import { flatParams } from "./flatParams.js";
import { operationKey } from "./operationModel.js";

export interface ResourceClientInput {
  className: string;
  operations: readonly OperationModel[];
  types: readonly NamedTypeModel[];
  /** The config's hand-written map first, then an imported `api.md`'s: the first entry for a route wins. */
  routes: readonly ResourceRoute[];
  lock: NameLock["resources"];
  /** Where messages about the spec as a whole point. */
  location: SpecLocation;
}

export interface ResourceClientResult {
  client: ResourceClientModel;
  warnings: SpecWarning[];
}

/**
 * Where each operation sits in the resource-style client: a map entry (config, then api.md) for
 * its route, else the place the name lock kept, else the default from its path. A place already
 * taken by an earlier operation (path order) goes to the operation's function name instead.
 */
export function resourceClient(input: ResourceClientInput): ResourceClientResult {
  const warnings: SpecWarning[] = [];
  const mapped = mapByRoute(input.routes);
  const twins = streamTwins(input.operations);
  const taken = new Set<string>();
  const methods: ResourceMethodModel[] = [];
  const matched = new Set<ResourceRoute>();
  const methodOperations = input.operations.filter((operation) => !operation.websocket && !twins.twinNames.has(operation.name));
  // Places a map or the lock gives are claimed first, so a new operation never takes a kept name.
  const wanted = methodOperations.map((operation) => {
    const route = mapped.get(routeMatchKey(operation.method, operation.path));
    if (route !== undefined) matched.add(route);
    const kept = route ?? fromLock(input.lock[operationKey(operation)]);
    return { operation, route, kept: kept !== undefined, place: safePlace(kept ?? defaultResourcePlace(operation.method, operation.path)) };
  });
  const placed = new Map<OperationModel, ResourcePlace>();
  for (const entry of [...wanted.filter((entry) => entry.kept), ...wanted.filter((entry) => !entry.kept)]) {
    const place = taken.has(placeKey(entry.place)) ? { resource: entry.place.resource, method: entry.operation.name } : entry.place;
    taken.add(placeKey(place));
    placed.set(entry.operation, place);
  }
  for (const { operation, route } of wanted) {
    const key = operationKey(operation);
    const place = placed.get(operation)!;
    const twin = twins.byOperation.get(operation);
    const flat = flatParams(operation, input.types, warnings, route?.positional);
    const facts = { key, operation: operation.name, resultTypeName: operation.resultTypeName, doc: operation.doc };
    const streams = twin === undefined ? streamItems(operation) : undefined;
    methods.push({ ...place, ...facts, ...flat, ...(twin ? { stream: twin } : {}), ...(streams ? { streams } : {}), ...(route?.query ? { query: route.query } : {}) });
  }
  warnings.push(...unmatchedRoutes(input.routes, matched, input.location));
  return { client: { className: classNameFree(input), methods: withoutClashes(methods, warnings, input.location) }, warnings };
}

// Members every class has: a resource or method of that name would replace them.
// Object.prototype's too: a field named `toString` would replace it (and TypeScript asks for `override`).
const classMembers = new Set([
  ...["constructor", "prototype", "__proto__", "apiKey", "baseURL", "maxRetries", "timeout", "_client", "_options", "_create", "_clientOptions", "_call", "_stream"],
  ...["toString", "toLocaleString", "valueOf", "hasOwnProperty", "isPrototypeOf", "propertyIsEnumerable", "__defineGetter__", "__defineSetter__", "__lookupGetter__", "__lookupSetter__"],
]);

/** A resource or method named like a member of the classes takes a `_` suffix. */
function safePlace(place: ResourcePlace): ResourcePlace {
  const safe = (name: string) => (classMembers.has(name) ? `${name}_` : name);
  return { resource: place.resource.map(safe), method: safe(place.method) };
}

// What index.ts exports by name besides the class (runtime, client.ts, paging.ts, classClient.ts).
const indexExports = new Set([
  ...["ApiError", "isApiError", "ConnectionError", "RequestError", "DecodeError", "TimeoutError", "AbortError", "withResponse", "Client", "ClientOptions"],
  ...["RequestOptions", "ResponseInfo", "ServerSentEvent", "BinaryBody", "createClient", "defaultBaseUrl", "PaginationError", "Paged", "toFile", "APIError"],
  ...["BadRequestError", "AuthenticationError", "PermissionDeniedError", "NotFoundError", "ConflictError", "UnprocessableEntityError", "RateLimitError"],
  ...["InternalServerError", "APIConnectionError", "APIConnectionTimeoutError", "APIUserAbortError", "APIPromise", "CallOptions", "ClassClientOptions"],
  ...["PagePromise", "Stream"],
]);

/** The class name, unless index.ts already exports that name (a model type, a function, the runtime's): then `<Name>Client`, `<Name>Client2`, … */
function classNameFree(input: ResourceClientInput): string {
  const taken = new Set([...indexExports, ...input.types.map((type) => type.name)]);
  for (const operation of input.operations) {
    for (const name of [operation.name, operation.paramsTypeName, operation.resultTypeName, operation.errorTypeName]) if (name !== undefined) taken.add(name);
  }
  if (!taken.has(input.className)) return input.className;
  for (let suffix = 1; ; suffix++) {
    const name = `${input.className}Client${suffix === 1 ? "" : suffix}`;
    if (!taken.has(name)) return name;
  }
}

function mapByRoute(routes: readonly ResourceRoute[]): Map<string, ResourceRoute> {
  const byRoute = new Map<string, ResourceRoute>();
  for (const route of routes) {
    const key = routeMatchKey(route.httpMethod, route.path);
    if (!byRoute.has(key)) byRoute.set(key, route);
  }
  return byRoute;
}

function fromLock(entry: LockedResourcePlace | undefined): ResourcePlace | undefined {
  if (entry === undefined) return undefined;
  return { resource: entry.resource.split(".").filter((name) => name !== ""), method: entry.method };
}

function placeKey(place: ResourcePlace): string {
  return [...place.resource, place.method].join(".");
}

/** What a streaming success gives: events (their `data` is the item) or values; undefined when the operation does not stream. */
function streamItems(operation: OperationModel): "events" | "values" | undefined {
  const item = operation.responses.find((response) => response.success && (response.kind === "sse" || response.kind === "ndjson"));
  return item === undefined ? undefined : item.kind === "sse" ? "events" : "values";
}

/** Stream twins whose plain operation has a stream switch: the plain method picks the twin when the switch is true. */
function streamTwins(operations: readonly OperationModel[]) {
  const byKey = new Map<string, OperationModel[]>();
  for (const operation of operations) byKey.set(operationKey(operation), [...(byKey.get(operationKey(operation)) ?? []), operation]);
  const byOperation = new Map<OperationModel, NonNullable<ResourceMethodModel["stream"]>>();
  const twinNames = new Set<string>();
  for (const [plain, twin] of [...byKey.values()].filter((pair) => pair.length === 2) as [OperationModel, OperationModel][]) {
    const sets = twin.body?.sets;
    const items = streamItems(twin);
    if (sets === undefined || items === undefined) continue;
    twinNames.add(twin.name);
    const params = twin.paramsTypeName === undefined ? {} : { paramsTypeName: twin.paramsTypeName };
    byOperation.set(plain, { operation: twin.name, ...params, resultTypeName: twin.resultTypeName, switch: sets.key, items });
  }
  return { byOperation, twinNames };
}

/** Entries naming routes the spec lacks: one note for an imported api.md (it covers the whole SDK), a warning each for the config. */
function unmatchedRoutes(routes: readonly ResourceRoute[], matched: Set<ResourceRoute>, location: SpecLocation): SpecWarning[] {
  const missing = routes.filter((route) => !matched.has(route));
  const imported = missing.filter((route) => route.origin === "api.md");
  const warnings: SpecWarning[] = missing
    .filter((route) => route.origin === "config")
    .map((route) => ({ location, message: `resource map ${route.where}: ${route.httpMethod} ${route.path} is not in the spec` }));
  if (imported.length > 0) {
    const first = imported.slice(0, 3).map((route) => `${route.httpMethod} ${route.path}`).join(", ");
    warnings.push({ location, level: "note", message: `${imported.length} api.md methods name routes this spec lacks and were skipped (${first}${imported.length > 3 ? ", …" : ""})` });
  }
  return warnings;
}

/** A method named like a child resource of its own resource would hide it: the method takes its function name. */
function withoutClashes(methods: ResourceMethodModel[], warnings: SpecWarning[], location: SpecLocation): ResourceMethodModel[] {
  const children = new Set(methods.flatMap((method) => method.resource.map((_, index) => method.resource.slice(0, index + 1).join("."))));
  return methods.map((method) => {
    const asChild = [...method.resource, method.method].join(".");
    if (!children.has(asChild) && !method.method.startsWith("_")) return method;
    warnings.push({ location, message: `client.${asChild}() would hide the resource of that name: the method is ${method.operation} instead` });
    return { ...method, method: method.operation };
  });
}
