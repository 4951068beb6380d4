/**
 * Which operations of a spec page, by which scheme, and which list-shaped ones are left alone and why
 * (issue 21's done-when).
 *
 *   npx tsx bench/pagingFigures.ts --spec /tmp/specs/stripe.json [--spec …] [--examples 3]
 *
 * Loads each spec and builds its model as `npm run generate` does (no client is written), then
 * counts the decisions `generator/model/pagination.ts` recorded for every operation: paged, by
 * scheme; left alone (a list whose paging is unclear, each reason with its operations); lists with
 * no sign of paging; everything else. Prints the figures with the first `--examples` operations of
 * each (in path order). It measures and prints; it asserts nothing.
 */
import { parseArgs } from "node:util";
import { loadApi } from "../generator/load/loadApi.js";
import { buildApiModel } from "../generator/model/buildApiModel.js";
import type { PagingDecision } from "../generator/model/pagination.js";

const { values } = parseArgs({ options: { spec: { type: "string", multiple: true }, examples: { type: "string", default: "3" } } });
const specs = values.spec ?? [];
if (specs.length === 0) throw new Error("usage: npx tsx bench/pagingFigures.ts --spec <file> [--spec …] [--examples 3]");
const examples = Number(values.examples);

for (const spec of specs) {
  const api = await loadApi(spec);
  const { pagingDecisions } = buildApiModel(api);
  console.log(`\n${spec}: ${pagingDecisions.size} operations`);
  printGroups("paged", group(pagingDecisions, (decision) => (decision.kind === "paged" ? decision.paging.scheme : undefined)));
  printGroups("left alone", group(pagingDecisions, (decision) => (decision.kind === "left" ? reasonKind(decision.reason) : undefined)));
  printGroups("lists with no sign of paging", group(pagingDecisions, (decision) => (decision.kind === "none" && decision.list ? "returns the whole list" : undefined)));
  const others = [...pagingDecisions.values()].filter((decision) => decision.kind === "none" && !decision.list).length;
  console.log(`  not a list (no GET, or no array in the 2xx JSON body): ${others}`);
}

/** Operations by a label the decision gives (undefined: not counted here), each with its reason when left alone. */
function group(decisions: ReadonlyMap<string, PagingDecision>, label: (decision: PagingDecision) => string | undefined): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const [key, decision] of decisions) {
    const name = label(decision);
    if (name === undefined) continue;
    const detail = decision.kind === "left" ? `${key}: ${decision.reason}` : key;
    groups.set(name, [...(groups.get(name) ?? []), detail]);
  }
  return groups;
}

function printGroups(title: string, groups: Map<string, string[]>): void {
  const total = [...groups.values()].reduce((sum, keys) => sum + keys.length, 0);
  console.log(`  ${title}: ${total}`);
  for (const [name, keys] of [...groups].sort((a, b) => b[1].length - a[1].length)) {
    console.log(`    ${name}: ${keys.length}`);
    for (const key of keys.slice(0, examples)) console.log(`      ${key}`);
  }
}

/** A reason without the names in it, so operations left alone for the same kind of reason count together. */
function reasonKind(reason: string): string {
  return reason.replace(/`[^`]*`/g, "…").replace(/\([^)]*\)/g, "(…)");
}
