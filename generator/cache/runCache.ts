import { createHash } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import type { SeenHashes, TextsByKey } from "../shared/reuse.js";

/** Results of earlier runs that this run may reuse, each keyed by content. */
export interface RunCache {
  /** A statement's printed text by a hash of its ts-morph structure (emit/). */
  printed: TextsByKey;
  /** Formatted text by the unformatted text's `formatKey` (format/). */
  formatted: TextsByKey;
  /** Hashes of spec documents that passed validation (load/). */
  validated: SeenHashes;
}

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

/** The caches of texts by key; `validated` is a set. */
const textSections = ["printed", "formatted"] as const;
type TextSection = (typeof textSections)[number];
type Entries = Record<TextSection, Map<string, string>> & { validated: Set<string> };

const fileName = "run-cache.json";
/** Text kept per section from earlier runs beyond what this run used: bounds the file. */
const keptChars = 24_000_000;
const keptValidationCount = 256;

export async function openRunCache(dir: string, key: string): Promise<StoredCache> {
  const file = path.join(dir, fileName);
  return storedCache(file, key, parseEntries(await readFile(file, "utf8").catch(() => ""), key) ?? emptyEntries());
}

/** The next run's cache after `stored` was saved, without reading the file back: what was saved is its past. */
export function carriedOver(stored: StoredCache): StoredCache {
  const previous = emptyEntries();
  for (const section of textSections) previous[section] = keptTexts(stored.used[section], stored.previous[section]);
  previous.validated = keptValidations(stored.used.validated, stored.previous.validated);
  return storedCache(stored.file, stored.key, previous);
}

function storedCache(file: string, key: string, previous: Entries): StoredCache {
  const used = emptyEntries();
  const texts = (section: TextSection): TextsByKey => ({
    get(textKey) {
      const text = used[section].get(textKey) ?? previous[section].get(textKey);
      if (text !== undefined) used[section].set(textKey, text);
      return text;
    },
    set(textKey, text) {
      used[section].set(textKey, text);
    },
  });
  const validated = {
    has: (hash: string): boolean => used.validated.has(hash) || (previous.validated.has(hash) && used.validated.add(hash).has(hash)),
    add: (hash: string): void => void used.validated.add(hash),
  };
  return { cache: { printed: texts("printed"), formatted: texts("formatted"), validated }, file, key, used, previous };
}

/** Writes this run's entries, then as many earlier ones as fit; replaced by rename, never half-written. */
export async function saveRunCache(stored: StoredCache): Promise<void> {
  const { used, previous } = stored;
  const sections = textSections.map((section) => [section, Object.fromEntries(keptTexts(used[section], previous[section]))]);
  const validated = keptValidations(used.validated, previous.validated);
  const body = JSON.stringify({ ...Object.fromEntries(sections), validated: [...validated] });
  const header = JSON.stringify({ key: stored.key, checksum: checksum(body) });
  await mkdir(path.dirname(stored.file), { recursive: true });
  const staging = `${stored.file}.tmp-${process.pid}`;
  await writeFile(staging, `${header}\n${body}`);
  await rename(staging, stored.file);
}

function keptValidations(used: Set<string>, previous: Set<string>): Set<string> {
  return new Set([...used, ...[...previous].slice(0, keptValidationCount)]);
}

function keptTexts(used: Map<string, string>, previous: Map<string, string>): Map<string, string> {
  const kept = new Map(used);
  let chars = 0;
  for (const [key, text] of previous) {
    if (kept.has(key) || (chars += text.length) > keptChars) continue;
    kept.set(key, text);
  }
  return kept;
}

function parseEntries(text: string, key: string): Entries | undefined {
  const newline = text.indexOf("\n");
  if (newline < 0) return undefined;
  try {
    const header = JSON.parse(text.slice(0, newline)) as { key?: unknown; checksum?: unknown };
    const body = text.slice(newline + 1);
    if (header.key !== key || header.checksum !== checksum(body)) return undefined;
    const parsed = JSON.parse(body) as Record<string, unknown>;
    const entries = emptyEntries();
    for (const section of textSections) {
      const values = parsed[section];
      if (typeof values !== "object" || values === null) return undefined;
      for (const [textKey, value] of Object.entries(values)) {
        if (typeof value !== "string") return undefined;
        entries[section].set(textKey, value);
      }
    }
    const validated = parsed["validated"];
    if (!Array.isArray(validated) || !validated.every((hash) => typeof hash === "string")) return undefined;
    for (const hash of validated) entries.validated.add(hash);
    return entries;
  } catch {
    return undefined;
  }
}

function emptyEntries(): Entries {
  return { printed: new Map(), formatted: new Map(), validated: new Set() };
}

function checksum(body: string): string {
  return createHash("sha256").update(body).digest("base64url");
}
