import type { ApiSurface } from "./apiSurface.js";
import { compareOperations } from "./compareOperations.js";
import { compareTypes } from "./compareTypes.js";
import type { SurfaceChange } from "./surfaceChange.js";

export type { SurfaceChange } from "./surfaceChange.js";
export { formatReport } from "./formatReport.js";

/** Every difference a caller of the client could notice, operations first, each classified. */
export function compareSurfaces(before: ApiSurface, after: ApiSurface): SurfaceChange[] {
  return [...compareOperations(before.operations, after.operations), ...compareTypes(before.types, after.types)];
}
