import { Project, StructureKind, type StatementStructures } from "ts-morph";
import type { ApiModel } from "../model/apiModel.js";
import type { OutputFile } from "../shared/outputFile.js";
import type { TextsByKey } from "../shared/reuse.js";
import { clientStatements } from "./clientFile.js";
import { printSourceFile } from "./printSourceFile.js";
import { modelStatements } from "./modelsFile.js";
import { operationsFileStatements } from "./operationsFile.js";
import { classErrorNames } from "../naming/reservedNames.js";
import { resourcesFileStatements } from "./resourcesFile.js";

export interface EmitOptions {
  /** Statements printed by earlier runs, by structure (see printSourceFile). */
  printed?: TextsByKey | undefined;
}

/** The runtime's sources as shipped: `paging` and `pageWalk` only go into clients with a paged operation. */
export interface RuntimeSources {
  runtime: string;
  paging: string;
  pageWalk: string;
  /** The client class's runtime (classClient.ts), imported by resources.ts only. */
  classClient: string;
}

/** The client's TypeScript files, unformatted, each headed by `notice`. Each source file is printed once from structures. */
export function emitApi(model: ApiModel, sources: RuntimeSources, notice: readonly string[], options: EmitOptions = {}): OutputFile[] {
  const project = new Project({ useInMemoryFileSystem: true });
  const header = `${notice.map((line) => `// ${line}`).join("\n")}\n\n`;
  const build = (path: string, statements: (StatementStructures | string)[]): OutputFile => {
    const body = statements.length > 0 ? statements : ["export {};"];
    return { path, ...printSourceFile(project, path, { leadingTrivia: header, statements: body }, options.printed) };
  };
  return [
    build("models.ts", modelStatements(model.types)),
    // No operations (a spec of only components or webhooks): no imports that would go unused.
    build("operations.ts", model.operations.length === 0 ? [] : operationsFileStatements(model.operations)),
    build("client.ts", clientStatements(model)),
    build("resources.ts", resourcesFileStatements(model)),
    build("index.ts", indexStatements(model)),
    { path: "runtime.ts", text: header + sources.runtime },
    ...(pages(model)
      ? [
          { path: "paging.ts", text: header + sources.paging },
          { path: "pageWalk.ts", text: header + sources.pageWalk },
        ]
      : []),
    { path: "classClient.ts", text: header + sources.classClient },
  ];
}

const pagingExports: StatementStructures[] = [
  { kind: StructureKind.ExportDeclaration, moduleSpecifier: "./paging.js", namedExports: ["PaginationError"] },
  { kind: StructureKind.ExportDeclaration, moduleSpecifier: "./paging.js", isTypeOnly: true, namedExports: ["Paged"] },
];

function pages(model: ApiModel): boolean {
  return model.operations.some((operation) => operation.paging !== undefined);
}

/** The client class as the default export (and by name), with the SDK family's error classes and `toFile`. */
function classExports(model: ApiModel): StatementStructures[] {
  const name = model.resourceClient.className;
  return [
    { kind: StructureKind.ExportDeclaration, moduleSpecifier: "./resources.js", namedExports: [{ name, alias: "default" }, name] },
    { kind: StructureKind.ExportDeclaration, moduleSpecifier: "./classClient.js", namedExports: [...classErrorNames, "toFile"] },
    {
      kind: StructureKind.ExportDeclaration,
      moduleSpecifier: "./classClient.js",
      isTypeOnly: true,
      namedExports: ["APIPromise", "CallOptions", "ClassClientOptions", "PagePromise", "Stream"],
    },
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
    ...(pages(model) ? pagingExports : []),
    ...classExports(model),
  ];
}
