import yargs from "yargs";
import { hideBin } from "yargs/helpers";

/** The options of a run, as parsed from the command line. */
export interface CliOptions {
  spec: string | undefined;
  out: string | undefined;
  /** A Stainless-built SDK's api.md to take the resource client's names from (with --spec). */
  resources: string | undefined;
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

/** What the command line asks for; `exit` when --help was printed (0) or the arguments were refused (2). */
export type Command =
  | { kind: "exit"; code: number }
  | { kind: "generate" | "watch"; options: CliOptions }
  | { kind: "diff"; oldSpec: string; newSpec: string; options: CliOptions };

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

/** Reads `process.argv`; prints --help, or a usage error and how to get help. */
export async function parseArgs(processArgv: string[]): Promise<Command> {
  let usageError = false;
  const argv = await parser(hideBin(processArgv), () => {
    usageError = true;
  }).parseAsync();
  if (usageError) return { kind: "exit", code: 2 };
  if (argv.help === true) return { kind: "exit", code: 0 };
  const options: CliOptions = {
    spec: argv.spec,
    out: argv.out,
    resources: argv.resources,
    check: argv.check,
    force: argv.force,
    debug: argv.debug,
    quiet: argv.quiet,
    report: argv.report,
    failOnBreaking: argv.failOnBreaking,
    watch: argv.watch,
    strict: argv.strict,
    cache: argv.cache,
    timings: argv.timings,
  };
  if (argv._[0] === "diff") return { kind: "diff", oldSpec: String(argv["oldSpec"]), newSpec: String(argv["newSpec"]), options };
  return { kind: argv.watch ? "watch" : "generate", options };
}

function parser(args: string[], onUsageError: () => void) {
  return yargs(args)
    .scriptName("npm run generate --")
    .usage(usage)
    .command("$0", "Generate clients (default)")
    .command("diff <old-spec> <new-spec>", "Print a Markdown report of the API surface changes between two specs; writes no code")
    .option("spec", { type: "string", describe: "A spec file, or a folder of spec documents forming one API" })
    .option("out", { type: "string", describe: "Output folder for --spec (default generated/<name>)" })
    .option("resources", { type: "string", describe: "With --spec: a Stainless-built SDK's api.md naming the client class's resources and methods" })
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
      if (args.resources !== undefined && args.spec === undefined) throw new Error("--resources needs --spec (the config names an API's api.md as \"resources\")");
      if (args.watch && (args.check || args._[0] === "diff")) throw new Error("--watch regenerates; it does not combine with --check or diff");
      return true;
    })
    .strict()
    .help()
    .fail((message, error) => {
      onUsageError();
      console.error(`${message ?? error?.message}\nRun with --help for usage.`);
    })
    .exitProcess(false);
}
