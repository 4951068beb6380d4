import { compareOrdinal } from "../shared/compareOrdinal.js";
import type { ApiSurface } from "./apiSurface.js";

/** The machine-readable surface kept in each generated folder, read back by the next run. */
export const surfaceJsonFile = "api-surface.json";

/**
 * Where a client came from. api-surface.json is the one generated file that records it, so the
 * other files change only when their own content does (generator/README.md says why this file).
 */
export interface Provenance {
  /** The spec's files as `<folder>/<file>`, in the order they were read. */
  specFiles: string[];
  /** Content hash of the merged spec (key order does not count). */
  specContent: string;
  /** Hash of what besides the spec decides the output: prettier options, layout version, API key variable. */
  generatorOptions: string;
}

/** What heads api-surface.json before the surface itself. */
export interface SurfaceHead {
  /** The generated-file notice (it carries the marker the writer looks for), kept under `"//"`. */
  notice: readonly string[];
  /** Kept under `"generatedFrom"`. */
  provenance: Provenance;
}

/**
 * Deterministic JSON: keys sorted ordinally at every level, arrays in model order. An object of
 * scalars (a property, a parameter) takes one line, so adding, removing or changing one is a
 * one-line diff; the rest is indented as `JSON.stringify(value, null, 2)` would.
 */
export function serializeSurface(surface: ApiSurface, head: SurfaceHead): string {
  return `${compactJson(sortKeys({ "//": head.notice.join(" "), generatedFrom: head.provenance, ...surface }), "")}\n`;
}

function compactJson(value: unknown, indent: string): string {
  if (typeof value !== "object" || value === null) return JSON.stringify(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    return value.length === 0 ? "[]" : `[\n${value.map((item) => inner + compactJson(item, inner)).join(",\n")}\n${indent}]`;
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return "{}";
  if (entries.every(([, item]) => typeof item !== "object" || item === null)) {
    return `{ ${entries.map(([key, item]) => `${JSON.stringify(key)}: ${JSON.stringify(item)}`).join(", ")} }`;
  }
  return `{\n${entries.map(([key, item]) => `${inner}${JSON.stringify(key)}: ${compactJson(item, inner)}`).join(",\n")}\n${indent}}`;
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
  const { "//": _notice, generatedFrom: _provenance, ...surface } = value as ApiSurface & { "//"?: unknown; generatedFrom?: unknown };
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
