import { readFile } from "node:fs/promises";
import path from "node:path";
import type { ResourceRoute } from "../shared/resourceRoutes.js";
import { SpecError } from "../shared/specError.js";
import { parseApiMarkdown } from "./apiMarkdown.js";

/**
 * The routes of an SDK's `api.md` and of every `api.md` it links to (newer SDKs keep one per
 * resource folder), each file read once. A link that leaves the first file's folder, or names a
 * file that is not there, is skipped: the map is a hint, the spec decides what exists.
 */
export async function readApiMarkdown(file: string): Promise<ResourceRoute[]> {
  const root = path.dirname(path.resolve(file));
  const seen = new Set<string>();
  const routes: ResourceRoute[] = [];
  const visit = async (target: string, required: boolean): Promise<void> => {
    const absolute = path.resolve(target);
    if (seen.has(absolute)) return;
    seen.add(absolute);
    const text = await readFile(absolute, "utf8").catch((error: Error) => {
      if (required) throw new SpecError({ file }, `cannot read the resource map: ${error.message}`);
      return undefined;
    });
    if (text === undefined) return;
    const named = path.relative(root, absolute).split(path.sep).join("/") || path.basename(absolute);
    const parsed = parseApiMarkdown(text, named);
    routes.push(...parsed.routes);
    for (const link of parsed.links) {
      const next = path.resolve(path.dirname(absolute), link);
      if (next.startsWith(root + path.sep)) await visit(next, false);
    }
  };
  await visit(file, true);
  return routes;
}
