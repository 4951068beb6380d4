import { readFile } from "node:fs/promises";
import { emitApi, type OutputFile } from "./emit/emitApi.js";
import { formatFiles } from "./format/formatFiles.js";
import { loadApi } from "./load/loadApi.js";
import type { SpecWarning } from "./load/specError.js";
import { buildApiModel } from "./model/buildApiModel.js";

export interface GeneratedApi {
  name: string;
  files: OutputFile[];
  warnings: SpecWarning[];
}

const runtimeTemplate = new URL("../templates/runtime.ts", import.meta.url);

/** The pipeline, top to bottom: load -> model -> emit -> format. Returns files in memory; writes nothing. */
export async function generate(specPath: string): Promise<GeneratedApi> {
  const api = await loadApi(specPath);
  const { model, warnings } = buildApiModel(api);
  const files = emitApi(model, await readFile(runtimeTemplate, "utf8"));
  return { name: model.name, files: await formatFiles(files), warnings };
}
