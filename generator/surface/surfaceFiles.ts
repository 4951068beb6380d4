import type { OutputFile } from "../shared/outputFile.js";
import { apiMarkdown } from "./apiMarkdown.js";
import type { ApiSurface } from "./apiSurface.js";
import { serializeSurface, surfaceJsonFile } from "./surfaceJson.js";

/** API.md for reviewers and api-surface.json for the next run's comparison; neither is formatted by prettier. */
export function surfaceFiles(surface: ApiSurface, notice: readonly string[]): OutputFile[] {
  return [
    { path: "API.md", text: apiMarkdown(surface, notice) },
    { path: surfaceJsonFile, text: serializeSurface(surface, notice) },
  ];
}
