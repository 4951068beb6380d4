import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { OutputFile } from "../shared/outputFile.js";
import { generatedMarker } from "../shared/generatedMarker.js";

export interface WriteOptions {
  /** Replace a folder even when it holds files this generator did not write. */
  force: boolean;
  /**
   * Files this run has read and writes again carrying their content over (the name lock), so they
   * are not foreign even without the marker (a lock an earlier version wrote, or one moved by hand).
   */
  carriedOver?: readonly string[];
}

/**
 * Writes the whole client into a temporary sibling folder, then swaps it in, so a
 * failure part-way never leaves a half-written or emptied output folder behind.
 */
export async function writeOutput(outDir: string, files: readonly OutputFile[], options: WriteOptions): Promise<void> {
  await refuseForeignFolder(outDir, options);
  const staging = `${outDir}.tmp-${process.pid}`;
  const previous = `${outDir}.old-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  try {
    for (const file of files) {
      const target = path.join(staging, file.path);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, file.text);
    }
    await rename(outDir, previous).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "ENOENT") throw error;
    });
    await mkdir(path.dirname(outDir), { recursive: true });
    await rename(staging, outDir);
    await rm(previous, { recursive: true, force: true });
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

async function refuseForeignFolder(outDir: string, options: WriteOptions): Promise<void> {
  if (options.force) return;
  const foreign = [];
  for (const file of await listFiles(outDir)) {
    if (options.carriedOver?.includes(file)) continue;
    const text = await readFile(path.join(outDir, file), "utf8");
    if (!text.includes(generatedMarker)) foreign.push(file);
  }
  if (foreign.length > 0) {
    throw new Error(`${outDir} holds files this generator did not write (${foreign.slice(0, 3).join(", ")}); use --force to replace it`);
  }
}

/** Files below a folder, relative, sorted; none when the folder does not exist. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort();
}

/** A name lock kept outside the output folder; replaced by rename so it is never half-written. Unchanged: not touched. */
export async function writeNameLock(lock: { path: string; text: string }): Promise<void> {
  if ((await readFile(lock.path, "utf8").catch(() => undefined)) === lock.text) return;
  const staging = `${lock.path}.tmp-${process.pid}`;
  await writeFile(staging, lock.text);
  await rename(staging, lock.path);
}
