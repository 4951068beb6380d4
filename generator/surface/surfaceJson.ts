import { compareOrdinal } from "../shared/compareOrdinal.js";
import type { ApiSurface } from "./apiSurface.js";

/** The machine-readable surface kept in each generated folder, read back by the next run. */
export const surfaceJsonFile = "api-surface.json";

/**
 * Deterministic JSON: keys sorted ordinally at every level, arrays in model order. The `"//"` key
 * holds the generated-file notice, which carries the marker the writer looks for.
 */
export function serializeSurface(surface: ApiSurface, notice: readonly string[]): string {
  return `${JSON.stringify(sortKeys({ "//": notice.join(" "), ...surface }), null, 2)}\n`;
}

/** The surface in a file `serializeSurface` wrote, or undefined when the text is not one. */
export function parseSurface(text: string): ApiSurface | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isSurface(value)) return undefined;
  const { "//": _notice, ...surface } = value as ApiSurface & { "//"?: unknown };
  return surface;
}

function isSurface(value: unknown): value is ApiSurface {
  if (typeof value !== "object" || value === null) return false;
  const record = value as Record<string, unknown>;
  return typeof record["name"] === "string" && Array.isArray(record["operations"]) && Array.isArray(record["types"]);
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== "object" || value === null) return value;
  // Keys sorted, then copied one by one: no entry pairs for the tens of thousands of small objects.
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort(compareOrdinal)) sorted[key] = sortKeys((value as Record<string, unknown>)[key]);
  return sorted;
}
