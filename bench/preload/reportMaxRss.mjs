// Fallback peak-RSS probe, used only when GNU time is missing: measure.ts puts
// `--import=<this file>` in NODE_OPTIONS, so every node process of a measured run (and the
// processes it spawns) appends its own peak resident set size, in KiB, to BENCH_MAX_RSS_FILE.
import { appendFileSync } from "node:fs";

const file = process.env.BENCH_MAX_RSS_FILE;
if (file) {
  process.on("exit", () => {
    try {
      appendFileSync(file, `${process.resourceUsage().maxRSS}\n`);
    } catch {
      // never change the measured program's outcome
    }
  });
}
