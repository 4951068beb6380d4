import { createHash } from "node:crypto";
import type { Options } from "prettier";
import type { OutputFile } from "../shared/outputFile.js";
import type { TextsByKey } from "../shared/reuse.js";
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
  cache?: TextsByKey | undefined;
}

/**
 * Formats the TypeScript files (other files pass through) statement group by statement group,
 * so that unchanged groups come from the cache.
 */
export async function formatFiles(files: readonly OutputFile[], options: FormatOptions = {}): Promise<OutputFile[]> {
  const grouped = files.map((file) => (file.path.endsWith(".ts") ? statementGroups(file.text, file.statementStarts ?? [0]) : undefined));
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

async function formatTexts(texts: readonly string[], cache: TextsByKey): Promise<Map<string, string>> {
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

/**
 * In this thread, one text after another. Worker threads were measured slower on two cores and
 * doubled peak memory: each worker compiles prettier afresh, and V8's compiler and garbage
 * collector threads already keep the second core busy (Stripe: 3.1 s and 250 MiB in-process,
 * 3.5-3.9 s and 500 MiB on two workers; 3,000 operations: the same time, 200 MiB less).
 */
async function formatMissing(texts: readonly string[]): Promise<string[]> {
  if (texts.length === 0) return [];
  // Loaded only when something is not cached: a warm run with nothing new never loads prettier.
  const { format } = await import("prettier");
  const outputs: string[] = [];
  for (const text of texts) outputs.push(await format(text, prettierOptions));
  return outputs;
}

function joinGroups(groups: readonly StatementGroup[], formatted: ReadonlyMap<string, string>): string {
  return groups.map((group) => `${group.blankLineBefore ? "\n" : ""}${formatted.get(group.text)!}`).join("");
}
