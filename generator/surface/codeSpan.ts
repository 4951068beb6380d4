/**
 * Text as one Markdown code span on one line: whitespace runs (line breaks included) become one
 * space, and the fence is longer than any run of backticks inside, so spec text cannot end it.
 */
export function codeSpan(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  const longestRun = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longestRun + 1);
  const padding = flat.startsWith("`") || flat.endsWith("`") ? " " : "";
  return `${fence}${padding}${flat}${padding}${fence}`;
}
