import path from "node:path";
import { expect } from "vitest";
import type { GeneratedApi } from "../../generator/generate.js";
import { formatLocation } from "../../generator/shared/specError.js";

export const clientsDir = path.join(import.meta.dirname, "../fixtures/clients");

/**
 * A whole generated client as file snapshots in clients/<name>/, with its warnings. The runtime is
 * the same in every client but for its header (which names the spec), so it is pinned once, in
 * clients/runtime.ts; each fixture's committed runtime.ts re-exports that copy, which keeps every
 * snapshot client compilable and runnable without a copy of the runtime each. So are paging.ts
 * and pageWalk.ts, in clients/, for a client with a paged list (`paged`), and classClient.ts (the
 * client class's runtime, in every client) in clients/classClient.ts.
 */
export async function expectPinnedClient(api: GeneratedApi, name: string, paged: boolean): Promise<void> {
  // The manifest pins the file list, so a vanished or extra file fails too.
  const shared = ["runtime.ts", ...(paged ? ["paging.ts", "pageWalk.ts"] : []), "classClient.ts"];
  const files = ["models.ts", "operations.ts", "client.ts", "resources.ts", "index.ts", ...shared, "API.md", "api-surface.json"];
  expect(api.files.map((file) => file.path)).toEqual(files);
  const header = api.files.find((file) => file.path === "index.ts")!.text.split("\n\n")[0]!;
  for (const file of api.files) {
    if (!shared.includes(file.path)) await expect(file.text).toMatchFileSnapshot(path.join(clientsDir, name, file.path));
    else {
      expect(file.text.startsWith(`${header}\n\n`)).toBe(true);
      await expect(file.text.slice(header.length + 2)).toMatchFileSnapshot(path.join(clientsDir, file.path));
    }
  }
  const warnings = api.warnings.map((warning) => `${warning.level === "note" ? "note: " : ""}${formatLocation(warning.location)}: ${warning.message}\n`).join("");
  await expect(warnings).toMatchFileSnapshot(path.join(clientsDir, name, "warnings.txt"));
}
