import { readFile } from "node:fs/promises";
import { emitApi, type OutputFile } from "./emit/emitApi.js";
import { formatFiles, prettierOptions } from "./format/formatFiles.js";
import { contentHash } from "./load/contentHash.js";
import { loadApi } from "./load/loadApi.js";
import type { SpecWarning } from "./load/specError.js";
import { buildApiModel } from "./model/buildApiModel.js";
import { serializeNameLock } from "./naming/nameLock.js";
import { apiSurface, type ApiSurface } from "./surface/apiSurface.js";

export interface GeneratedApi {
  name: string;
  files: OutputFile[];
  warnings: SpecWarning[];
  /** The API's name map to commit beside its spec (`names.lock.json`), and what changed in it. */
  nameLock: { path: string; text: string };
  nameNotes: string[];
  /** The client's TypeScript surface, as its api-surface.json records it. */
  surface: ApiSurface;
}

const runtimeTemplate = new URL("../templates/runtime.ts", import.meta.url);

/** What besides the spec decides the output; its hash goes into every header. */
const generatorOptionsHash = contentHash({ prettier: prettierOptions, layout: 1 });

/** The pipeline, top to bottom: load -> model -> emit -> format. Returns files in memory; writes nothing. */
export async function generate(specPath: string): Promise<GeneratedApi> {
  const api = await loadApi(specPath);
  const { model, warnings, nameLock, nameNotes } = buildApiModel(api);
  const files = emitApi(model, await readFile(runtimeTemplate, "utf8"), generatorOptionsHash);
  const lock = { path: api.nameLockFile, text: serializeNameLock(nameLock) };
  return { name: model.name, files: await formatFiles(files), warnings, nameLock: lock, nameNotes, surface: apiSurface(model) };
}
