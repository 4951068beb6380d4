import type { ApiSurface } from "./apiSurface.js";
import { compareSurfaces } from "./compareSurfaces.js";
import { emptySurface } from "./emptySurface.js";
import { readSurface } from "./readSurface.js";
import type { SurfaceChange } from "./surfaceChange.js";

/**
 * How `surface` differs from the client now in `outDir` (its api-surface.json). A folder without
 * one (a first generation) compares with an empty surface, so everything shows as added.
 */
export async function changesSinceDisk(outDir: string, surface: ApiSurface): Promise<{ changes: SurfaceChange[]; warning?: string }> {
  const previous = await readSurface(outDir);
  const changes = compareSurfaces(previous.surface ?? emptySurface(surface), surface);
  return previous.warning === undefined ? { changes } : { changes, warning: previous.warning };
}
