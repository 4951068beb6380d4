import path from "node:path";
import type { StoredCache } from "../cache/runCache.js";

/**
 * The run cache of `root` (the repo: the cache key hashes its generator sources), in
 * `node_modules/.cache/<package>/`, where tools conventionally keep caches, or $CLIENTGEN_CACHE_DIR.
 * In --watch, `carried` is the cache the last run saved, kept in memory: it need not be read back.
 */
export async function openCache(root: string, carried: StoredCache | undefined): Promise<StoredCache> {
  // Loaded only when a run needs the cache: --help and usage errors never do.
  const { cacheKey } = await import("../cache/cacheKey.js");
  const { carriedOver, openRunCache } = await import("../cache/runCache.js");
  if (carried !== undefined) return carriedOver(carried);
  const folder = process.env["CLIENTGEN_CACHE_DIR"] ?? path.join(root, "node_modules/.cache/openapi-ts-clientgen");
  return openRunCache(folder, await cacheKey(root));
}

/** A cache that cannot be written costs the next run time, never this run its result. */
export async function saveCache(stored: StoredCache): Promise<void> {
  const { saveRunCache } = await import("../cache/runCache.js");
  await saveRunCache(stored).catch((error: Error) => console.error(`warning: cache not saved: ${error.message}`));
}
