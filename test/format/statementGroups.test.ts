import { readdirSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { format } from "prettier";
import { describe, expect, it } from "vitest";
import { formatFiles, prettierOptions } from "../../generator/format/formatFiles.js";
import { statementGroups } from "../../generator/format/statementGroups.js";
import { generateUnformatted } from "../../generator/generate.js";
import { syntheticSpec } from "../scale/syntheticSpec.js";
import { scratchDir } from "../scratchDir.js";

const root = path.join(import.meta.dirname, "../..");
const fixtureDir = path.join(root, "test/fixtures/specs");
const specs = [
  ...readdirSync(fixtureDir).filter((name) => name.endsWith(".yaml")).sort().map((name) => path.join(fixtureDir, name)),
  ...readdirSync(path.join(root, "specs")).sort().map((name) => path.join(root, "specs", name)),
];

async function syntheticSpecFile(operations: number): Promise<string> {
  const file = path.join(await scratchDir("statement-groups"), "synthetic.json");
  await writeFile(file, JSON.stringify(syntheticSpec({ operations, schemas: Math.round(operations * 2.75) })));
  return file;
}

/** The proof that formatting group by group is formatting the whole file, on everything we generate. */
async function expectSameAsWholeFile(spec: string): Promise<void> {
  const { files } = await generateUnformatted(spec, { nameLock: { file: path.join(os.tmpdir(), "statement-groups.names.lock.json") } });
  const byGroup = await formatFiles(files);
  for (const [index, file] of files.entries()) {
    const whole = file.path.endsWith(".ts") ? await format(file.text, prettierOptions) : file.text;
    expect(byGroup[index]!.text, `${path.basename(spec)}: ${file.path}`).toBe(whole);
  }
}

describe("formatting statement group by statement group equals whole-file prettier", () => {
  it.each(specs.map((spec) => [path.relative(root, spec), spec]))("%s", async (_name, spec) => {
    await expectSameAsWholeFile(spec);
  });

  it("the 300-operation synthetic spec (every hard construct, hostile descriptions)", async () => {
    await expectSameAsWholeFile(await syntheticSpecFile(300));
  });
});

describe("statementGroups", () => {
  const statements = Array.from({ length: 400 }, (_, index) => `/** Type ${index}. */\nexport interface T${index} {\n  a: string;\n}`);
  // As the TypeScript parser reports them: a statement starts where the previous one ended, its leading blank line and comment included.
  const starts = (parts: readonly string[]) => parts.map((_, index) => (index === 0 ? 0 : parts.slice(0, index).join("\n\n").length));
  const groupTexts = (parts: readonly string[]) => statementGroups(`${parts.join("\n\n")}\n`, starts(parts)).map((group) => group.text);

  it("cuts a file into several groups that join back to the file", () => {
    const groups = groupTexts(statements);
    expect(groups.length).toBeGreaterThan(4);
    expect(groups.join("")).toBe(`${statements.join("\n\n")}\n`);
    expect(statementGroups(`${statements.join("\n\n")}\n`, starts(statements)).slice(1).every((group) => group.blankLineBefore)).toBe(true);
  });

  it("an inserted statement changes only the group it lands in: the others are cache hits", () => {
    const before = new Set(groupTexts(statements));
    const after = groupTexts([...statements.slice(0, 200), "export type Added = string;", ...statements.slice(200)]);
    expect(after.filter((text) => !before.has(text))).toHaveLength(1);
  });

  it("the file's header lines are a group of their own: a new spec hash in them leaves every statement group a cache hit", () => {
    const file = (hash: string) => `// Generated from spec.yaml.\n// Spec content ${hash}.\n\n${statements.join("\n\n")}\n`;
    const header = "// Generated from spec.yaml.\n// Spec content aaa.".length;
    const fileStarts = [0, ...starts(statements).slice(1).map((start) => start + header + 2)];
    const before = statementGroups(file("aaa"), fileStarts);
    const after = statementGroups(file("bbb"), fileStarts);
    expect(after[0]).toEqual({ text: "// Generated from spec.yaml.\n// Spec content bbb.", blankLineBefore: false });
    expect(after.slice(1)).toEqual(before.slice(1));
    expect(after[1]!.blankLineBefore).toBe(true);
  });

  it("never cuts where a comment shares the line a statement ends on", () => {
    const parts = ["export type A = 1; // about A and B\n", "export type B = 2;\n"];
    expect(statementGroups(parts.join(""), [0, parts[0]!.length])).toHaveLength(1);
  });
});

describe("formatFiles with a run cache", () => {
  const body = "export function answer(): number {\n    return 42\n}\n";
  const file = (hash: string) => ({ path: "runtime.ts", text: `// Spec content ${hash}.\n\n${body}` });

  it("a file printed without statement starts (the runtime) formats only its new header after a spec edit", async () => {
    const cache = new Map<string, string>();
    await formatFiles([file("aaa")], { cache });
    const before = new Set(cache.keys());
    const [formatted] = await formatFiles([file("bbb")], { cache });
    expect(formatted!.text).toBe(await format(file("bbb").text, prettierOptions));
    const added = [...cache.keys()].filter((key) => !before.has(key));
    expect(added.map((key) => cache.get(key))).toEqual(["// Spec content bbb.\n"]);
  });
});
