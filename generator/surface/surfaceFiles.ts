import type { OutputFile } from "../emit/emitApi.js";
import type { ApiModel } from "../model/apiModel.js";
import { apiMarkdown } from "./apiMarkdown.js";
import { apiSurface } from "./apiSurface.js";
import { serializeSurface, surfaceJsonFile } from "./surfaceJson.js";

/** API.md for reviewers and api-surface.json for the next run's comparison; neither is formatted by prettier. */
export function surfaceFiles(model: ApiModel, notice: readonly string[]): OutputFile[] {
  const surface = apiSurface(model);
  return [
    { path: "API.md", text: apiMarkdown(surface, notice) },
    { path: surfaceJsonFile, text: serializeSurface(surface, notice) },
  ];
}
