/**
 * Runs one command as a child process and measures its wall time and peak resident set size.
 *
 * Peak RSS comes from GNU time (`/usr/bin/time -v`) when the machine has it. Its figure is the
 * kernel's `ru_maxrss` for the child, which already covers the child's own children (tsx, for
 * example, runs the generator in a second node process). Without GNU time, every node process
 * of the run loads `preload/reportMaxRss.mjs` through NODE_OPTIONS and appends its own
 * `process.resourceUsage().maxRSS` to a file at exit; the largest line is the peak.
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";

export interface Command {
  /** An executable (a node script with a shebang is fine). */
  command: string;
  args: string[];
  cwd: string;
  /** Added to the parent's environment. NODE_OPTIONS is appended to, not replaced. */
  env?: Record<string, string>;
  /** Killed (with its whole process group) after this long. */
  timeoutMs?: number;
  /** Count the stdout lines matching this (and keep the first few), e.g. compiler diagnostics. */
  countLines?: RegExp;
}

export interface Measurement {
  wallMs: number;
  /** Kibibytes; undefined when neither GNU time nor the node wrapper produced a figure. */
  peakRssKb: number | undefined;
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  /** The last few kilobytes of each stream, for error reports. */
  stdoutTail: string;
  stderrTail: string;
  /** With `countLines`: how many stdout lines matched, the first three of them, and counts by the regex's first group. */
  matchedLines: number;
  firstMatches: string[];
  matchCounts: Record<string, number>;
}

export type RssMethod = "gnu-time" | "node-wrapper";

const gnuTime = "/usr/bin/time";
const tailLimit = 8_000;
const rssReporter = pathToFileURL(path.join(import.meta.dirname, "preload/reportMaxRss.mjs")).href;

let detected: RssMethod | undefined;

/**
 * GNU time if `/usr/bin/time -v` works and prints the maximum resident set size, else the node
 * wrapper. BENCH_RSS_METHOD=node-wrapper forces the wrapper (to check it on a machine with GNU time).
 */
export function rssMethod(): RssMethod {
  if (detected === undefined && process.env["BENCH_RSS_METHOD"] === "node-wrapper") detected = "node-wrapper";
  if (detected === undefined) {
    const probe = spawnSync(gnuTime, ["-v", "true"], { encoding: "utf8" });
    detected = probe.status === 0 && /Maximum resident set size/.test(probe.stderr ?? "") ? "gnu-time" : "node-wrapper";
  }
  return detected;
}

/** Appends `--import=<url>` (or any flag) to a NODE_OPTIONS value. */
export function withNodeOption(existing: string | undefined, option: string): string {
  return existing === undefined || existing.trim() === "" ? option : `${existing} ${option}`;
}

export async function measure(command: Command): Promise<Measurement> {
  const method = rssMethod();
  const scratch = await mkdtemp(path.join(os.tmpdir(), "bench-measure-"));
  const rssFile = path.join(scratch, "rss.txt");
  const env: NodeJS.ProcessEnv = { ...process.env, ...command.env };
  let file = command.command;
  let args = command.args;
  if (method === "gnu-time") {
    file = gnuTime;
    args = ["-v", "-o", rssFile, command.command, ...command.args];
  } else {
    env["NODE_OPTIONS"] = withNodeOption(env["NODE_OPTIONS"], `--import=${rssReporter}`);
    env["BENCH_MAX_RSS_FILE"] = rssFile;
  }

  try {
    const started = performance.now();
    // detached: the child leads its own process group, so a timeout can end the whole tree it started.
    const child = spawn(file, args, { cwd: command.cwd, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
    let stdoutTail = "";
    let stderrTail = "";
    let matchedLines = 0;
    const firstMatches: string[] = [];
    const matchCounts: Record<string, number> = {};
    let partialLine = "";
    const countLines = (text: string) => {
      if (command.countLines === undefined) return;
      const lines = (partialLine + text).split("\n");
      partialLine = lines.pop() ?? "";
      for (const line of lines) {
        const match = command.countLines.exec(line);
        if (match === null) continue;
        matchedLines += 1;
        if (match[1] !== undefined) matchCounts[match[1]] = (matchCounts[match[1]] ?? 0) + 1;
        if (firstMatches.length < 3) firstMatches.push(line);
      }
    };
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdoutTail = (stdoutTail + chunk).slice(-tailLimit);
      countLines(chunk);
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderrTail = (stderrTail + chunk).slice(-tailLimit)));
    let timedOut = false;
    const timer =
      command.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            if (child.pid !== undefined) {
              try {
                process.kill(-child.pid, "SIGKILL");
              } catch {
                // already gone
              }
            }
          }, command.timeoutMs);
    const { exitCode, signal } = await new Promise<{ exitCode: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
      child.on("error", reject);
      child.on("close", (code, sig) => resolve({ exitCode: code, signal: sig }));
    });
    const wallMs = performance.now() - started;
    countLines("\n");
    if (timer !== undefined) clearTimeout(timer);
    const report = await readFile(rssFile, "utf8").catch(() => "");
    const peakRssKb = method === "gnu-time" ? parseGnuTime(report) : parseWrapper(report);
    // GNU time exits with the command's status, and prints "Command exited with non-zero status" into its report.
    return { wallMs, peakRssKb, exitCode, signal, timedOut, stdoutTail, stderrTail, matchedLines, firstMatches, matchCounts };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

function parseGnuTime(report: string): number | undefined {
  const match = /Maximum resident set size \(kbytes\): (\d+)/.exec(report);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

function parseWrapper(report: string): number | undefined {
  const values = report
    .split("\n")
    .map((line) => Number(line.trim()))
    .filter((value) => Number.isFinite(value) && value > 0);
  return values.length === 0 ? undefined : Math.max(...values);
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
