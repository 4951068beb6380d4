import { createHash } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import type { RunCache } from "../generate.js";

/**
 * The run cache on disk: one file, a header line `{"key","checksum"}` then the entries as JSON.
 * A file of another key (generator, package versions, options), with a wrong checksum (cut
 * short, edited) or of the wrong shape is ignored and replaced at the end of the run: the cache
 * can make a run faster, never different.
 */
export interface StoredCache {
  /** What the pipeline reads and fills. */
  cache: RunCache;
  file: string;
  key: string;
  /** Entries this run read or added: always saved. */
  used: Entries;
  /** Entries found on disk: saved again, up to a size, after the used ones. */
  previous: Entries;
}

interface Entries {
  formatted: Map<string, string>;
  validated: Set<string>;
}

const fileName = "run-cache.json";
/** Formatted text kept from earlier runs beyond what this run used: bounds the file. */
const keptChars = 32_000_000;
const keptValidations = 256;

export async function openRunCache(dir: string, key: string): Promise<StoredCache> {
  const file = path.join(dir, fileName);
  const previous = parseEntries(await readFile(file, "utf8").catch(() => ""), key) ?? { formatted: new Map(), validated: new Set() };
  const used: Entries = { formatted: new Map(), validated: new Set() };
  const formatted = {
    get(textKey: string): string | undefined {
      const text = used.formatted.get(textKey) ?? previous.formatted.get(textKey);
      if (text !== undefined) used.formatted.set(textKey, text);
      return text;
    },
    set(textKey: string, text: string): void {
      used.formatted.set(textKey, text);
    },
  };
  const validated = {
    has: (hash: string): boolean => used.validated.has(hash) || (previous.validated.has(hash) && used.validated.add(hash).has(hash)),
    add: (hash: string): void => void used.validated.add(hash),
  };
  return { cache: { formatted, validated }, file, key, used, previous };
}

/** Writes this run's entries, then as many earlier ones as fit; replaced by rename, never half-written. */
export async function saveRunCache(stored: StoredCache): Promise<void> {
  const { used, previous } = stored;
  const formatted = new Map(used.formatted);
  let chars = 0;
  for (const [key, text] of previous.formatted) {
    if (formatted.has(key) || (chars += text.length) > keptChars) continue;
    formatted.set(key, text);
  }
  const validated = new Set([...used.validated, ...[...previous.validated].slice(0, keptValidations)]);
  const body = JSON.stringify({ formatted: Object.fromEntries(formatted), validated: [...validated] });
  const header = JSON.stringify({ key: stored.key, checksum: checksum(body) });
  await mkdir(path.dirname(stored.file), { recursive: true });
  const staging = `${stored.file}.tmp-${process.pid}`;
  await writeFile(staging, `${header}\n${body}`);
  await rename(staging, stored.file);
}

function parseEntries(text: string, key: string): Entries | undefined {
  const newline = text.indexOf("\n");
  if (newline < 0) return undefined;
  try {
    const header = JSON.parse(text.slice(0, newline)) as { key?: unknown; checksum?: unknown };
    const body = text.slice(newline + 1);
    if (header.key !== key || header.checksum !== checksum(body)) return undefined;
    const { formatted, validated } = JSON.parse(body) as { formatted?: unknown; validated?: unknown };
    if (typeof formatted !== "object" || formatted === null || !Array.isArray(validated)) return undefined;
    const entries = Object.entries(formatted);
    if (!entries.every(([, value]) => typeof value === "string") || !validated.every((hash) => typeof hash === "string")) return undefined;
    return { formatted: new Map(entries as [string, string][]), validated: new Set(validated as string[]) };
  } catch {
    return undefined;
  }
}

function checksum(body: string): string {
  return createHash("sha256").update(body).digest("base64url");
}
