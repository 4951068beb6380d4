import { readFile } from "node:fs/promises";
import path from "node:path";
import type { ApiSurface } from "./apiSurface.js";
import { parseSurface, surfaceJsonFile } from "./surfaceJson.js";

export interface PreviousSurface {
  /** Absent when the folder holds no readable surface (a first generation, or a damaged file). */
  surface?: ApiSurface;
  /** Set when a surface file exists but cannot be read as one. */
  warning?: string;
}

/** The surface of the client currently in `outDir`, as its api-surface.json records it. */
export async function readSurface(outDir: string): Promise<PreviousSurface> {
  const file = path.join(outDir, surfaceJsonFile);
  const text = await readFile(file, "utf8").catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return undefined;
    throw error;
  });
  if (text === undefined) return {};
  const surface = parseSurface(text);
  return surface === undefined ? { warning: `${file}: not a surface this generator wrote; comparing against an empty one` } : { surface };
}
