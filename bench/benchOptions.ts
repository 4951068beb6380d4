/**
 * The bench's command line: runs, synthetic sizes, real specs, the time budget.
 */
import { parseArgs } from "node:util";

export const usage = `Usage: npm run bench -- [--runs N] [--sizes 100,1000,3000] [--specs NAME=FILE,...] [--budget SECONDS] [--keep]

  --runs N        runs per tool and size; the median is reported (default 3)
  --sizes LIST    operation counts of the synthetic specs (default 100,1000,3000)
  --specs LIST    real specs too, as name=file.json pairs (or BENCH_SPECS); a missing file is
                  skipped, saying so. They cannot be committed, hence not bundled
  --budget S      time budget of the whole benchmark in seconds (default 570); 0 = no budget,
                  every peer runs at every size
  --keep          keep the temporary folder with specs and outputs, and print its path`;

export interface Options {
  runs: number;
  sizes: number[];
  /** Real specs by name, from --specs or BENCH_SPECS. */
  realSpecs: { name: string; file: string }[];
  budgetMs: number | undefined;
  keep: boolean;
}

/** Throws on a bad option; prints the usage and exits on --help. */
export function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      runs: { type: "string" },
      sizes: { type: "string" },
      specs: { type: "string" },
      budget: { type: "string" },
      keep: { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
    strict: true,
  });
  if (values.help === true) {
    console.log(usage);
    process.exit(0);
  }
  const runs = values.runs === undefined ? 3 : integer(values.runs, "--runs", 1);
  const sizes =
    values.sizes === undefined
      ? [100, 1000, 3000]
      : [...new Set(values.sizes.split(/[\s,]+/).filter(Boolean).map((text) => integer(text, "--sizes", 1)))].sort((a, b) => a - b);
  if (sizes.length === 0) throw new Error("--sizes needs at least one size");
  const budgetSeconds = values.budget === undefined ? 570 : integer(values.budget, "--budget", 0);
  const realSpecs = namedFiles(values.specs ?? process.env["BENCH_SPECS"] ?? "");
  return { runs, sizes, realSpecs, budgetMs: budgetSeconds === 0 ? undefined : budgetSeconds * 1000, keep: values.keep === true };
}

function integer(text: string, name: string, min: number): number {
  const value = Number(text.replace(/[_,]/g, ""));
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be an integer >= ${min}, got "${text}"`);
  return value;
}

/** `stripe=/path/stripe.json,openai=/path/openai.json` */
function namedFiles(list: string): { name: string; file: string }[] {
  return list
    .split(",")
    .filter((pair) => pair.trim() !== "")
    .map((pair) => {
      const [name, file] = pair.split("=");
      if (name === undefined || file === undefined) throw new Error(`--specs takes name=file pairs, got "${pair}"`);
      return { name: name.trim(), file: file.trim() };
    });
}
