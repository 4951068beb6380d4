import { execFile } from "node:child_process";
import { mkdtemp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { generate, type GeneratedApi } from "../../generator/generate.js";

/** Lines added and removed per output file that changed between two generations. */
export type DiffSize = Record<string, { added: number; removed: number }>;

export interface ChangeResult {
  size: DiffSize;
  before: GeneratedApi;
  after: GeneratedApi;
  /** Files whose bytes differ (the name lock included), sorted; every other file is byte-identical. */
  changed: string[];
}

/**
 * Generates `before`, commits its name lock as a user would, then generates `after` with that
 * lock in place, and measures the output diff (every file the user commits: the client's and
 * names.lock.json) with git's own line diff.
 */
export async function diffAfterChange(before: string, after: string, options: { specName?: string } = {}): Promise<ChangeResult> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "churn-"));
  try {
    const spec = path.join(dir, "api", options.specName ?? "spec.yaml");
    await mkdir(path.dirname(spec), { recursive: true });
    await writeFile(spec, before);
    const nameLock = { file: path.join(dir, "names.lock.json") };
    const first = await generate(spec, { nameLock });
    await writeFile(nameLock.file, first.nameLock.text);
    await writeFile(spec, after);
    const second = await generate(spec, { nameLock });
    const [a, b] = [committed(first), committed(second)];
    await writeFiles(path.join(dir, "a"), a);
    await writeFiles(path.join(dir, "b"), b);
    const changed = [...new Set([...a.keys(), ...b.keys()])].filter((file) => a.get(file) !== b.get(file)).sort();
    return { size: await numstat(path.join(dir, "a"), path.join(dir, "b")), before: first, after: second, changed };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** What a user commits after a run: the client's files and its name lock, by path. */
function committed(api: GeneratedApi): Map<string, string> {
  return new Map([...api.files.map((file): [string, string] => [file.path, file.text]), ["names.lock.json", api.nameLock.text]]);
}

async function writeFiles(dir: string, files: ReadonlyMap<string, string>): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const [file, text] of files) await writeFile(path.join(dir, file), text);
}

/** Lines added and removed per file between two folders, by git's line diff; files that did not change are left out. */
export async function numstat(a: string, b: string): Promise<DiffSize> {
  // git diff --no-index exits 1 when the folders differ.
  const output = await promisify(execFile)("git", ["diff", "--no-index", "--numstat", a, b]).then(
    (result) => result.stdout,
    (error: { stdout?: string }) => error.stdout ?? "",
  );
  const size: DiffSize = {};
  for (const line of output.trim().split("\n").filter(Boolean)) {
    const [added, removed, file] = line.split("\t");
    size[path.basename(file!.replace(/\{.* => (.*)\}/, "$1"))] = { added: Number(added), removed: Number(removed) };
  }
  return size;
}

export async function readFixture(name: string): Promise<string> {
  return readFile(path.join(import.meta.dirname, "../fixtures/specs", name), "utf8");
}
