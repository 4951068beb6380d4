import { type OptionalKind, type Project, type SourceFileStructure, ts } from "ts-morph";

/** A printed source file and where its top-level statements begin (leading comments included). */
export interface PrintedFile {
  text: string;
  statementStarts: number[];
}

/** The part of ts-morph's internals `project.createSourceFile(path, structure)` prints with. */
interface StructurePrinting {
  createWriter(): { toString(): string };
  structurePrinterFactory: { forSourceFile(options: { isAmbient: boolean }): { printText(writer: unknown, structure: OptionalKind<SourceFileStructure>): void } };
}

/**
 * The text `project.createSourceFile(path, structure).getFullText()` returns, printed by the
 * same structure printer, without what createSourceFile then builds and we never read: a file
 * in the project and ts-morph's wrapper nodes over it (most of the emit stage's time on a large
 * spec). The statement positions come from a bare TypeScript parse. Should a ts-morph release
 * move the printer, the public path is taken instead: same text, only slower.
 */
export function printSourceFile(project: Project, path: string, structure: OptionalKind<SourceFileStructure>): PrintedFile {
  const printing = (project as unknown as { _context?: Partial<StructurePrinting> })._context;
  if (typeof printing?.createWriter !== "function" || typeof printing.structurePrinterFactory?.forSourceFile !== "function") {
    const file = project.createSourceFile(path, structure);
    return { text: file.getFullText(), statementStarts: file.compilerNode.statements.map((statement) => statement.pos) };
  }
  const writer = printing.createWriter();
  printing.structurePrinterFactory.forSourceFile({ isAmbient: false }).printText(writer, structure);
  const text = writer.toString();
  const parsed = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  return { text, statementStarts: parsed.statements.map((statement) => statement.pos) };
}
