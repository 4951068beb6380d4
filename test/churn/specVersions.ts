import { execFile } from "node:child_process";
import { mkdtemp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { generate, type GeneratedApi } from "../../generator/generate.js";

/** Lines added and removed per output file between two generations, the provenance line aside. */
export type DiffSize = Record<string, { added: number; removed: number }>;

export interface ChangeResult {
  size: DiffSize;
  after: GeneratedApi;
  /** Files whose provenance line (the spec's content hash) changed. */
  provenanceChanged: string[];
}



/**
 * Generates `before`, commits its name lock as a user would, then generates `after` with that
 * lock in place, and measures the output diff with git's own line diff.
 */
export async function diffAfterChange(before: string, after: string): Promise<ChangeResult> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "churn-"));
  try {
    const spec = path.join(dir, "api", "spec.yaml");
    await mkdir(path.dirname(spec), { recursive: true });
    await writeFile(spec, before);
    const nameLock = { file: path.join(dir, "names.lock.json") };
    const first = await generate(spec, { nameLock });
    await writeFile(nameLock.file, first.nameLock.text);
    await writeFile(spec, after);
    const second = await generate(spec, { nameLock });
    await writeFiles(path.join(dir, "a"), first);
    await writeFiles(path.join(dir, "b"), second);
    const hash = (text: string) => /Spec content ([0-9a-f]+)/.exec(text)?.[1];
    const provenanceChanged = second.files
      .filter((file) => hash(file.text) !== hash(first.files.find((old) => old.path === file.path)?.text ?? ""))
      .map((file) => file.path);
    return { size: await numstat(path.join(dir, "a"), path.join(dir, "b")), after: second, provenanceChanged };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function writeFiles(dir: string, api: GeneratedApi): Promise<void> {
  await mkdir(dir, { recursive: true });
  // The provenance line is measured separately: it changes in every file whenever the spec's content does.
  for (const file of api.files) await writeFile(path.join(dir, file.path), file.text.replace(/Spec content [0-9a-f]+/, "Spec content #"));
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
