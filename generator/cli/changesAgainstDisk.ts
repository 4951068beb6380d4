import type { GeneratedClient } from "./generateClients.js";
import type { ApiChanges } from "./reportChanges.js";

/** Each client's surface changes against the client in its output folder; call it before writing, which replaces that client. */
export async function changesAgainstDisk(clients: readonly GeneratedClient[]): Promise<ApiChanges[]> {
  const { changesSinceDisk } = await import("../surface/changesSinceDisk.js");
  const all: ApiChanges[] = [];
  for (const { job, api } of clients) {
    const changes = await changesSinceDisk(job.out, api.surface);
    if (!changes.newClient && changes.warning !== undefined) console.error(`warning: ${changes.warning}`);
    all.push({ api: api.name, ...changes });
  }
  return all;
}
