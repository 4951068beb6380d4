import { newClientSize, type NewClient } from "./newClient.js";
import type { SurfaceChange } from "./surfaceChange.js";

/** Markdown for a PR description: a heading per API, then its breaking and non-breaking changes. */
export function formatReport(changes: readonly SurfaceChange[], apiName: string): string {
  const breaking = changes.filter((change) => change.breaking);
  const compatible = changes.filter((change) => !change.breaking);
  const section = (title: string, list: readonly SurfaceChange[]) =>
    list.length === 0 ? [] : [`### ${title}`, "", ...list.map((change) => `- ${change.message}`), ""];
  return [
    `## API changes: ${apiName}`,
    "",
    ...(changes.length === 0 ? ["No API surface changes.", ""] : []),
    ...section("Breaking", breaking),
    ...section("Non-breaking", compatible),
  ].join("\n");
}

/** The report for a client generated for the first time: what was added is the whole client. */
export function newClientReport(client: NewClient, apiName: string): string {
  return `## API changes: ${apiName}\n\nNew client: ${newClientSize(client)}.\n`;
}
