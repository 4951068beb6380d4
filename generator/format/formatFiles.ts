import { format, type Options } from "prettier";
import type { OutputFile } from "../emit/emitApi.js";

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

export async function formatFiles(files: readonly OutputFile[]): Promise<OutputFile[]> {
  return Promise.all(files.map(async (file) => ({ path: file.path, text: await format(file.text, prettierOptions) })));
}
