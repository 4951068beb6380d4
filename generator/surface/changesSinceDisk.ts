import type { ApiSurface } from "./apiSurface.js";
import { compareSurfaces } from "./compareSurfaces.js";
import { emptySurface } from "./emptySurface.js";
import type { NewClient } from "./newClient.js";
import { readSurface } from "./readSurface.js";
import type { SurfaceChange } from "./surfaceChange.js";

/** How a client compares with the one on disk: a new client (nothing to compare with), or its changes. */
export type ChangesSinceDisk =
  | NewClient
  | { newClient: false; changes: SurfaceChange[]; warning?: string };

/**
 * How `surface` differs from the client now in `outDir` (its api-surface.json). A folder without
 * one is a first generation: a list of everything as added says nothing, so it is summed up instead.
 * A surface file that cannot be read compares with an empty surface (and warns).
 */
export async function changesSinceDisk(outDir: string, surface: ApiSurface): Promise<ChangesSinceDisk> {
  const previous = await readSurface(outDir);
  if (previous.surface === undefined && previous.warning === undefined) {
    return { newClient: true, operations: surface.operations.length, types: surface.types.length };
  }
  const changes = compareSurfaces(previous.surface ?? emptySurface(surface), surface);
  return previous.warning === undefined ? { newClient: false, changes } : { newClient: false, changes, warning: previous.warning };
}
