/**
 * `npm run generate`: reads the arguments, generates once, in --watch or `diff`, and sets the exit
 * code. With cli/, the only place that touches `process`.
 */
import { fileURLToPath } from "node:url";
import { diffSpecs } from "./cli/diffSpecs.js";
import { parseArgs } from "./cli/parseArgs.js";
import { runOnce } from "./cli/runOnce.js";
import { watchLoop } from "./cli/watchLoop.js";

// Here, not in cli/: this file is one level below the repo both as source and bundled (.build/cli.mjs).
const root = fileURLToPath(new URL("..", import.meta.url));

async function main(): Promise<number> {
  const command = await parseArgs(process.argv);
  switch (command.kind) {
    case "exit":
      return command.code;
    case "diff":
      return diffSpecs(command);
    case "watch":
      return watchLoop({ ...command.options, root });
    case "generate":
      return (await runOnce({ ...command.options, root })).code;
  }
}

process.exitCode = await main();
