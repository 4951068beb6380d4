import type { LoadedApi } from "../load/loadApi.js";
import type { PagingSetting } from "../shared/pagingSchemes.js";
import type { SpecWarning } from "../shared/specError.js";
import { compareOrdinal } from "../shared/compareOrdinal.js";
import { toJsonPointer } from "../load/jsonPointer.js";
import { isJsonObject, type JsonObject } from "../load/walkJson.js";
import { toTypeScriptIdentifier } from "../naming/identifiers.js";
import type { NameLock } from "../naming/nameLock.js";
import { createNameScope } from "../naming/nameScope.js";
import { reservedTopLevelNames } from "../naming/reservedNames.js";
import type { ApiModel, NamedTypeDraft } from "./apiModel.js";
import { breakAliasCycles } from "./breakAliasCycles.js";
import { checkExamples } from "./checkExamples.js";
import { declaredType } from "./declaredType.js";
import { docModel } from "./docModel.js";
import { fileSchemaNames } from "./fileSchemaNames.js";
import type { ModelContext } from "./modelContext.js";
import { operationModels } from "./operationModel.js";
import type { PagingDecision } from "./pagination.js";
import { convertSchema } from "./schemaToType.js";
import { nextNameLock } from "./nextNameLock.js";
import { requestResponseViews } from "./requestResponseViews.js";
import { securitySchemeModels } from "./securitySchemes.js";
import { defaultBaseUrl } from "./servers.js";
import { clientClassName } from "../naming/resourceNames.js";
import type { ResourceRoute } from "../shared/resourceRoutes.js";
import { resourceClient } from "./resourceClient.js";

export interface ModelResult {
  model: ApiModel;
  warnings: SpecWarning[];
  /** The name map to commit for the next run, and what changed in it. */
  nameLock: NameLock;
  nameNotes: string[];
  /** Each operation's paging decision, by `METHOD path`, paged or not (bench/pagingFigures.ts counts them). */
  pagingDecisions: ReadonlyMap<string, PagingDecision>;
}

export interface ModelOptions {
  apiKeyEnvVar?: string | undefined;
  /** The idempotency-key header of the API's writes, where the spec declares none. */
  idempotencyHeader?: string | undefined;
  /** By `METHOD path`: force a paging scheme, or "off". */
  pagination?: Readonly<Record<string, PagingSetting>> | undefined;
  /** The client class's name; default from the API's title (`Together APIs` -> Together). */
  clientName?: string | undefined;
  /** The config's hand-written resource map (see shared/resourceRoutes.ts); an imported api.md's comes with the loaded API. */
  resourceRoutes?: readonly ResourceRoute[] | undefined;
}

/** The whole API as plain data: component types first, then operations (which may hoist inline types). */
export function buildApiModel(api: LoadedApi, options: ModelOptions = {}): ModelResult {
  const context = createContext(api, options);
  const document = api.document;
  const components = componentSchemas(document);
  const fileNames = fileSchemaNames(api.fileSchemas);
  const aliases = claimComponentNames(components, fileNames, context);
  for (const [name, schema] of components) {
    const alias = aliases.get(name);
    if (alias === undefined) declareComponent(name, schema, context, api.fileSchemas.get(name)?.hint);
    else {
      const location = context.locate(componentPointer(name));
      context.types.push({ name: alias, type: { kind: "ref", name: context.componentNames.get(schema)! }, doc: {}, location });
    }
  }
  const views = requestResponseViews(context.types, operationModels(document, context), context.scope);
  const types = breakAliasCycles(views.types, context.warnings);
  const info = isJsonObject(document["info"]) ? document["info"] : {};
  const title = String(info["title"] ?? api.name);
  const finalTypes = types.map(declaredType);
  const resources = resourceClient({
    className: options.clientName ?? clientClassName(title, api.name),
    operations: views.operations,
    types: finalTypes,
    routes: [...(options.resourceRoutes ?? []), ...api.resourceRoutes],
    lock: context.lock.resources,
    location: context.locate(""),
  });
  context.warnings.push(...resources.warnings);
  const model: ApiModel = {
    name: api.name,
    title,
    version: String(info["version"] ?? ""),
    source: api.source,
    sourceFiles: api.sourceFiles,
    specHash: api.specHash,
    defaultBaseUrl: defaultBaseUrl(document, context),
    apiKeyEnvVar: options.apiKeyEnvVar ?? `${api.name.toUpperCase().replace(/[^A-Z0-9]+/g, "_")}_API_KEY`,
    securitySchemes: securitySchemeModels(document, context),
    types: finalTypes,
    operations: views.operations,
    examples: context.examples,
    resourceClient: resources.client,
  };
  const { lock, notes } = nextNameLock(context, model);
  const warnings = [...context.warnings, ...checkExamples(context.examples, context.types)];
  return { model, warnings, nameLock: lock, nameNotes: notes, pagingDecisions: context.pagingDecisions };
}

function createContext(api: LoadedApi, options: ModelOptions): ModelContext {
  const lock = api.nameLock;
  const locked = new Map([
    ...Object.entries(lock.types),
    ...Object.entries(lock.operations).map(([key, entry]) => [key, entry.name] as const),
  ]);
  return {
    componentNames: new Map(),
    componentSpecNames: new Map(),
    scope: createNameScope(reservedTopLevelNames, locked),
    lock,
    enumScopes: new Map(),
    types: [],
    examples: [],
    warnings: [],
    inProgress: new Set(),
    idempotencyHeader: options.idempotencyHeader,
    locate: api.locate,
    pagingSettings: options.pagination ?? {},
    pagingDecisions: new Map(),
  };
}

/** In name order, not spec order: a vendor reordering its components must not reorder (or rename) ours. */
function componentSchemas(document: JsonObject): [string, JsonObject][] {
  const components = isJsonObject(document["components"]) ? document["components"] : {};
  const schemas = isJsonObject(components["schemas"]) ? components["schemas"] : {};
  return Object.entries(schemas)
    .filter((entry): entry is [string, JsonObject] => isJsonObject(entry[1]))
    .sort(([a], [b]) => compareOrdinal(a, b));
}

/**
 * Each component gets its name; a component that is only a `$ref` to another
 * dereferences to the very same object, so it becomes an alias of the first name.
 */
function claimComponentNames(components: [string, JsonObject][], fileNames: ReadonlyMap<string, string>, context: ModelContext): Map<string, string> {
  const aliases = new Map<string, string>();
  for (const [specName, schema] of components) {
    const desired = fileNames.get(specName) ?? toTypeScriptIdentifier(specName, "pascal");
    const name = context.scope.claim(desired, componentPointer(specName));
    if (context.componentNames.has(schema)) aliases.set(specName, name);
    else {
      context.componentNames.set(schema, name);
      context.componentSpecNames.set(schema, specName);
    }
  }
  return aliases;
}

/** `fileHint` is the title or file name a schema from a file was named by (a title repeating it is no doc). */
function declareComponent(specName: string, schema: JsonObject, context: ModelContext, fileHint?: string): void {
  const name = context.componentNames.get(schema)!;
  // Declared before converting, so types hoisted from inside it follow it.
  const pointer = componentPointer(specName);
  const doc = docModel(schema, fileHint ?? specName);
  const draft: NamedTypeDraft = { name, type: { kind: "unknown" }, doc, location: context.locate(pointer) };
  context.types.push(draft);
  context.inProgress.add(schema);
  draft.type = convertSchema(schema, { pointer, nameHint: name }, context);
  context.inProgress.delete(schema);
}

function componentPointer(specName: string): string {
  return toJsonPointer(["components", "schemas", specName]);
}
