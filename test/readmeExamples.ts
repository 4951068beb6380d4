import { readFileSync } from "node:fs";
import path from "node:path";

/** First line of the README example that needs a client generated from Together's full spec, not generated/together. */
export const togetherFullSpecMarker = "// Generated from Together's full spec";

/** The README's TypeScript examples, in order. */
export function readmeTsBlocks(): string[] {
  const readme = readFileSync(path.join(import.meta.dirname, "..", "README.md"), "utf8");
  return [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]!);
}
