import { readdirSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { cacheKey } from "../../generator/cache/cacheKey.js";
import { carriedOver, openRunCache, saveRunCache } from "../../generator/cache/runCache.js";
import { generate } from "../../generator/generate.js";
import { scratchDir } from "../scratchDir.js";

/** Counts documents validated (the OpenAPI schema check runs in validateDocument). */
const validations = vi.hoisted(() => ({ count: 0 }));
vi.mock("../../generator/load/validateDocument.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../generator/load/validateDocument.js")>();
  return {
    ...original,
    validateDocument: (...args: Parameters<typeof original.validateDocument>) => {
      validations.count++;
      return original.validateDocument(...args);
    },
  };
});

const root = path.join(import.meta.dirname, "../..");
const fixtureDir = path.join(root, "test/fixtures/specs");
const specs = [
  ...readdirSync(fixtureDir).filter((name) => name.endsWith(".yaml")).sort().map((name) => path.join(fixtureDir, name)),
  ...readdirSync(path.join(root, "specs")).sort().map((name) => path.join(root, "specs", name)),
];
const together = path.join(root, "specs/together");
const lockOptions = { nameLock: { file: path.join(os.tmpdir(), "run-cache-test.names.lock.json") } };

const tempDir = () => scratchDir("run-cache");

/** Generates with a cache read from `dir` (under `key`) and saves it back, as the CLI does. */
async function generateCached(spec: string, dir: string, key = "key-1") {
  const stored = await openRunCache(dir, key);
  const api = await generate(spec, { ...lockOptions, cache: stored.cache });
  await saveRunCache(stored);
  return api;
}

/** A cache file under `key` whose every formatted entry is replaced by a marker: if it is read, the output shows it. */
async function poisonedCache(dir: string, key: string): Promise<void> {
  await generateCached(together, dir, key);
  const stored = await openRunCache(dir, key);
  for (const entryKey of stored.previous.formatted.keys()) stored.used.formatted.set(entryKey, "// POISON\n");
  await saveRunCache(stored);
}

const texts = (api: { files: { path: string; text: string }[] }) => api.files.map((file) => [file.path, file.text]);

afterEach(() => {
  vi.restoreAllMocks();
});

describe("the run cache never changes the output", () => {
  it.each(specs.map((spec) => [path.relative(root, spec), spec]))("%s: uncached, cache being filled, cache read: byte for byte", async (_name, spec) => {
    const dir = await tempDir();
    const uncached = await generate(spec, lockOptions);
    const filling = await generateCached(spec, dir);
    const reading = await generateCached(spec, dir);
    expect(texts(filling)).toEqual(texts(uncached));
    expect(texts(reading)).toEqual(texts(uncached));
    expect((await openRunCache(dir, "key-1")).previous.formatted.size).toBeGreaterThan(0);
  });
});

describe("what the cache holds is reused", () => {
  it("formatting comes from the cache when the key matches (shown with a poisoned entry)", async () => {
    const dir = await tempDir();
    await poisonedCache(dir, "key-1");
    const api = await generateCached(together, dir, "key-1");
    expect(api.files.find((file) => file.path === "models.ts")!.text).toContain("POISON");
  });

  it("a document that passed validation is not validated again", async () => {
    const dir = await tempDir();
    await generateCached(together, dir);
    const before = validations.count;
    await generateCached(together, dir);
    expect(validations.count).toBe(before);
    await generate(together, lockOptions);
    expect(validations.count).toBeGreaterThan(before);
  });
});

describe("--watch carries the cache over in memory", () => {
  it("the next run finds what the last one used and added, without reading the file back", async () => {
    const dir = await tempDir();
    const first = await openRunCache(dir, "key-1");
    first.cache.formatted.set("a", "formatted a");
    first.cache.validated.add("document hash");
    await saveRunCache(first);
    await rm(dir, { recursive: true });
    const next = carriedOver(first);
    expect(next.cache.formatted.get("a")).toBe("formatted a");
    expect(next.cache.validated.has("document hash")).toBe(true);
    expect(next.cache.formatted.get("b")).toBeUndefined();
    expect(next.used.formatted.size).toBe(1);
  });
});

describe("a cache that does not belong to this run is ignored and replaced", () => {
  it("written under another key (generator sources, package versions, prettier options)", async () => {
    const dir = await tempDir();
    await poisonedCache(dir, "other-generator");
    const api = await generateCached(together, dir, "key-1");
    expect(texts(api)).toEqual(texts(await generate(together, lockOptions)));
    expect((await openRunCache(dir, "key-1")).previous.formatted.size).toBeGreaterThan(0);
  });

  it.each([
    ["cut short", (text: string) => text.slice(0, text.length / 2)],
    ["an entry edited (checksum mismatch)", (text: string) => text.replace(/export /, "exports ")],
    ["not JSON", () => "\u0000\u0001garbage"],
    ["empty", () => ""],
    ["JSON of the wrong shape", (text: string) => `${text.split("\n")[0]}\n[1,2,3]`],
  ])("%s", async (_case, corrupt) => {
    const dir = await tempDir();
    await generateCached(together, dir);
    const file = path.join(dir, "run-cache.json");
    await writeFile(file, corrupt(await readFile(file, "utf8")));
    expect((await openRunCache(dir, "key-1")).previous.formatted.size).toBe(0);
    const api = await generateCached(together, dir);
    expect(texts(api)).toEqual(texts(await generate(together, lockOptions)));
    expect((await openRunCache(dir, "key-1")).previous.formatted.size).toBeGreaterThan(0);
  });
});

describe("cacheKey", () => {
  async function fakeRoot(): Promise<string> {
    const dir = await tempDir();
    await mkdir(path.join(dir, "generator/format"), { recursive: true });
    await mkdir(path.join(dir, "templates"), { recursive: true });
    await writeFile(path.join(dir, "generator/format/a.ts"), "export const a = 1;\n");
    await writeFile(path.join(dir, "templates/runtime.ts"), "export {};\n");
    return dir;
  }

  it("changes with any generator or template source, and only then", async () => {
    const dir = await fakeRoot();
    const first = await cacheKey(dir);
    expect(await cacheKey(dir)).toBe(first);
    await writeFile(path.join(dir, "generator/format/a.ts"), "export const a = 2;\n");
    const edited = await cacheKey(dir);
    expect(edited).not.toBe(first);
    await writeFile(path.join(dir, "templates/runtime.ts"), "export const b = 1;\n");
    expect(await cacheKey(dir)).not.toBe(edited);
  });

  it("changes with the prettier version", async () => {
    const dir = await fakeRoot();
    const without = await cacheKey(dir);
    await mkdir(path.join(dir, "node_modules/prettier"), { recursive: true });
    await writeFile(path.join(dir, "node_modules/prettier/package.json"), JSON.stringify({ version: "3.0.0" }));
    expect(await cacheKey(dir)).not.toBe(without);
  });
});
