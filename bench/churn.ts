/**
 * Output churn over a real spec's published history: for each of the last N versions of a spec
 * file in a local git repository, the client is regenerated with the name lock of the version
 * before carried over (as a user commits it), and the lines changed in the output (every file,
 * API.md, api-surface.json and names.lock.json included) are set against the lines changed in
 * the spec. Reads only the local git directory; never the network.
 *
 *   npx tsx bench/churn.ts --repo /work/.mirror/togethercomputer+openapi/repo --file openapi.yaml --versions 10
 */
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs, promisify } from "node:util";
import { generate, type GenerateOptions } from "../generator/generate.js";
import { numstat, type DiffSize } from "../test/churn/specVersions.js";

const usage = `Usage: npx tsx bench/churn.ts --repo GITDIR [--file openapi.yaml] [--versions 10] [--ref HEAD] [--every-commit] [--keep]

  --repo GITDIR   a local git directory (bare or not) holding the spec's history
  --file PATH     the spec's path in that repository (default openapi.yaml)
  --versions N    transitions to measure: the last N+1 first-parent commits of --ref that
                  changed the file, i.e. its published versions on that branch (default 10)
  --ref REF       the branch whose history counts (default HEAD)
  --every-commit  every commit that changed the file, commits inside merged branches included,
                  in date order (a step may then span two branches)
  --keep          keep each version's spec and output in a temporary folder, and print where`;

interface Options {
  repo: string;
  file: string;
  versions: number;
  ref: string;
  everyCommit: boolean;
  keep: boolean;
}

/** One step from a spec version to the next. */
export interface Transition {
  from: string;
  to: string;
  subject: string;
  specLines: number;
  outputLines: number;
  /** Lines added and removed per output file that changed. */
  files: DiffSize;
}

const git = (args: string[]): Promise<string> =>
  promisify(execFile)("git", args, { maxBuffer: 256 * 1024 * 1024 }).then((result) => result.stdout);

/** The file's versions on the branch, oldest first: the commits that changed it, as the branch saw them (its first parents). */
async function publishedVersions(options: Options): Promise<{ commit: string; subject: string }[]> {
  const history = options.everyCommit ? [] : ["--first-parent"];
  const log = await git(["-C", options.repo, "log", ...history, `-n${options.versions + 1}`, "--format=%H %s", options.ref, "--", options.file]);
  return log
    .trim()
    .split("\n")
    .filter(Boolean)
    .map((line) => ({ commit: line.slice(0, 40), subject: line.slice(41) }))
    .reverse();
}

/** Lines added plus removed, as git counts them. */
const total = (size: DiffSize): number => Object.values(size).reduce((sum, file) => sum + file.added + file.removed, 0);

export async function measureChurn(options: Options, work: string): Promise<Transition[]> {
  const versions = await publishedVersions(options);
  if (versions.length < 2) throw new Error(`${options.file} has fewer than two versions on ${options.ref} in ${options.repo}`);
  // The spec keeps one path across versions, so only its content differs from run to run.
  const spec = path.join(work, "spec", path.basename(options.file));
  await mkdir(path.dirname(spec), { recursive: true });
  const nameLock = { file: path.join(work, "names.lock.json") };
  // One in-memory run cache for every version: it never changes the output, and saves re-printing.
  const cache: GenerateOptions["cache"] = { printed: new Map(), formatted: new Map(), validated: new Set() };
  const transitions: Transition[] = [];
  for (const [index, version] of versions.entries()) {
    await writeFile(spec, await git(["-C", options.repo, "show", `${version.commit}:${options.file}`]));
    const api = await generate(spec, { nameLock, cache });
    await writeFile(nameLock.file, api.nameLock.text);
    const out = path.join(work, `out-${index}`);
    await mkdir(out);
    for (const file of [...api.files, { path: "names.lock.json", text: api.nameLock.text }]) await writeFile(path.join(out, file.path), file.text);
    if (index === 0) continue;
    const previous = versions[index - 1]!;
    const specDiff = await git(["-C", options.repo, "diff", "--numstat", previous.commit, version.commit, "--", options.file]);
    const [added = "0", removed = "0"] = specDiff.split("\t");
    const files = await numstat(path.join(work, `out-${index - 1}`), out);
    transitions.push({ from: previous.commit, to: version.commit, subject: version.subject, specLines: Number(added) + Number(removed), outputLines: total(files), files });
  }
  return transitions;
}

function report(transitions: readonly Transition[]): string {
  const ratio = (output: number, spec: number) => (spec === 0 ? "-" : (output / spec).toFixed(2));
  const short = (commit: string) => commit.slice(0, 7);
  const rows = transitions.map((step) => {
    const files = Object.entries(step.files)
      .map(([file, size]) => `${file} +${size.added}/-${size.removed}`)
      .join(", ");
    return `| ${short(step.from)}..${short(step.to)} | ${step.specLines} | ${step.outputLines} | ${ratio(step.outputLines, step.specLines)} | ${files || "none"} |`;
  });
  const spec = transitions.reduce((sum, step) => sum + step.specLines, 0);
  const output = transitions.reduce((sum, step) => sum + step.outputLines, 0);
  return [
    "| transition | spec lines | output lines | ratio | output files changed (+added/-removed) |",
    "| --- | ---: | ---: | ---: | --- |",
    ...rows,
    `| **all ${transitions.length}** | ${spec} | ${output} | **${ratio(output, spec)}** | |`,
  ].join("\n");
}

function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      repo: { type: "string" },
      file: { type: "string", default: "openapi.yaml" },
      versions: { type: "string", default: "10" },
      ref: { type: "string", default: "HEAD" },
      "every-commit": { type: "boolean", default: false },
      keep: { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
    strict: true,
  });
  if (values.help === true || values.repo === undefined) {
    console.log(usage);
    process.exit(values.help === true ? 0 : 2);
  }
  const versions = Number(values.versions);
  if (!Number.isInteger(versions) || versions < 1) throw new Error(`--versions must be an integer >= 1, got "${values.versions}"`);
  return { repo: values.repo, file: values.file, versions, ref: values.ref, everyCommit: values["every-commit"], keep: values.keep };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const work = await mkdtemp(path.join(os.tmpdir(), "churn-bench-"));
  try {
    console.log(report(await measureChurn(options, work)));
  } finally {
    if (options.keep) console.log(`kept: ${work}`);
    else await rm(work, { recursive: true, force: true });
  }
}

await main();
