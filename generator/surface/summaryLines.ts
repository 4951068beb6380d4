import { newClientSize, type NewClient } from "./newClient.js";
import type { SurfaceChange } from "./surfaceChange.js";

/** One console line per change, `breaking:` or `change:` first, for `npm run generate`. */
export function summaryLines(changes: readonly SurfaceChange[], apiName: string): string[] {
  if (changes.length === 0) return [`${apiName}: no API surface changes`];
  return changes.map((change) => `${change.breaking ? "breaking" : "change"}: ${apiName}: ${change.message}`);
}

/** The one line a first generation prints: per-change lines start from the second run. */
export function newClientLine(client: NewClient, apiName: string): string {
  return `${apiName}: new client: ${newClientSize(client)} written`;
}
