import { createHash } from "node:crypto";
import { availableParallelism } from "node:os";
import type { Options } from "prettier";
import type { OutputFile } from "../emit/emitApi.js";
import type { RunCache } from "../generate.js";
import { formatOnWorkers } from "./formatOnWorkers.js";
import { statementGroups, type StatementGroup } from "./statementGroups.js";

/**
 * Pinned here, never read from config files, so output does not depend on where the generator runs.
 * `babel-ts` prints the same as the `typescript` parser for what we emit, at less than half the cost.
 */
export const prettierOptions: Options = {
  parser: "babel-ts",
  printWidth: 100,
  tabWidth: 2,
  useTabs: false,
  semi: true,
  singleQuote: false,
  trailingComma: "all",
  bracketSpacing: true,
  arrowParens: "always",
  endOfLine: "lf",
};

export interface FormatOptions {
  /**
   * Formatted text by `formatKey` of the unformatted text; read, and filled with what this run
   * formats. Its owner makes sure it belongs to this prettier version, these options and this generator.
   */
  cache?: RunCache["formatted"] | undefined;
}

/** Below this much unformatted code, starting worker threads costs more than it saves. */
const parallelThreshold = 400_000;

/**
 * Formats the TypeScript files (other files pass through) statement group by statement group,
 * so that unchanged groups come from the cache and the rest spread evenly over worker threads.
 */
export async function formatFiles(files: readonly OutputFile[], options: FormatOptions = {}): Promise<OutputFile[]> {
  const grouped = files.map((file) => (file.path.endsWith(".ts") ? statementGroups(file.text, file.statementStarts ?? []) : undefined));
  const texts = [...new Set(grouped.flatMap((groups) => groups?.map((group) => group.text) ?? []))];
  const formatted = await formatTexts(texts, options.cache ?? new Map());
  return files.map((file, index) => {
    const groups = grouped[index];
    return groups === undefined ? file : { path: file.path, text: joinGroups(groups, formatted) };
  });
}

/** The cache key of an unformatted text. */
export function formatKey(text: string): string {
  return createHash("sha256").update(text).digest("base64url");
}

async function formatTexts(texts: readonly string[], cache: RunCache["formatted"]): Promise<Map<string, string>> {
  const result = new Map<string, string>();
  const missing: { text: string; key: string }[] = [];
  for (const text of texts) {
    const key = formatKey(text);
    const hit = cache.get(key);
    if (hit === undefined) missing.push({ text, key });
    else result.set(text, hit);
  }
  const outputs = await formatMissing(missing.map((entry) => entry.text));
  missing.forEach((entry, index) => {
    result.set(entry.text, outputs[index]!);
    cache.set(entry.key, outputs[index]!);
  });
  return result;
}

async function formatMissing(texts: readonly string[]): Promise<string[]> {
  if (texts.length === 0) return [];
  const size = texts.reduce((total, text) => total + text.length, 0);
  const workers = Math.min(availableParallelism(), 4);
  if (size >= parallelThreshold && workers >= 2) return formatOnWorkers(texts, { workers, options: prettierOptions });
  // Loaded only when something is not cached: a warm run never loads prettier's parsers.
  const { format } = await import("prettier");
  const outputs: string[] = [];
  for (const text of texts) outputs.push(await format(text, prettierOptions));
  return outputs;
}

function joinGroups(groups: readonly StatementGroup[], formatted: ReadonlyMap<string, string>): string {
  return groups.map((group) => `${group.blankLineBefore ? "\n" : ""}${formatted.get(group.text)!}`).join("");
}
