import { createHash } from "node:crypto";
import type { OptionalKind, Project, SourceFileStructure, StatementStructures, WriterFunction } from "ts-morph";
import type { TextsByKey } from "../shared/reuse.js";

/** A printed source file and where its top-level statements begin (leading comments included). */
export interface PrintedFile {
  text: string;
  statementStarts: number[];
}

type Statement = string | WriterFunction | StatementStructures;

/** The part of ts-morph's internals `project.createSourceFile(path, structure)` prints with. */
interface StructurePrinting {
  createWriter(): { write(text: string): unknown; toString(): string };
  structurePrinterFactory: {
    forStatement(options: { isAmbient: boolean }): { printText(writer: unknown, statement: Statement): void };
  };
}

/**
 * The text `project.createSourceFile(path, structure).getFullText()` returns, without what
 * createSourceFile then builds and we never read (a project file, a parse, ts-morph's wrapper
 * nodes: most of the emit stage's time on a large spec). Each statement is printed by
 * ts-morph's own statement printer, or taken from `printed` when an earlier run printed the same
 * structure, and the statements are joined as ts-morph's file printer joins them (see join).
 * test/emit/printSourceFile.test.ts checks the result against createSourceFile on every fixture.
 * Should a ts-morph release move its printer, the public path is taken: same text, only slower.
 */
export function printSourceFile(project: Project, path: string, structure: OptionalKind<SourceFileStructure>, printed?: TextsByKey): PrintedFile {
  const printing = structurePrinting(project);
  const statements = structure.statements;
  const leadingTrivia = structure.leadingTrivia;
  // The join below assumes a file that starts with a header (ours always do) and has no trailing trivia.
  const simple = typeof leadingTrivia === "string" && leadingTrivia.endsWith("\n") && structure.trailingTrivia === undefined;
  if (printing === undefined || !simple || !Array.isArray(statements)) {
    const file = project.createSourceFile(path, structure);
    return { text: file.getFullText(), statementStarts: file.compilerNode.statements.map((statement) => statement.pos) };
  }
  const header = printing.createWriter();
  header.write(leadingTrivia);
  const print = (statement: Statement): string => {
    // After a line that is neither blank nor a brace, as in a file: a printer that wants a blank
    // line before its statement (interfaces and functions do) writes it, and join keeps it.
    const writer = printing.createWriter();
    writer.write(contextLine);
    printing.structurePrinterFactory.forStatement({ isAmbient: false }).printText(writer, statement);
    return writer.toString().slice(contextLine.length);
  };
  return join(header.toString(), statements.map((statement) => withTrivia(statement, (rest) => printedOnce(rest, print, printed))));
}

const contextLine = "0;\n";

function structurePrinting(project: Project): StructurePrinting | undefined {
  const printing = (project as unknown as { _context?: Partial<StructurePrinting> })._context;
  const usable = typeof printing?.createWriter === "function" && typeof printing.structurePrinterFactory?.forStatement === "function";
  return usable ? (printing as StructurePrinting) : undefined;
}

/**
 * A statement's own leading trivia is written as it stands, whatever precedes it; what its
 * printer writes after that may depend on the text before (see join), so the two are kept apart.
 */
function withTrivia(statement: Statement, print: (statement: Statement) => string): PrintedStatement {
  if (typeof statement !== "object" || typeof statement.leadingTrivia !== "string") return { trivia: "", text: print(statement) };
  const { leadingTrivia, ...rest } = statement;
  return { trivia: leadingTrivia, text: print(rest as Statement) };
}

interface PrintedStatement {
  trivia: string;
  text: string;
}

/** A statement's text: from the cache when this exact structure was printed before. */
function printedOnce(statement: Statement, print: (statement: Statement) => string, printed: TextsByKey | undefined): string {
  const key = printed === undefined ? undefined : structureKey(statement);
  if (key === undefined) return print(statement);
  const cached = printed!.get(key);
  if (cached !== undefined) return cached;
  const text = print(statement);
  printed!.set(key, text);
  return text;
}

/** A hash of the structure's JSON; none when it holds a writer function, whose output JSON cannot show. */
function structureKey(statement: Statement): string | undefined {
  let plain = true;
  const json = JSON.stringify(statement, (_key, value: unknown) => {
    if (typeof value === "function") plain = false;
    return value;
  });
  return plain ? createHash("sha256").update(json).digest("base64url") : undefined;
}

/**
 * ts-morph's file printer, restated for text: before each statement a blank line when the text
 * so far ends in `}` (trailing whitespace aside), otherwise a line break; then the blank line
 * the statement's printer asks for, unless there is one already, then the statement's own
 * leading trivia and the rest of what its printer wrote; a final line break. A
 * statement begins where the previous one ended, as the TypeScript parser counts it. Pieces are collected and joined once: appending to one long string and
 * looking at its end would flatten it again at every statement.
 */
function join(header: string, statements: readonly PrintedStatement[]): PrintedFile {
  const pieces = [header];
  let length = header.length;
  const add = (piece: string): void => {
    pieces.push(piece);
    length += piece.length;
  };
  const statementStarts: number[] = [];
  for (const { trivia, text: statement } of statements) {
    statementStarts.push(statementStarts.length === 0 ? 0 : length - trailingWhitespace(pieces));
    if (lastNonWhitespace(pieces) === "}") {
      if (!endsWith(pieces, "\n\n")) add(endsWith(pieces, "\n") ? "\n" : "\n\n");
    } else if (!endsWith(pieces, "\n")) {
      add("\n");
    }
    // A printer's blank line before its statement comes before the statement's own trivia.
    const asksBlankLine = statement.startsWith("\n");
    if (asksBlankLine && !endsWith(pieces, "\n\n")) add("\n");
    add(trivia);
    add(asksBlankLine ? statement.slice(1) : statement);
  }
  if (!endsWith(pieces, "\n")) add("\n");
  return { text: pieces.join(""), statementStarts };
}

/** The text's last characters, across pieces (the last few pieces may be short or empty). */
function tail(pieces: readonly string[]): string {
  let text = "";
  for (let index = pieces.length - 1; index >= 0 && text.length < 64; index--) text = pieces[index]! + text;
  return text;
}

function trailingWhitespace(pieces: readonly string[]): number {
  const end = tail(pieces);
  return end.length - end.trimEnd().length;
}

function endsWith(pieces: readonly string[], suffix: string): boolean {
  return tail(pieces).endsWith(suffix);
}

function lastNonWhitespace(pieces: readonly string[]): string | undefined {
  for (let index = pieces.length - 1; index >= 0; index--) {
    const trimmed = pieces[index]!.trimEnd();
    if (trimmed !== "") return trimmed.at(-1);
  }
  return undefined;
}
