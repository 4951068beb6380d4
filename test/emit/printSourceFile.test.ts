import { Project, StructureKind, type OptionalKind, type SourceFileStructure } from "ts-morph";
import { describe, expect, it } from "vitest";
import { printSourceFile } from "../../generator/emit/printSourceFile.js";

const structure: OptionalKind<SourceFileStructure> = {
  leadingTrivia: "// header\n\n",
  statements: [
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: "./runtime.js", namedImports: ["request"] },
    { kind: StructureKind.Interface, name: "Pet", isExported: true, docs: ["A pet."], properties: [{ name: "name", type: "string" }] },
    { kind: StructureKind.TypeAlias, name: "Pets", isExported: true, type: "Pet[]" },
    {
      kind: StructureKind.Function,
      name: "getPet",
      isExported: true,
      parameters: [{ name: "id", type: "string" }],
      statements: ["return request(id);"],
    },
    "export {};",
  ],
};

function viaCreateSourceFile() {
  const file = new Project({ useInMemoryFileSystem: true }).createSourceFile("a.ts", structure);
  return { text: file.getFullText(), statementStarts: file.compilerNode.statements.map((statement) => statement.pos) };
}

describe("printSourceFile", () => {
  it("prints what createSourceFile(...).getFullText() holds, with the parser's statement positions", () => {
    const printed = printSourceFile(new Project({ useInMemoryFileSystem: true }), "a.ts", structure);
    expect(printed).toEqual(viaCreateSourceFile());
    expect(printed.statementStarts).toHaveLength(5);
  });

  it("takes createSourceFile itself when ts-morph's printer is not where it was", () => {
    const project = new Project({ useInMemoryFileSystem: true });
    // Only the public API, as after a ts-morph release that moved its internals.
    const publicOnly = { createSourceFile: project.createSourceFile.bind(project) } as unknown as Project;
    expect(printSourceFile(publicOnly, "a.ts", structure)).toEqual(viaCreateSourceFile());
    expect(project.getSourceFile("a.ts")).toBeDefined();
  });
});
