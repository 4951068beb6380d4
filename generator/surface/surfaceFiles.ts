import type { OutputFile } from "../shared/outputFile.js";
import { apiMarkdown } from "./apiMarkdown.js";
import type { ApiSurface } from "./apiSurface.js";
import { serializeSurface, surfaceJsonFile, type SurfaceHead } from "./surfaceJson.js";

/** API.md for reviewers and api-surface.json (with the client's provenance) for the next run's comparison; neither is formatted by prettier. */
export function surfaceFiles(surface: ApiSurface, head: SurfaceHead): OutputFile[] {
  return [
    { path: "API.md", text: apiMarkdown(surface, head.notice) },
    { path: surfaceJsonFile, text: serializeSurface(surface, head) },
  ];
}
