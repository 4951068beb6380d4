import { describeError } from "./describeError.js";
import type { CliOptions } from "./parseArgs.js";
import { reportChanges } from "./reportChanges.js";

/** `diff`: both specs generated in memory, the Markdown report printed; nothing else written. */
export async function diffSpecs(command: { oldSpec: string; newSpec: string; options: CliOptions }): Promise<number> {
  const { oldSpec, newSpec, options } = command;
  try {
    const { generate } = await import("../generate.js");
    const { compareSurfaces, formatReport } = await import("../surface/compareSurfaces.js");
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
