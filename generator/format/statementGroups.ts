/**
 * A file cut into groups of whole top-level statements, each formatted on its own.
 *
 * Prettier prints a program's statements one after another, each independently of its
 * neighbours, separated by a line break plus one blank line when the source had a blank line
 * right after the statement. So formatting each group and joining the results, with a blank line
 * where the source had one, gives the text whole-file formatting gives
 * (test/format/statementGroups.test.ts proves it over every fixture and generated client).
 */
export interface StatementGroup {
  /** The group's source text: its statements with their leading comments and blank lines. */
  text: string;
  /** Whether a blank line separates this group from the previous one in the formatted file. */
  blankLineBefore: boolean;
}

/**
 * Average statements per group is about `groupCut`: prettier has a fixed cost per call (about
 * 0.3 ms), so one call per statement would double the cold formatting time, and 32 rather than 16
 * saves 0.3 s of 3.9 s at 3,000 operations for 0.02 s more after a one-operation change (Stripe).
 * Where groups end depends on the
 * statements' own text, not their position, so adding or changing one statement changes only
 * its own group and every other group's text, hence its cache entry, stays as it was.
 */
const groupCut = 32;
const maxGroupStatements = 128;

export function statementGroups(text: string, statementStarts: readonly number[]): StatementGroup[] {
  if (statementStarts.length === 0) return [{ text, blankLineBefore: false }];
  const groups: StatementGroup[] = [];
  const header = statementStarts[0] === 0 ? headerEnd(text) : 0;
  if (header > 0) groups.push({ text: text.slice(0, header), blankLineBefore: false });
  let groupStart = header;
  let count = 0;
  for (let index = 0; index < statementStarts.length; index++) {
    const end = statementStarts[index + 1] ?? text.length;
    count++;
    const last = end === text.length;
    if (!last && !endsGroup(text.slice(statementStarts[index], end), count)) continue;
    // A boundary is only taken where the separator is certain; see separatorAt.
    if (!last && separatorAt(text, end) === undefined) continue;
    groups.push({ text: text.slice(groupStart, end), blankLineBefore: groupStart > 0 && separatorAt(text, groupStart) === "blank" });
    groupStart = end;
    count = 0;
  }
  return groups;
}

/**
 * Where the file's opening `//` lines end, when a blank line follows them (0 otherwise). They
 * are a group of their own: the generated-file header names the spec's content hash, so it
 * changes with every spec edit and would otherwise make the first statements a cache miss.
 */
function headerEnd(text: string): number {
  const match = /^(?:\/\/[^\n]*\n)*\/\/[^\n]*(?=\n[ \t]*\n)/.exec(text);
  return match === null ? 0 : match[0].length;
}

function endsGroup(statement: string, count: number): boolean {
  // The high bits: FNV's low bits depend only on the low bits of each character.
  return count >= maxGroupStatements || (fnv1a(statement) >>> 24) % groupCut === 0;
}

/**
 * What prettier puts between the statement ending at `end` and the next: the next line empty
 * means a blank line. `undefined` when a comment shares the statement's last line: prettier may
 * attach it to either neighbour, so the two statements stay in one group.
 */
function separatorAt(text: string, end: number): "blank" | "line" | undefined {
  const match = /^[ \t]*\n([ \t]*\n)?/.exec(text.slice(end, end + 200));
  if (match === null) return undefined;
  return match[1] === undefined ? "line" : "blank";
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
  return hash >>> 0;
}
