import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findCycles, importGraph, stageOf } from "./importGraph.js";

const root = path.join(import.meta.dirname, "../..");
const graph = importGraph(root, ["generator", "templates"]);

interface StageRule {
  imports: Set<string>;
  packages: Set<string>;
}

/** The table "What each stage may import" in generator/README.md: the rule is what the reader sees. */
function stageRules(): Map<string, StageRule> {
  const readme = readFileSync(path.join(root, "generator/README.md"), "utf8");
  const rows = readme.split("\n").filter((line) => /^\| `[^`]+` \|/.test(line));
  const names = (cell: string) => new Set([...cell.matchAll(/`([^`]+)`/g)].map((match) => match[1]!));
  return new Map(
    rows.map((row) => {
      const [stage, imports, packages] = row.split("|").slice(1, 4);
      return [[...names(stage!)][0]!, { imports: names(imports!), packages: names(packages!) }];
    }),
  );
}

describe("findCycles", () => {
  const cases: { name: string; edges: Record<string, string[]>; want: string[][] }[] = [
    { name: "a chain", edges: { a: ["b"], b: ["c"], c: [] }, want: [] },
    { name: "a diamond", edges: { a: ["b", "c"], b: ["d"], c: ["d"], d: [] }, want: [] },
    { name: "two modules", edges: { a: ["b"], b: ["a"] }, want: [["a", "b"]] },
    { name: "a module importing itself", edges: { a: ["a"] }, want: [["a"]] },
    { name: "a long circle beside a tail", edges: { t: ["a"], a: ["b"], b: ["c"], c: ["a"] }, want: [["a", "b", "c"]] },
    { name: "two separate circles", edges: { a: ["b"], b: ["a"], c: ["d"], d: ["c"], e: ["a", "c"] }, want: [["a", "b"], ["c", "d"]] },
  ];
  it.each(cases)("$name", ({ edges, want }) => {
    const found = findCycles(new Map(Object.entries(edges)));
    expect(found.sort((x, y) => x[0]!.localeCompare(y[0]!))).toEqual(want);
  });
});

describe("stageOf", () => {
  it.each([
    ["generator/load/loadApi.ts", "load/"],
    ["generator/generate.ts", "generate.ts"],
    ["generator/start.mjs", "start.mjs"],
    ["templates/runtime.ts", "templates/"],
  ])("%s is in %s", (file, stage) => expect(stageOf(file)).toBe(stage));
});

describe("the generator's imports", () => {
  const rules = stageRules();

  it("form no cycle, type-only imports included", () => {
    const edges = new Map([...graph].map(([file, imports]) => [file, imports.modules]));
    expect(findCycles(edges)).toEqual([]);
  });

  it("the README's table names every stage there is, and only those", () => {
    const stages = new Set([...graph.keys()].map(stageOf));
    expect([...rules.keys()].sort()).toEqual([...stages].sort());
  });

  it("point only where generator/README.md says a stage may import", () => {
    const forbidden = [...graph].flatMap(([file, { modules }]) => {
      const rule = rules.get(stageOf(file));
      return modules.filter((module) => stageOf(module) !== stageOf(file) && !rule?.imports.has(stageOf(module))).map((module) => `${file} -> ${module}`);
    });
    expect(forbidden).toEqual([]);
  });

  it("use only the packages the README gives each stage (node: built-ins aside)", () => {
    const forbidden = [...graph].flatMap(([file, { packages }]) => {
      const rule = rules.get(stageOf(file));
      return packages.filter((name) => !rule?.packages.has(name)).map((name) => `${file} -> ${name}`);
    });
    expect(forbidden).toEqual([]);
  });
});
