/** How a type's text moved: it admits fewer values, more values, or a different set. */
export type TypeDirection = "narrowed" | "widened" | "changed";

/**
 * Compares two type texts by their top-level union members: a superset is "widened", a subset
 * "narrowed", anything else "changed". Undefined when the members are the same (in any order).
 */
export function typeTextChange(before: string, after: string): TypeDirection | undefined {
  if (before === after) return undefined;
  if (after === "unknown" || before === "never") return "widened";
  if (before === "unknown" || after === "never") return "narrowed";
  const old = new Set(unionMembers(before));
  const next = new Set(unionMembers(after));
  const kept = [...old].every((member) => next.has(member));
  const noneNew = [...next].every((member) => old.has(member));
  if (kept && noneNew) return undefined;
  if (kept) return "widened";
  return noneNew ? "narrowed" : "changed";
}

/** Top-level members of `A | (B | C)[] | "x|y"`: splits only outside brackets, strings and comments. */
export function unionMembers(text: string): string[] {
  const members: string[] = [];
  let depth = 0;
  let start = 0;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (char === '"' || char === "'") index = skipString(text, index);
    else if (text.startsWith("/*", index)) index = skipComment(text, index);
    else if ("([{<".includes(char)) depth++;
    else if (")]}>".includes(char)) depth--;
    else if (char === "|" && depth === 0) {
      members.push(text.slice(start, index));
      start = index + 1;
    }
  }
  members.push(text.slice(start));
  return members.map((member) => member.trim()).filter((member) => member !== "");
}

/** Index of the quote closing the string literal that opens at `open`. */
function skipString(text: string, open: number): number {
  const quote = text[open];
  for (let index = open + 1; index < text.length; index++) {
    if (text[index] === "\\") index++;
    else if (text[index] === quote) return index;
  }
  return text.length;
}

/** Index of the `/` closing the comment that opens at `open`. */
function skipComment(text: string, open: number): number {
  const close = text.indexOf("*/", open + 2);
  return close < 0 ? text.length : close + 1;
}
