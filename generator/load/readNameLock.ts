import { readFile } from "node:fs/promises";
import path from "node:path";
import { emptyNameLock, parseNameLock, type NameLock } from "../naming/nameLock.js";
import type { NameLockPlace } from "../config/apiSettings.js";
import { SpecError } from "../shared/specError.js";

/** The lock's content (empty when there is none yet), and a note when it came from its former place. */
export async function readNameLock(place: NameLockPlace): Promise<{ lock: NameLock; note?: string }> {
  const text = await readText(place.file);
  if (text !== undefined) return { lock: parseLock(text, place.file) };
  const former = place.formerFile === undefined ? undefined : await readText(place.formerFile);
  if (former === undefined) return { lock: emptyNameLock };
  const note =
    `name lock read from ${shown(place.formerFile!)}, where earlier versions kept it; it now lives in ` +
    `${shown(place.file)} (commit that one, then delete the old file)`;
  return { lock: parseLock(former, place.formerFile!), note };
}

async function readText(file: string): Promise<string | undefined> {
  return readFile(file, "utf8").catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT" || error.code === "ENOTDIR") return undefined;
    throw error;
  });
}

function parseLock(text: string, file: string): NameLock {
  try {
    return parseNameLock(text);
  } catch (error) {
    throw new SpecError({ file: shown(file) }, `invalid name lock: ${(error as Error).message}`);
  }
}

function shown(file: string): string {
  return path.relative(process.cwd(), file);
}
