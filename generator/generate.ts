import { readFile } from "node:fs/promises";
import { emitApi, type OutputFile } from "./emit/emitApi.js";
import { formatFiles, prettierOptions } from "./format/formatFiles.js";
import { contentHash } from "./load/contentHash.js";
import { loadApi } from "./load/loadApi.js";
import type { NameLockPlace } from "./load/readNameLock.js";
import type { SpecWarning } from "./load/specError.js";
import { buildApiModel } from "./model/buildApiModel.js";
import { serializeNameLock } from "./naming/nameLock.js";
import { apiSurface, type ApiSurface } from "./surface/apiSurface.js";

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

/** Per-API settings (from the config file or the CLI); every one has a default. */
export interface GenerateOptions {
  /** Environment variable the client reads its API key from; default `<NAME>_API_KEY`. */
  apiKeyEnvVar?: string | undefined;
  /** Where the name lock is read from (the CLI: in the output folder); without one, names follow the spec alone. */
  nameLock?: NameLockPlace | undefined;
  /** Refuse a spec that breaks the OpenAPI schema (default: warn and generate). */
  strict?: boolean | undefined;
  /** What earlier runs already did (see cache/runCache.ts); without it, everything is done afresh. */
  cache?: RunCache | undefined;
}

/** Results of earlier runs that this run may reuse, each keyed by content (a Map and a Set will do). */
export interface RunCache {
  /** A statement's printed text by a hash of its ts-morph structure. */
  printed: { get(key: string): string | undefined; set(key: string, text: string): void };
  /** Formatted text by the unformatted text's `formatKey`. */
  formatted: { get(key: string): string | undefined; set(key: string, text: string): void };
  /** Hashes of spec documents that passed validation. */
  validated: { has(hash: string): boolean; add(hash: string): void };
}

const runtimeTemplate = new URL("../templates/runtime.ts", import.meta.url);

/** The pipeline, top to bottom: load -> model -> emit -> format. Returns files in memory; writes nothing. */
export async function generate(specPath: string, options: GenerateOptions = {}): Promise<GeneratedApi> {
  const api = await generateUnformatted(specPath, options);
  const started = performance.now();
  const files = await formatFiles(api.files, { cache: options.cache?.formatted });
  return { ...api, files, stageMs: { ...api.stageMs, format: performance.now() - started } };
}

/** load -> model -> emit: the files as emitted, before prettier. */
export async function generateUnformatted(specPath: string, options: GenerateOptions = {}): Promise<GeneratedApi> {
  const stageMs: Record<string, number> = {};
  let started = performance.now();
  const lap = (stage: string): void => {
    stageMs[stage] = performance.now() - started;
    started = performance.now();
  };
  const api = await loadApi(specPath, { nameLock: options.nameLock, strict: options.strict, validated: options.cache?.validated });
  lap("load");
  const { model, warnings, nameLock, nameNotes } = buildApiModel(api, { apiKeyEnvVar: options.apiKeyEnvVar });
  lap("model");
  // One surface for API.md, api-surface.json and the caller's comparison with the client on disk.
  const surface = apiSurface(model);
  lap("surface");
  // What besides the spec decides the output (effective values, so a default and its explicit spelling agree).
  const optionsHash = contentHash({ prettier: prettierOptions, layout: 1, apiKeyEnvVar: model.apiKeyEnvVar });
  const files = emitApi(model, surface, await readFile(runtimeTemplate, "utf8"), optionsHash, { printed: options.cache?.printed });
  const lock = { path: options.nameLock?.file, text: serializeNameLock(nameLock) };
  const notes = api.nameLockNote === undefined ? nameNotes : [api.nameLockNote, ...nameNotes];
  lap("emit");
  return { name: model.name, files, warnings: [...api.warnings, ...warnings], nameLock: lock, nameNotes: notes, surface, stageMs };
}
