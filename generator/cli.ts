import { watch as fsWatch } from "node:fs";
import { readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import yargs from "yargs";
import { hideBin } from "yargs/helpers";
import type { StoredCache } from "./cache/runCache.js";
import { apiJob, projectJobs, type ApiJob } from "./config/apiJobs.js";
import type { GeneratedApi } from "./generate.js";
import { formatLocation, SpecError, warningLines } from "./shared/specError.js";
import { compareOutput } from "./output/compareOutput.js";
import { filesWithNameLock } from "./output/filesWithNameLock.js";
import { writeNameLock, writeOutput } from "./output/writeOutput.js";
import type { NewClient } from "./surface/newClient.js";
import type { SurfaceChange } from "./surface/surfaceChange.js";

/** One API generated in this run: where its spec is and where its client goes. */
interface Job {
  spec: string;
  out: string;
  seconds: number;
}

interface CliOptions {
  spec: string | undefined;
  out: string | undefined;
  check: boolean;
  force: boolean;
  debug: boolean;
  quiet: boolean;
  report: string | undefined;
  failOnBreaking: boolean;
  watch: boolean;
  strict: boolean;
  cache: boolean;
  timings: boolean;
}

/** One API's surface changes: against the client on disk (none there: a new client), or between two specs for `diff`. */
type ApiChanges = { api: string } & (NewClient | { newClient: false; changes: SurfaceChange[] });

const usage = `Generate typed TypeScript clients from OpenAPI specs.

Without --spec, the APIs listed in clientgen.config.json are generated (without that
file: every folder or .yaml/.json file in specs/ becomes generated/<name>/).
A folder of several documents is merged into one API.

Each client's names are kept in names.lock.json in its output folder.
Every run compares each client's API surface with the api-surface.json in its
output folder and prints one line per change, "breaking:" or "change:"
(a new client: one line with its size).
\`diff <old-spec> <new-spec>\` prints the changes as Markdown and writes nothing.

Exit codes: 0 ok, 1 spec error or --check found differences, 2 usage error;
also 1 when --fail-on-breaking and a change breaks callers.`;

async function main(): Promise<number> {
  let usageError = false;
  const argv = await yargs(hideBin(process.argv))
    .scriptName("npm run generate --")
    .usage(usage)
    .command("$0", "Generate clients (default)")
    .command("diff <old-spec> <new-spec>", "Print a Markdown report of the API surface changes between two specs; writes no code")
    .option("spec", { type: "string", describe: "A spec file, or a folder of spec documents forming one API" })
    .option("out", { type: "string", describe: "Output folder for --spec (default generated/<name>)" })
    .option("check", { type: "boolean", default: false, describe: "Write nothing; exit 1 if the output would change" })
    .option("force", { type: "boolean", default: false, describe: "Replace an output folder holding files not written by this generator" })
    .option("debug", { type: "boolean", default: false, describe: "Print stack traces on errors" })
    .option("quiet", { type: "boolean", default: false, describe: "Do not print the API surface changes" })
    .option("report", { type: "string", describe: "Also write the API surface changes as Markdown (for a PR description) to this file" })
    .option("fail-on-breaking", { type: "boolean", default: false, describe: "Exit 1 (after writing) if a change breaks callers" })
    .option("watch", { type: "boolean", default: false, describe: "Regenerate whenever a spec changes (until Ctrl-C)" })
    .option("strict", { type: "boolean", default: false, describe: "Refuse a spec that breaks the OpenAPI schema (default: warn and generate)" })
    .option("timings", { type: "boolean", default: false, describe: "Print where the time went: start-up, each stage per API, the cache, writing" })
    .option("cache", { type: "boolean", default: true, describe: "Reuse earlier runs' formatting and validation (node_modules/.cache/openapi-ts-clientgen/, or $CLIENTGEN_CACHE_DIR)" })
    .check((args) => {
      if (args._[0] === "diff" && (args.spec !== undefined || args.out !== undefined || args.check)) {
        throw new Error("diff compares the two specs it is given and writes no code: --spec, --out and --check do not apply");
      }
      if (args.out !== undefined && args.spec === undefined) throw new Error("--out needs --spec");
      if (args.watch && (args.check || args._[0] === "diff")) throw new Error("--watch regenerates; it does not combine with --check or diff");
      return true;
    })
    .strict()
    .help()
    .fail((message, error) => {
      usageError = true;
      console.error(`${message ?? error?.message}\nRun with --help for usage.`);
    })
    .exitProcess(false)
    .parseAsync();
  if (usageError) return 2;
  if (argv.help === true) return 0;
  const options = {
    spec: argv.spec,
    out: argv.out,
    check: argv.check,
    force: argv.force,
    debug: argv.debug,
    strict: argv.strict,
    cache: argv.cache,
    timings: argv.timings,
  };
  const surfaceOptions = { quiet: argv.quiet, report: argv.report, failOnBreaking: argv.failOnBreaking, watch: argv.watch };
  if (argv._[0] === "diff") return diff(String(argv["oldSpec"]), String(argv["newSpec"]), { ...options, ...surfaceOptions });
  if (argv.watch) return watch({ ...options, ...surfaceOptions });
  return run({ ...options, ...surfaceOptions });
}

async function run(options: CliOptions): Promise<number> {
  try {
    // Loaded only now: ts-morph and prettier take a second to import, which --help and usage errors never need.
    const { generate } = await import("./generate.js");
    // Start-up once: a --watch rerun starts long after the process did.
    const timings = options.timings && !startUpTimed ? [`start-up ${inSeconds(performance.now())}`] : [];
    startUpTimed = true;
    let started = performance.now();
    const stored = options.cache ? await openCache(options.watch) : undefined;
    if (options.timings) timings.push(`cache read ${inSeconds(performance.now() - started)}`);
    const results: { job: Job; api: GeneratedApi }[] = [];
    for (const job of await jobsOf(options)) {
      const started = performance.now();
      const api = await generate(job.spec, { ...job.options, cache: stored?.cache });
      for (const line of warningLines(api.warnings)) console.error(line);
      for (const note of api.nameNotes) console.error(`note: ${api.name}: ${note}`);
      timings.push(...Object.entries(api.stageMs).map(([stage, ms]) => `${api.name} ${stage} ${inSeconds(ms)}`));
      const seconds = (performance.now() - started) / 1000;
      results.push({ job: { spec: job.spec, out: job.out, seconds }, api });
    }
    started = performance.now();
    // Before writing: the surface to compare with is the one of the client being replaced.
    const { changesSinceDisk } = await import("./surface/changesSinceDisk.js");
    const surfaceChanges: ApiChanges[] = [];
    for (const { job, api } of results) {
      const changes = await changesSinceDisk(job.out, api.surface);
      if (!changes.newClient && changes.warning !== undefined) console.error(`warning: ${changes.warning}`);
      surfaceChanges.push({ api: api.name, ...changes });
    }
    const code = options.check ? await check(results) : await write(results, options.force);
    timings.push(`compare and write ${inSeconds(performance.now() - started)}`);
    // After the client is written: the cache only speeds up the next run.
    started = performance.now();
    if (stored !== undefined) await saveCache(stored);
    if (options.timings) console.error(`timings: ${[...timings, `cache write ${inSeconds(performance.now() - started)}`].join(", ")}`);
    if (code === 130) return code;
    const surfaceCode = await reportChanges(surfaceChanges, options);
    return code !== 0 ? code : surfaceCode;
  } catch (error) {
    console.error(describeError(error, options.debug));
    return 1;
  }
}

/** The generator's own folder: `node_modules/.cache/<package>/` is where tools conventionally keep caches. */
const root = fileURLToPath(new URL("..", import.meta.url));
const cacheFolder = process.env["CLIENTGEN_CACHE_DIR"] ?? path.join(root, "node_modules/.cache/openapi-ts-clientgen");

/** In --watch, the cache the last run saved, kept in memory: the next run need not read it back. */
let watchCache: StoredCache | undefined;

async function openCache(watching: boolean): Promise<StoredCache> {
  const { cacheKey } = await import("./cache/cacheKey.js");
  const { carriedOver, openRunCache } = await import("./cache/runCache.js");
  const stored = watchCache === undefined ? await openRunCache(cacheFolder, await cacheKey(root)) : carriedOver(watchCache);
  if (watching) watchCache = stored;
  return stored;
}

/** A cache that cannot be written costs the next run time, never this run its result. */
async function saveCache(stored: StoredCache): Promise<void> {
  const { saveRunCache } = await import("./cache/runCache.js");
  await saveRunCache(stored).catch((error: Error) => console.error(`warning: cache not saved: ${error.message}`));
}

let startUpTimed = false;

/** Since process start for the first entry: performance.now() counts from there. */
const inSeconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

/** `--strict` applies to every API; without it, each API's `strict` setting decides. */
async function jobsOf(options: CliOptions): Promise<ApiJob[]> {
  const jobs = options.spec !== undefined ? [await apiJob(options.spec, options.out)] : await projectJobs();
  if (!options.strict) return jobs;
  return jobs.map((job) => ({ ...job, options: { ...job.options, strict: true } }));
}

/**
 * Generates, then again after every change to a spec (debounced), until Ctrl-C. Watchers start
 * before the first run, so a change made while it runs is not missed. A single-file spec is
 * watched through its folder, which also survives editors that save by renaming.
 */
async function watch(options: CliOptions): Promise<number> {
  const specs = (await jobsOf(options).catch(() => [])).map((job) => job.spec);
  let timer: ReturnType<typeof setTimeout> | undefined;
  // One run at a time: two runs would share the output's staging folder.
  let running: Promise<unknown> = Promise.resolve();
  const rerun = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(() => run(options));
    }, 100);
  };
  for (const spec of specs) {
    const folder = (await stat(spec)).isDirectory();
    fsWatch(folder ? spec : path.dirname(spec), { recursive: folder }, (_event, file) => {
      const name = file === null ? "" : String(file);
      if (name.endsWith(".lock.json") || name.includes(".tmp-")) return; // our own name lock
      if (folder || name === path.basename(spec)) rerun();
    });
  }
  running = run(options);
  await running;
  console.error(`watching ${specs.join(", ")} (Ctrl-C to stop)`);
  return new Promise(() => {});
}

async function check(results: { job: Job; api: GeneratedApi }[]): Promise<number> {
  let differences = 0;
  for (const { job, api } of results) {
    const { files, lockApart } = filesWithNameLock(job.out, api);
    for (const difference of await compareOutput(job.out, files)) {
      differences++;
      console.error(`${difference.change}: ${path.join(job.out, difference.file)}`);
    }
    if (lockApart !== undefined && (await readFile(lockApart.path, "utf8").catch(() => undefined)) !== lockApart.text) {
      differences++;
      console.error(`changed: ${path.relative(process.cwd(), lockApart.path)}`);
    }
  }
  if (differences > 0) console.error(`--check: ${differences} file(s) differ; run \`npm run generate\``);
  return differences > 0 ? 1 : 0;
}

/**
 * Ctrl-C during generation loses nothing (nothing is written yet). During writing it is held
 * until the folder being swapped is complete, then no further API is written.
 */
async function write(results: { job: Job; api: GeneratedApi }[], force: boolean): Promise<number> {
  let interrupted = false;
  const hold = (): void => {
    interrupted = true;
  };
  process.on("SIGINT", hold).on("SIGTERM", hold);
  try {
    for (const { job, api } of results) {
      if (interrupted) break;
      const { files, lockApart, lockInside } = filesWithNameLock(job.out, api);
      await writeOutput(job.out, files, { force, carriedOver: lockInside === undefined ? [] : [lockInside] });
      if (lockApart !== undefined) await writeNameLock(lockApart);
      console.log(`${api.name}: ${files.length} files in ${job.out} (${job.seconds.toFixed(2)} s)`);
    }
  } finally {
    process.off("SIGINT", hold).off("SIGTERM", hold);
  }
  if (interrupted) console.error("interrupted: the folders written so far are complete; the rest were left as they were");
  return interrupted ? 130 : 0;
}

/** `diff`: both specs generated in memory, the Markdown report printed; nothing else written. */
async function diff(oldSpec: string, newSpec: string, options: CliOptions): Promise<number> {
  try {
    const { generate } = await import("./generate.js");
    const { compareSurfaces, formatReport } = await import("./surface/compareSurfaces.js");
    const before = await generate(oldSpec, { strict: options.strict });
    const after = await generate(newSpec, { strict: options.strict });
    const changes = compareSurfaces(before.surface, after.surface);
    process.stdout.write(formatReport(changes, after.name));
    return await reportChanges([{ api: after.name, newClient: false, changes }], { ...options, quiet: true });
  } catch (error) {
    console.error(describeError(error, options.debug));
    return 1;
  }
}

/** Prints the changes (one line each) and writes --report; 1 when --fail-on-breaking and one breaks callers. */
async function reportChanges(all: readonly ApiChanges[], options: CliOptions): Promise<number> {
  const { formatReport, newClientReport } = await import("./surface/formatReport.js");
  const { newClientLine, summaryLines } = await import("./surface/summaryLines.js");
  const lines = (entry: ApiChanges) => (entry.newClient ? [newClientLine(entry, entry.api)] : summaryLines(entry.changes, entry.api));
  const report = (entry: ApiChanges) => (entry.newClient ? newClientReport(entry, entry.api) : formatReport(entry.changes, entry.api));
  if (!options.quiet) for (const entry of all) for (const line of lines(entry)) console.log(line);
  if (options.report !== undefined) await writeFile(options.report, all.map(report).join("\n"));
  const breaking = all.some((entry) => !entry.newClient && entry.changes.some((change) => change.breaking));
  return options.failOnBreaking && breaking ? 1 : 0;
}

function describeError(error: unknown, debug: boolean): string {
  if (debug && error instanceof Error) return error.stack ?? error.message;
  if (error instanceof SpecError) return `error: ${formatLocation(error.location)}: ${error.message}`;
  return `error: ${error instanceof Error ? error.message : String(error)}`;
}

process.exitCode = await main();
