import { filesWithNameLock } from "../output/filesWithNameLock.js";
import { writeNameLock, writeOutput } from "../output/writeOutput.js";
import type { GeneratedClient } from "./generateClients.js";

/**
 * Writes each client and says where. Ctrl-C during generation loses nothing (nothing is written
 * yet). During writing it is held until the folder being swapped is complete, then no further
 * API is written (exit code 130).
 */
export async function writeClients(clients: readonly GeneratedClient[], options: { force: boolean }): Promise<number> {
  let interrupted = false;
  const hold = (): void => {
    interrupted = true;
  };
  process.on("SIGINT", hold).on("SIGTERM", hold);
  try {
    for (const { job, api } of clients) {
      if (interrupted) break;
      const { files, lockApart, lockInside } = filesWithNameLock(job.out, api);
      await writeOutput(job.out, files, { force: options.force, carriedOver: lockInside === undefined ? [] : [lockInside] });
      if (lockApart !== undefined) await writeNameLock(lockApart);
      console.log(`${api.name}: ${files.length} files in ${job.out} (${job.seconds.toFixed(2)} s)`);
    }
  } finally {
    process.off("SIGINT", hold).off("SIGTERM", hold);
  }
  if (interrupted) console.error("interrupted: the folders written so far are complete; the rest were left as they were");
  return interrupted ? 130 : 0;
}
