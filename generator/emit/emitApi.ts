import { Project, StructureKind, type StatementStructures } from "ts-morph";
import { generatedMarker } from "../generatedMarker.js";
import type { RunCache } from "../generate.js";
import type { ApiModel } from "../model/apiModel.js";
import type { ApiSurface } from "../surface/apiSurface.js";
import { surfaceFiles } from "../surface/surfaceFiles.js";
import { clientStatements } from "./clientFile.js";
import { printSourceFile } from "./printSourceFile.js";
import { toLineCommentText } from "./escape.js";
import { modelStatements } from "./modelsFile.js";
import { operationsFileStatements } from "./operationsFile.js";

/** A generated file, path relative to the API's output folder. */
export interface OutputFile {
  path: string;
  text: string;
  /** Where each top-level statement begins (leading comments included), so format/ can work statement by statement. */
  statementStarts?: readonly number[];
}

export interface EmitOptions {
  /** Statements printed by earlier runs, by structure (see printSourceFile). */
  printed?: RunCache["printed"] | undefined;
}

/**
 * Every file of one API client, unformatted. Each source file is printed once from structures;
 * API.md and api-surface.json come from the surface the caller built (once per run: it is not cheap).
 */
export function emitApi(model: ApiModel, surface: ApiSurface, runtimeSource: string, optionsHash: string, options: EmitOptions = {}): OutputFile[] {
  const project = new Project({ useInMemoryFileSystem: true });
  const header = fileHeader(model, optionsHash);
  const build = (path: string, statements: StatementStructures[]): OutputFile => {
    const body = statements.length > 0 ? statements : ["export {};"];
    return { path, ...printSourceFile(project, path, { leadingTrivia: header, statements: body }, options.printed) };
  };
  return [
    build("models.ts", modelStatements(model.types)),
    // No operations (a spec of only components or webhooks): no imports that would go unused.
    build("operations.ts", model.operations.length === 0 ? [] : operationsFileStatements(model.operations)),
    build("client.ts", clientStatements(model)),
    build("index.ts", indexStatements(model)),
    { path: "runtime.ts", text: header + runtimeSource },
    // API.md and api-surface.json: the surface a reviewer reads first and the next run compares with.
    ...surfaceFiles(surface, notice(model, optionsHash)),
  ];
}

function fileHeader(model: ApiModel, optionsHash: string): string {
  return `${notice(model, optionsHash).map((line) => `// ${line}`).join("\n")}\n\n`;
}

/**
 * The generated-file notice, one string per line; every output file carries it. Provenance
 * without timestamps or absolute paths: the spec files, and content hashes of spec and options.
 */
function notice(model: ApiModel, optionsHash: string): string[] {
  const sources = model.sourceFiles.map(toLineCommentText).join(", ");
  return [
    `${generatedMarker} from ${sources}.`,
    `Spec content ${model.specHash}, generator options ${optionsHash}.`,
    "Do not edit: change the spec and run `npm run generate`.",
  ];
}

function indexStatements(model: ApiModel): StatementStructures[] {
  const exportAll = (moduleSpecifier: string): StatementStructures => ({ kind: StructureKind.ExportDeclaration, moduleSpecifier });
  return [
    ...(model.types.length > 0 ? [exportAll("./models.js")] : []),
    ...(model.operations.length > 0 ? [exportAll("./operations.js")] : []),
    { kind: StructureKind.ExportDeclaration, moduleSpecifier: "./client.js", namedExports: ["createClient", "defaultBaseUrl"] },
    {
      kind: StructureKind.ExportDeclaration,
      moduleSpecifier: "./runtime.js",
      namedExports: ["ApiError", "isApiError", "ConnectionError", "RequestError", "DecodeError", "TimeoutError", "AbortError", "withResponse"],
    },
    {
      kind: StructureKind.ExportDeclaration,
      moduleSpecifier: "./runtime.js",
      isTypeOnly: true,
      namedExports: ["Client", "ClientOptions", "RequestOptions", "ResponseInfo", "ServerSentEvent", "BinaryBody"],
    },
  ];
}
