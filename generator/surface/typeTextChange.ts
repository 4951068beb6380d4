/** How a type's text moved: it admits fewer values, more values, or a different set. */
export type TypeDirection = "narrowed" | "widened" | "changed";

/**
 * Compares two type texts by their top-level union members: a superset is "widened", a subset
 * "narrowed", anything else "changed". Undefined when the members are the same (in any order);
 * comments (JSDoc of inline members) and spacing do not count.
 */
export function typeTextChange(before: string, after: string): TypeDirection | undefined {
  const [old, next] = [before, after].map((text) => new Set(unionMembers(text)));
  const kept = [...old!].every((member) => next!.has(member));
  const noneNew = [...next!].every((member) => old!.has(member));
  if (kept && noneNew) return undefined;
  if (next!.has("unknown") || old!.has("never") || kept) return "widened";
  if (old!.has("unknown") || next!.has("never") || noneNew) return "narrowed";
  return "changed";
}

/**
 * Top-level members of `A | (B | C)[] | "x|y"`, without comments and with spacing collapsed:
 * splits only outside brackets, string literals and comments.
 */
export function unionMembers(text: string): string[] {
  const members: string[] = [];
  let current = "";
  let depth = 0;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (char === '"' || char === "'") {
      const end = skipString(text, index);
      current += text.slice(index, end + 1);
      index = end;
    } else if (text.startsWith("/*", index)) {
      index = skipComment(text, index);
    } else if (char === "|" && depth === 0) {
      members.push(current);
      current = "";
    } else {
      if ("([{<".includes(char)) depth++;
      else if (")]}>".includes(char)) depth--;
      current += char;
    }
  }
  members.push(current);
  return members.map(collapseSpaces).filter((member) => member !== "");
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

/** Runs of whitespace outside string literals become one space. */
function collapseSpaces(member: string): string {
  return member.replace(/("(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*')|\s+/g, (match, literal: string | undefined) => literal ?? " ").trim();
}
