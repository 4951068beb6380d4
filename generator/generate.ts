import { readFile } from "node:fs/promises";
import type { RunCache } from "./cache/runCache.js";
import type { ApiSettings } from "./config/apiSettings.js";
import { emitApi, type RuntimeSources } from "./emit/emitApi.js";
import { generatedNotice } from "./emit/notice.js";
import { formatFiles, prettierOptions } from "./format/formatFiles.js";
import { contentHash } from "./load/contentHash.js";
import { loadApi } from "./load/loadApi.js";
import { buildApiModel } from "./model/buildApiModel.js";
import { serializeNameLock } from "./naming/nameLock.js";
import type { OutputFile } from "./shared/outputFile.js";
import type { SpecWarning } from "./shared/specError.js";
import { apiSurface, type ApiSurface } from "./surface/apiSurface.js";
import { surfaceFiles } from "./surface/surfaceFiles.js";

export interface GeneratedApi {
  name: string;
  files: OutputFile[];
  warnings: SpecWarning[];
  /** The API's name map to commit (`names.lock.json`; no path when none was asked for), and what changed in it. */
  nameLock: { path: string | undefined; text: string };
  nameNotes: string[];
  /** The client's TypeScript surface, as its api-surface.json records it. */
  surface: ApiSurface;
  /** Milliseconds spent per stage, in pipeline order (`--timings` prints them). */
  stageMs: Record<string, number>;
}

/** An API's settings, and what earlier runs already did (see cache/runCache.ts); without a cache, everything is done afresh. */
export interface GenerateOptions extends ApiSettings {
  cache?: RunCache | undefined;
}

const runtimeTemplate = new URL("../templates/runtime.ts", import.meta.url);
const pagingTemplate = new URL("../templates/paging.ts", import.meta.url);
const pageWalkTemplate = new URL("../templates/pageWalk.ts", import.meta.url);
const classClientTemplate = new URL("../templates/classClient.ts", import.meta.url);

/** The pipeline, top to bottom: load -> model -> surface + emit -> format. Returns files in memory; writes nothing. */
export async function generate(specPath: string, options: GenerateOptions = {}): Promise<GeneratedApi> {
  const api = await generateUnformatted(specPath, options);
  const started = performance.now();
  const files = await formatFiles(api.files, { cache: options.cache?.formatted });
  return { ...api, files, stageMs: { ...api.stageMs, format: performance.now() - started } };
}

/** load -> model -> surface + emit: the files as emitted, before prettier. */
export async function generateUnformatted(specPath: string, options: GenerateOptions = {}): Promise<GeneratedApi> {
  const stageMs: Record<string, number> = {};
  let started = performance.now();
  const lap = (stage: string): void => {
    stageMs[stage] = performance.now() - started;
    started = performance.now();
  };
  const api = await loadApi(specPath, { nameLock: options.nameLock, strict: options.strict, validated: options.cache?.validated, resources: options.resources });
  lap("load");
  const { model, warnings, nameLock, nameNotes } = buildApiModel(api, {
    apiKeyEnvVar: options.apiKeyEnvVar,
    idempotencyHeader: options.idempotencyHeader,
    pagination: options.pagination,
    clientName: options.clientName,
    resourceRoutes: options.resourceRoutes,
  });
  lap("model");
  // One surface for API.md, api-surface.json and the caller's comparison with the client on disk.
  const surface = apiSurface(model);
  lap("surface");
  // What besides the spec decides the output (effective values, so a default and its explicit spelling agree).
  const { idempotencyHeader, pagination, clientName, resourceRoutes } = options; // only when set, so clients without them keep their hash
  const generatorOptions = contentHash({
    prettier: prettierOptions,
    layout: 1,
    apiKeyEnvVar: model.apiKeyEnvVar,
    ...(idempotencyHeader === undefined ? {} : { idempotencyHeader }),
    ...(pagination === undefined ? {} : { pagination }),
    ...(clientName === undefined ? {} : { clientName }),
    ...(resourceRoutes === undefined ? {} : { resourceRoutes: resourceRoutes.map(({ where: _, ...route }) => route) }),
    ...(api.resourceRoutes.length === 0 ? {} : { resourceMap: contentHash(api.resourceRoutes) }),
  });
  const provenance = { specFiles: model.sourceFiles, specContent: model.specHash, generatorOptions };
  const notice = generatedNotice(model);
  const files = [
    ...emitApi(model, await runtimeSources(), notice, { printed: options.cache?.printed }),
    // API.md and api-surface.json: the surface a reviewer reads first and the next run compares with; only the latter records provenance.
    ...surfaceFiles(surface, { notice, provenance }),
  ];
  const lock = { path: options.nameLock?.file, text: serializeNameLock(nameLock) };
  const notes = api.nameLockNote === undefined ? nameNotes : [api.nameLockNote, ...nameNotes];
  lap("emit");
  return { name: model.name, files, warnings: [...api.warnings, ...warnings], nameLock: lock, nameNotes: notes, surface, stageMs };
}

async function runtimeSources(): Promise<RuntimeSources> {
  const templates = [runtimeTemplate, pagingTemplate, pageWalkTemplate, classClientTemplate];
  const [runtime, paging, pageWalk, classClient] = await Promise.all(templates.map((file) => readFile(file, "utf8")));
  return { runtime: runtime!, paging: paging!, pageWalk: pageWalk!, classClient: classClient! };
}
