import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { prettierOptions } from "../format/formatFiles.js";

/**
 * Everything that decides what a cached result is: the generator's own sources (a hash, so any
 * edit counts, released or not), the versions of the packages whose results are cached, and the
 * prettier options. A cache written under another key is never read.
 */
export async function cacheKey(root: string): Promise<string> {
  const hash = createHash("sha256");
  for (const folder of ["generator", "templates"]) {
    for (const file of await sourceFiles(path.join(root, folder))) {
      hash.update(`${path.relative(root, file)}\0`).update(await readFile(file)).update("\0");
    }
  }
  for (const name of ["prettier", "@apidevtools/swagger-parser", "ts-morph"]) hash.update(`${name}@${await packageVersion(root, name)}\0`);
  return hash.update(JSON.stringify(prettierOptions)).digest("base64url");
}

async function sourceFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

async function packageVersion(root: string, name: string): Promise<string> {
  const manifest = await readFile(path.join(root, "node_modules", name, "package.json"), "utf8").catch(() => "{}");
  return String((JSON.parse(manifest) as { version?: unknown }).version);
}
