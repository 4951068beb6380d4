/**
 * Shared machinery for the hostile-input tests: temporary folders outside the repo, the
 * "no injected code" AST check, the shape of a generated file, one batched strict `tsc` run for
 * many clients, and importing compiled clients in a separate Node process that reports what
 * importing them did.
 */
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { ts } from "ts-morph";
import type { OutputFile } from "../../generator/shared/outputFile.js";
import { sentinels } from "./payloads.js";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
// TypeScript 7 by its own path: the 5.x aliases installed for the consumer tests also declare a `tsc` bin.
export const tscBin = path.join(repoRoot, "node_modules", "typescript", "bin", "tsc");

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** A fresh folder under the OS temp dir (never inside the repo). */
export async function makeTempDir(prefix: string): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), `hostile-${prefix}-`));
}

export async function removeDir(dir: string | undefined): Promise<void> {
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
}

/** Writes a spec document as JSON (JSON.stringify escapes lone surrogates, so they survive). */
export async function writeSpec(dir: string, fileName: string, document: JsonObject): Promise<string> {
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, fileName);
  await writeFile(file, JSON.stringify(document, null, 2));
  return file;
}

/** A file-system-safe slug of a label, for folder names. */
export function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "x";
}

const sentinelSet = new Set(sentinels);

export interface InjectionFinding {
  file: string;
  line: number;
  what: string;
}

/**
 * Places where a sentinel word appears as code in a generated file. Allowed: inside string
 * literals, template literal text, comments and JSDoc, and as the declared name of a property in
 * a type (`interface X { pwned: string }`). Anything else (a declaration, a reference, a property
 * access, an object-literal key, anything inside a `${…}` template expression) is a finding.
 */
export function findInjectedCode(source: ts.SourceFile): InjectionFinding[] {
  const file = source.fileName;
  const findings: InjectionFinding[] = [];
  const report = (node: ts.Node, what: string) =>
    findings.push({ file, line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1, what });
  const visit = (node: ts.Node): void => {
    if ((ts.isIdentifier(node) || ts.isPrivateIdentifier(node)) && sentinelSet.has(node.text) && !isTypePropertyName(node)) {
      report(node, `identifier \`${node.text}\` in ${ts.SyntaxKind[node.parent.kind]}`);
    }
    if (ts.isTemplateSpan(node)) {
      const expression = node.expression.getText(source);
      if (sentinels.some((sentinel) => expression.includes(sentinel))) report(node, `template expression \${${expression}}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return findings;
}

/** The name of a property signature in an interface or type literal. */
function isTypePropertyName(node: ts.Identifier | ts.PrivateIdentifier): boolean {
  const parent = node.parent;
  return (ts.isPropertySignature(parent) || ts.isMethodSignature(parent)) && parent.name === node;
}

/** Syntax errors only (no type information), via `ts.transpileModule`'s diagnostics. */
export function syntaxErrors(file: string, text: string): string[] {
  const result = ts.transpileModule(text, {
    fileName: file,
    reportDiagnostics: true,
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
  });
  return (result.diagnostics ?? []).map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
}

/** What a generated file is made of, independent of the names and texts the spec supplied. */
export interface FileShape {
  /** Top-level statement kinds in order (export modifiers included). */
  statements: string[];
  /** Module specifiers of every import and re-export, and of any `import()`/`require()` call. */
  modules: string[];
}

/**
 * The shape of a file: multisets (sorted lists), since the generator orders declarations by name
 * and names come from the spec.
 */
export function fileShape(source: ts.SourceFile): FileShape {
  const statements = source.statements.map((statement) => {
    const exported = ts.canHaveModifiers(statement) && (ts.getModifiers(statement) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    return `${exported ? "export " : ""}${ts.SyntaxKind[statement.kind]}`;
  });
  const modules: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier !== undefined) {
      modules.push(ts.isStringLiteral(node.moduleSpecifier) ? node.moduleSpecifier.text : node.moduleSpecifier.getText(source));
    } else if (ts.isCallExpression(node) && (node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === "require"))) {
      modules.push(`dynamic:${node.arguments.map((argument) => argument.getText(source)).join(",")}`);
    } else if (ts.isImportTypeNode(node)) {
      modules.push(`import-type:${node.argument.getText(source)}`);
    } else if (ts.isExternalModuleReference(node)) {
      modules.push(`require:${node.expression.getText(source)}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { statements: statements.sort(), modules: modules.sort() };
}

/** Per JSDoc block (sorted, as declarations are ordered by name): the block tags the TypeScript parser reads in it (what editors show). */
export function jsDocTags(source: ts.SourceFile): string[] {
  const tags: string[] = [];
  const visit = (node: ts.Node): void => {
    for (const doc of (node as { jsDoc?: readonly ts.JSDoc[] }).jsDoc ?? []) {
      tags.push((doc.tags ?? []).map((tag) => `@${tag.tagName.text}`).join(" ") || "(no tags)");
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return tags.sort();
}

export function clientJsDocTags(sources: readonly ts.SourceFile[]): Record<string, string[]> {
  return Object.fromEntries(sources.map((source) => [source.fileName, jsDocTags(source)]));
}

export function clientShape(sources: readonly ts.SourceFile[]): Record<string, FileShape> {
  return Object.fromEntries(sources.map((source) => [source.fileName, fileShape(source)]));
}

/** Parses a file once for all the checks (with parent pointers, as TypeScript source). */
export function parse(file: string, text: string): ts.SourceFile {
  return ts.createSourceFile(file, text, ts.ScriptTarget.ESNext, true, ts.ScriptKind.TS);
}

/** The TypeScript files of a client, parsed (a client also holds API.md and api-surface.json). */
export function parseClient(files: readonly OutputFile[]): ts.SourceFile[] {
  return files.filter((file) => file.path.endsWith(".ts")).map((file) => parse(file.path, file.text));
}

/**
 * The block structure of a Markdown file: one entry per line saying what kind of line it is
 * (heading level, list item, HTML comment, blank, text). Spec text must never add or remove lines.
 */
export function markdownShape(text: string): string[] {
  return text.split(/\r\n|\n|\r/).map((line) => {
    if (line.trim() === "") return "blank";
    if (/^<!--.*-->$/.test(line)) return "comment";
    const heading = /^(#{1,6}) /.exec(line);
    if (heading !== null) return `h${heading[1]!.length}`;
    if (line.startsWith("- ")) return "item";
    return "text";
  });
}

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function run(command: string, args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number }): Promise<CommandResult> {
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      { cwd: options.cwd, env: options.env ?? process.env, timeout: options.timeoutMs ?? 120_000, maxBuffer: 256 * 1024 * 1024, encoding: "utf8" },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === "number" ? error.code : 1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** The repo's strict compiler options, read from its tsconfig.json. */
async function strictCompilerOptions(): Promise<Record<string, unknown>> {
  const config = JSON.parse(await readFile(path.join(repoRoot, "tsconfig.json"), "utf8")) as { compilerOptions: Record<string, unknown> };
  return config.compilerOptions;
}

export interface CompiledClients {
  /** tsc's exit code and diagnostics (empty when the clients are strict-clean). */
  result: CommandResult;
  /** Folder holding `<client>/index.js` for each client. */
  outDir: string;
}

/**
 * Writes every client to `root/src/<name>/` with a package.json `{"type":"module"}`, a tsconfig
 * copying the repo's strict compilerOptions and a node_modules symlink, then runs the repo's tsc
 * once for all of them. With `emit`, JavaScript lands in `root/out/<name>/`.
 */
export async function compileClients(root: string, clients: ReadonlyMap<string, readonly OutputFile[]>, emit: boolean): Promise<CompiledClients> {
  for (const [name, files] of clients) {
    for (const file of files) {
      const target = path.join(root, "src", name, file.path);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, file.text);
    }
  }
  await writeFile(path.join(root, "package.json"), JSON.stringify({ type: "module", private: true }));
  const compilerOptions = {
    ...(await strictCompilerOptions()),
    ...(emit ? { noEmit: false, outDir: "out", rootDir: "src" } : { noEmit: true }),
  };
  await writeFile(path.join(root, "tsconfig.json"), JSON.stringify({ compilerOptions, include: ["src"] }, null, 2));
  await symlink(path.join(repoRoot, "node_modules"), path.join(root, "node_modules"), "dir").catch((error: { code?: string }) => {
    if (error.code !== "EEXIST") throw error;
  });
  const result = await run(tscBin, ["-p", root], { cwd: root, timeoutMs: 180_000 });
  return { result, outDir: path.join(root, "out") };
}

/** What importing one compiled client did, as reported by the probe process. */
export interface ImportReport {
  /** Exported names, sorted. */
  exports: string[];
  /** `defaultBaseUrl` as exported. */
  defaultBaseUrl: unknown;
  /** Each exported plain object (the enum const objects) with its own entries. */
  objects: Record<string, [string, unknown][]>;
}

export interface ProbeResult {
  reports: Record<string, ImportReport>;
  /** Console calls made while importing (console is replaced before the first import). */
  consoleCalls: string[];
  /** globalThis keys that appeared while importing. */
  newGlobals: string[];
  /** For each sentinel: typeof globalThis[sentinel] and whether Object.prototype has it. */
  sentinelState: Record<string, { global: string; onObjectPrototype: boolean }>;
  /** Object.prototype keys that appeared while importing. */
  newPrototypeKeys: string[];
  stdout: string;
  stderr: string;
  code: number;
}

const probeSource = `
const sentinels = JSON.parse(process.argv[2]);
const files = JSON.parse(process.argv[3]);
const globalsBefore = new Set(Reflect.ownKeys(globalThis).map(String));
const prototypeBefore = new Set(Reflect.ownKeys(Object.prototype).map(String));
const consoleCalls = [];
for (const method of Object.keys(console)) {
  if (typeof console[method] === "function") console[method] = (...args) => consoleCalls.push(method + ": " + args.map(String).join(" "));
}
const reports = {};
for (const [name, url] of Object.entries(files)) {
  const module = await import(url);
  const objects = {};
  for (const [key, value] of Object.entries(module)) {
    if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) objects[key] = Object.entries(value);
  }
  reports[name] = { exports: Object.keys(module).sort(), defaultBaseUrl: module.defaultBaseUrl, objects };
}
const newGlobals = Reflect.ownKeys(globalThis).map(String).filter((key) => !globalsBefore.has(key));
const newPrototypeKeys = Reflect.ownKeys(Object.prototype).map(String).filter((key) => !prototypeBefore.has(key));
const sentinelState = Object.fromEntries(sentinels.map((s) => [s, { global: typeof globalThis[s], onObjectPrototype: s in Object.prototype }]));
process.stdout.write("PROBE:" + JSON.stringify({ reports, consoleCalls, newGlobals, newPrototypeKeys, sentinelState }));
`;

/**
 * Imports `<outDir>/<name>/index.js` for every client in one fresh Node process with console
 * replaced by a recorder. The process must print nothing but its own report.
 */
export async function importClients(root: string, outDir: string, names: readonly string[]): Promise<ProbeResult> {
  const probe = path.join(root, "probe.mjs");
  await writeFile(probe, probeSource);
  const files = Object.fromEntries(names.map((name) => [name, pathToFileURL(path.join(outDir, name, "index.js")).href]));
  const result = await run(process.execPath, [probe, JSON.stringify(sentinels), JSON.stringify(files)], { cwd: root });
  const marker = result.stdout.lastIndexOf("PROBE:");
  const parsed =
    marker === -1
      ? { reports: {}, consoleCalls: [], newGlobals: [], newPrototypeKeys: [], sentinelState: {} }
      : (JSON.parse(result.stdout.slice(marker + "PROBE:".length)) as Omit<ProbeResult, "stdout" | "stderr" | "code">);
  return { ...parsed, stdout: marker === -1 ? result.stdout : result.stdout.slice(0, marker), stderr: result.stderr, code: result.code };
}

/** Absolute paths that must never appear in generated output. */
export function forbiddenPaths(...extra: string[]): string[] {
  return [repoRoot, os.tmpdir(), os.homedir(), process.cwd(), ...extra].filter((entry) => entry.length > 1);
}
