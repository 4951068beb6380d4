import path from "node:path";
import type { OutputFile } from "../shared/outputFile.js";

/** A name lock kept outside the output folder (a place the config chose), written on its own. */
export interface LockApart {
  path: string;
  text: string;
}

/**
 * The files that belong in `outDir`: the client's, plus its name lock when the lock lives there
 * (`lockInside`, its path in the folder).
 * It then goes through the same staging swap as the client (a swap would otherwise drop it) and
 * the same --check comparison. A lock kept elsewhere is returned apart.
 */
export function filesWithNameLock(
  outDir: string,
  api: { files: readonly OutputFile[]; nameLock: { path: string | undefined; text: string } },
): { files: OutputFile[]; lockApart?: LockApart; lockInside?: string } {
  const lockPath = api.nameLock.path;
  if (lockPath === undefined) return { files: [...api.files] };
  const relative = path.relative(outDir, lockPath);
  if (relative.startsWith("..") || path.isAbsolute(relative)) return { files: [...api.files], lockApart: { path: lockPath, text: api.nameLock.text } };
  const lockFile = { path: relative.split(path.sep).join("/"), text: api.nameLock.text };
  return { files: [...api.files, lockFile], lockInside: lockFile.path };
}
