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
}

/** Per-API settings (from the config file or the CLI); every one has a default. */
export interface GenerateOptions {
  /** Environment variable the client reads its API key from; default `<NAME>_API_KEY`. */
  apiKeyEnvVar?: string | undefined;
  /** Where the name lock is read from (the CLI: in the output folder); without one, names follow the spec alone. */
  nameLock?: NameLockPlace | undefined;
  /** Refuse a spec that breaks the OpenAPI schema (default: warn and generate). */
  strict?: boolean | undefined;
}

const runtimeTemplate = new URL("../templates/runtime.ts", import.meta.url);

/** The pipeline, top to bottom: load -> model -> emit -> format. Returns files in memory; writes nothing. */
export async function generate(specPath: string, options: GenerateOptions = {}): Promise<GeneratedApi> {
  const api = await loadApi(specPath, { nameLock: options.nameLock, strict: options.strict });
  const { model, warnings, nameLock, nameNotes } = buildApiModel(api, { apiKeyEnvVar: options.apiKeyEnvVar });
  // What besides the spec decides the output (effective values, so a default and its explicit spelling agree).
  const optionsHash = contentHash({ prettier: prettierOptions, layout: 1, apiKeyEnvVar: model.apiKeyEnvVar });
  const files = emitApi(model, await readFile(runtimeTemplate, "utf8"), optionsHash);
  const lock = { path: options.nameLock?.file, text: serializeNameLock(nameLock) };
  const notes = api.nameLockNote === undefined ? nameNotes : [api.nameLockNote, ...nameNotes];
  const allWarnings = [...api.warnings, ...warnings];
  return { name: model.name, files: await formatFiles(files), warnings: allWarnings, nameLock: lock, nameNotes: notes, surface: apiSurface(model) };
}
