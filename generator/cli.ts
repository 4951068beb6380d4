import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import yargs from "yargs";
import { hideBin } from "yargs/helpers";
import type { GeneratedApi } from "./generate.js";
import { formatLocation, SpecError } from "./load/specError.js";
import { compareOutput } from "./output/compareOutput.js";
import { writeNameLock, writeOutput } from "./output/writeOutput.js";

/** One API to generate: where its spec is and where its client goes. */
interface Job {
  spec: string;
  out: string;
}

interface CliOptions {
  spec: string | undefined;
  out: string | undefined;
  check: boolean;
  force: boolean;
  debug: boolean;
}

const usage = `Generate typed TypeScript clients from OpenAPI specs.

Without --spec, every folder (or .yaml/.json file) in specs/ becomes generated/<name>/.
A folder of several documents is merged into one API.

Exit codes: 0 ok, 1 spec error or --check found differences, 2 usage error.`;

async function main(): Promise<number> {
  let usageError = false;
  const argv = await yargs(hideBin(process.argv))
    .scriptName("npm run generate --")
    .usage(usage)
    .option("spec", { type: "string", describe: "A spec file, or a folder of spec documents forming one API" })
    .option("out", { type: "string", describe: "Output folder for --spec (default generated/<name>)" })
    .option("check", { type: "boolean", default: false, describe: "Write nothing; exit 1 if the output would change" })
    .option("force", { type: "boolean", default: false, describe: "Replace an output folder holding files not written by this generator" })
    .option("debug", { type: "boolean", default: false, describe: "Print stack traces on errors" })
    .check((args) => {
      if (args.out !== undefined && args.spec === undefined) throw new Error("--out needs --spec");
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
  return run({ spec: argv.spec, out: argv.out, check: argv.check, force: argv.force, debug: argv.debug });
}

async function run(options: CliOptions): Promise<number> {
  try {
    // Loaded only now: ts-morph and prettier take a second to import, which --help and usage errors never need.
    const { generate } = await import("./generate.js");
    const jobs = options.spec === undefined ? await bundledJobs() : [{ spec: options.spec, out: options.out }];
    const results: { job: Job; api: GeneratedApi }[] = [];
    for (const job of jobs) {
      const api = await generate(job.spec);
      for (const warning of api.warnings) console.error(`warning: ${formatLocation(warning.location)}: ${warning.message}`);
      for (const note of api.nameNotes) console.error(`note: ${api.name}: ${note}`);
      results.push({ job: { spec: job.spec, out: job.out ?? path.join("generated", api.name) }, api });
    }
    return options.check ? await check(results) : await write(results, options.force);
  } catch (error) {
    console.error(describeError(error, options.debug));
    return 1;
  }
}

async function bundledJobs(): Promise<{ spec: string; out: string | undefined }[]> {
  const entries = await readdir("specs", { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory() || /\.(ya?ml|json)$/i.test(entry.name))
    .map((entry) => entry.name)
    .sort()
    .map((name) => ({ spec: path.join("specs", name), out: undefined }));
}

async function check(results: { job: Job; api: GeneratedApi }[]): Promise<number> {
  let differences = 0;
  for (const { job, api } of results) {
    for (const difference of await compareOutput(job.out, api.files)) {
      differences++;
      console.error(`${difference.change}: ${path.join(job.out, difference.file)}`);
    }
    if ((await readFile(api.nameLock.path, "utf8").catch(() => undefined)) !== api.nameLock.text) {
      differences++;
      console.error(`changed: ${path.relative(process.cwd(), api.nameLock.path)}`);
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
      await writeOutput(job.out, api.files, { force });
      await writeNameLock(api.nameLock);
      console.log(`${api.name}: ${api.files.length} files in ${job.out}`);
    }
  } finally {
    process.off("SIGINT", hold).off("SIGTERM", hold);
  }
  if (interrupted) console.error("interrupted: the folders written so far are complete; the rest were left as they were");
  return interrupted ? 130 : 0;
}

function describeError(error: unknown, debug: boolean): string {
  if (debug && error instanceof Error) return error.stack ?? error.message;
  if (error instanceof SpecError) return `error: ${formatLocation(error.location)}: ${error.message}`;
  return `error: ${error instanceof Error ? error.message : String(error)}`;
}

process.exitCode = await main();
