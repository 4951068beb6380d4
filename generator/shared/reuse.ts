/**
 * What a stage needs to reuse earlier runs' work, and nothing more: a Map and a Set will do.
 * Stages take these shapes; `cache/` keeps them on disk between runs.
 */

/** Texts by a key of their input. */
export interface TextsByKey {
  get(key: string): string | undefined;
  set(key: string, text: string): void;
}

/** Content hashes seen before. */
export interface SeenHashes {
  has(hash: string): boolean;
  add(hash: string): void;
}
