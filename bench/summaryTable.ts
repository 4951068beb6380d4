/**
 * The table: one row per spec (cold), one per warm regeneration, and the start-up rows,
 * ours beside openapi-typescript in the same run; then each goal, met or not, from those figures.
 */
import type { TimedRuns } from "./warmRuns.js";

interface Generation {
  tool: string;
  spec: string;
  medianWallMs: number | undefined;
  peakRssKb: number | undefined;
}

export interface SummaryInput {
  specs: { label: string; operations: number }[];
  generation: Generation[];
  warm: Map<string, TimedRuns>;
  /** The same change saved while `--watch` runs: from saving to the client written. */
  watch: Map<string, TimedRuns>;
  startup: { cold: TimedRuns; warm: TimedRuns } | undefined;
  peerLabel: string;
}

const seconds = (ms: number | undefined) => (ms === undefined ? "—" : `${(ms / 1000).toFixed(2)} s`);
const mib = (kb: number | undefined) => (kb === undefined ? "" : `${Math.round(kb / 1024).toLocaleString("en-US")} MiB`);
const ratio = (ours: number | undefined, peer: number | undefined) =>
  ours === undefined || peer === undefined ? "—" : `${(ours / peer).toFixed(1)}x`;

export function summaryTable(input: SummaryInput): string {
  const rows: string[][] = [];
  const goals: string[] = [];
  const find = (tool: string, spec: string) => input.generation.find((result) => result.tool === tool && result.spec === spec);
  for (const spec of input.specs) {
    const ours = find("ours", spec.label);
    const peer = find("openapi-typescript", spec.label);
    rows.push([`${spec.label} (${spec.operations.toLocaleString("en-US")} operations)`, seconds(ours?.medianWallMs), seconds(peer?.medianWallMs), ratio(ours?.medianWallMs, peer?.medianWallMs), mib(ours?.peakRssKb)]);
    goals.push(goal(`cold ${spec.label}: ≤ 1.5x`, ours?.medianWallMs, peer?.medianWallMs, 1.5));
    goals.push(goal(`memory ${spec.label}: ≤ 2x openapi-typescript's peak`, ours?.peakRssKb, peer?.peakRssKb, 2));
    if (spec.operations >= 3000 && ours?.peakRssKb !== undefined) {
      goals.push(`${ours.peakRssKb <= 1024 * 1024 ? "met    " : "NOT MET"} memory ${spec.label}: peak ${mib(ours.peakRssKb)} ≤ 1 GiB`);
    }
  }
  for (const spec of input.specs) {
    const warm = input.warm.get(spec.label);
    if (warm === undefined) continue;
    const peer = find("openapi-typescript", spec.label);
    const label = `${spec.label} again after a one-operation change`;
    rows.push([label, warm.error === undefined ? seconds(warm.medianWallMs) : `failed: ${warm.error}`, `(${seconds(peer?.medianWallMs)} from scratch)`, ratio(warm.medianWallMs, peer?.medianWallMs), mib(warm.peakRssKb)]);
    goals.push(goal(`warm ${spec.label}: ≤ 0.5x openapi-typescript's cold`, warm.medianWallMs, peer?.medianWallMs, 0.5));
    const watched = input.watch.get(spec.label);
    if (watched === undefined) continue;
    const watchLabel = `${spec.label}, the same change saved while \`--watch\` runs (debounce included)`;
    rows.push([watchLabel, watched.error === undefined ? seconds(watched.medianWallMs) : `failed: ${watched.error}`, `(${seconds(peer?.medianWallMs)} from scratch)`, ratio(watched.medianWallMs, peer?.medianWallMs), ""]);
    goals.push(goal(`warm --watch ${spec.label}: ≤ 0.5x openapi-typescript's cold`, watched.medianWallMs, peer?.medianWallMs, 0.5));
  }
  if (input.startup !== undefined) {
    const { cold, warm } = input.startup;
    rows.push(["the bundled seeds (`npm run generate`), first run, empty cache", seconds(cold.medianWallMs), "—", "—", mib(cold.peakRssKb)]);
    rows.push(["the bundled seeds (`npm run generate`), next runs", seconds(warm.medianWallMs), "—", "—", mib(warm.peakRssKb)]);
    for (const [name, runs] of [["first run", cold], ["next runs", warm]] as const) {
      if (runs.medianWallMs !== undefined) goals.push(`${runs.medianWallMs <= 1000 ? "met    " : "NOT MET"} start-up, ${name}: ${seconds(runs.medianWallMs)} ≤ 1.0 s`);
    }
  }
  const header = ["spec", "ours", input.peerLabel, "ratio", "our peak memory"];
  const lines = [header, header.map(() => "---"), ...rows].map((cells) => `| ${cells.join(" | ")} |`);
  return [...lines, "", "Goals (from the figures above):", ...goals.filter((line) => line !== "").map((line) => `  ${line}`)].join("\n");
}

function goal(name: string, ours: number | undefined, peer: number | undefined, limit: number): string {
  if (ours === undefined || peer === undefined) return "";
  return `${ours / peer <= limit ? "met    " : "NOT MET"} ${name} (${(ours / peer).toFixed(2)}x)`;
}
