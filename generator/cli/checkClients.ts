import { readFile } from "node:fs/promises";
import path from "node:path";
import { compareOutput } from "../output/compareOutput.js";
import { filesWithNameLock } from "../output/filesWithNameLock.js";
import type { GeneratedClient } from "./generateClients.js";

/** --check: names every file that would change (a name lock kept apart included); 1 when any would. */
export async function checkClients(clients: readonly GeneratedClient[]): Promise<number> {
  let differences = 0;
  for (const { job, api } of clients) {
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
