/**
 * Scale test: a vendor-sized synthetic spec (320 operations, 850 component schemas, every hard
 * construct) through the whole pipeline. Checks counts against the spec object, determinism, and a
 * strict type-check of the generated client. Nothing here asserts timing; generation time and
 * output size are printed for information only.
 */
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import SwaggerParser from "@apidevtools/swagger-parser";
import { ts } from "ts-morph";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate, type GeneratedApi } from "../../generator/generate.js";
import { toTypeScriptIdentifier } from "../../generator/naming/identifiers.js";
import { createNameScope } from "../../generator/naming/nameScope.js";
import { reservedTopLevelNames } from "../../generator/naming/reservedNames.js";
import { syntheticSpec, type Json, type JsonObject } from "./syntheticSpec.js";

const repoRoot = path.join(import.meta.dirname, "../..");
const tsc = path.join(repoRoot, "node_modules/typescript/bin/tsc");
const timeout = 180_000;

const options = { operations: 320, schemas: 850 };
const spec = syntheticSpec(options);

const httpMethods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
const isObject = (value: Json | undefined): value is JsonObject => typeof value === "object" && value !== null && !Array.isArray(value);
const entriesOf = (value: Json | undefined): [string, Json][] => (isObject(value) ? Object.entries(value) : []);

function specOperations(document: JsonObject): JsonObject[] {
  return entriesOf(document["paths"]).flatMap(([, item]) =>
    httpMethods.map((method) => (isObject(item) ? item[method] : undefined)).filter(isObject),
  );
}

function componentSchemaNames(document: JsonObject): string[] {
  const components = isObject(document["components"]) ? document["components"] : {};
  return Object.keys(isObject(components["schemas"]) ? components["schemas"] : {});
}

/** The generator's documented rule: a success response offering both a stream and JSON gets a `<name>Stream` twin. */
function offersStreamAndJson(operation: JsonObject): boolean {
  return entriesOf(operation["responses"]).some(([status, response]) => {
    if (!/^2(\d\d|XX)$/i.test(status) || !isObject(response)) return false;
    const types = entriesOf(response["content"]).map(([type]) => type);
    const streaming = (type: string) => /^text\/event-stream\b|ndjson|jsonl/i.test(type);
    return types.some(streaming) && types.some((type) => !streaming(type));
  });
}

function resolvePointer(document: JsonObject, pointer: string): Json | undefined {
  let node: Json | undefined = document;
  for (const raw of pointer.split("/").slice(1)) {
    const token = decodeURIComponent(raw).replaceAll("~1", "/").replaceAll("~0", "~");
    node = Array.isArray(node) ? node[Number(token)] : isObject(node) ? node[token] : undefined;
    if (node === undefined) return undefined;
  }
  return node;
}

function collectRefs(node: Json, found: string[] = []): string[] {
  if (Array.isArray(node)) for (const item of node) collectRefs(item, found);
  else if (isObject(node)) {
    const ref = node["$ref"];
    if (typeof ref === "string") found.push(ref);
    for (const value of Object.values(node)) collectRefs(value, found);
  }
  return found;
}

/** Top-level exported declarations of a generated file, read with the TypeScript parser. */
function exportedDeclarations(fileName: string, text: string): { functions: string[]; types: Set<string> } {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const functions: string[] = [];
  const types = new Set<string>();
  for (const statement of source.statements) {
    const modifiers = ts.canHaveModifiers(statement) ? ts.getModifiers(statement) : undefined;
    if (!modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword)) continue;
    if (ts.isFunctionDeclaration(statement) && statement.name !== undefined && statement.body !== undefined) {
      functions.push(statement.name.text);
    }
    if (ts.isTypeAliasDeclaration(statement) || ts.isInterfaceDeclaration(statement)) types.add(statement.name.text);
  }
  return { functions, types };
}

function fileText(api: GeneratedApi, file: string): string {
  const found = api.files.find((candidate) => candidate.path === file);
  if (found === undefined) throw new Error(`no ${file} among ${api.files.map((candidate) => candidate.path).join(", ")}`);
  return found.text;
}

let tempDir = "";
let specFile = "";
let firstGeneration: Promise<GeneratedApi> | undefined;

/** The first generation, shared by the tests; timed and measured once. */
function generated(): Promise<GeneratedApi> {
  firstGeneration ??= (async () => {
    const started = performance.now();
    const api = await generate(specFile);
    const seconds = (performance.now() - started) / 1000;
    const bytes = api.files.reduce((sum, file) => sum + Buffer.byteLength(file.text), 0);
    const lines = api.files.reduce((sum, file) => sum + file.text.split("\n").length, 0);
    const perFile = api.files.map((file) => `${file.path} ${Math.round(Buffer.byteLength(file.text) / 1024)} KiB`).join(", ");
    console.log(
      `scale: generated ${options.operations} operations / ${options.schemas} schemas in ${seconds.toFixed(1)} s; ` +
        `output ${(bytes / 1024 / 1024).toFixed(2)} MiB, ${lines} lines (${perFile}); ${api.warnings.length} warnings`,
    );
    return api;
  })();
  return firstGeneration;
}

beforeAll(async () => {
  tempDir = await mkdtemp(path.join(os.tmpdir(), "scale-test-"));
  await mkdir(path.join(tempDir, "spec"));
  specFile = path.join(tempDir, "spec", "synthetic.json");
  await writeFile(specFile, `${JSON.stringify(spec, null, 2)}\n`);
});

afterAll(async () => {
  // Removes the node_modules symlink itself, never what it points at.
  if (tempDir !== "") await rm(tempDir, { recursive: true, force: true });
});

describe("scale: a vendor-sized synthetic spec", () => {
  it(
    "is valid OpenAPI 3.1, exactly as large as asked, deterministic, with every $ref resolving",
    async () => {
      await SwaggerParser.validate(structuredClone(spec) as never);
      const operations = specOperations(spec);
      expect(operations.length).toBe(options.operations);
      expect(componentSchemaNames(spec).length).toBe(options.schemas);
      expect(operations.length).toBeGreaterThanOrEqual(300);
      expect(componentSchemaNames(spec).length).toBeGreaterThanOrEqual(800);
      const ids = operations.map((operation) => operation["operationId"]).filter((id) => typeof id === "string");
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.length).toBeLessThan(operations.length); // some operations have no operationId
      const dangling = collectRefs(spec).filter((ref) => !ref.startsWith("#/") || resolvePointer(spec, ref.slice(1)) === undefined);
      expect(dangling).toEqual([]);
      expect(syntheticSpec(options)).toEqual(spec);
      expect(syntheticSpec({ ...options, seed: 1 })).not.toEqual(spec);
    },
    timeout,
  );

  it(
    "exports one function per operation (plus a `…Stream` twin per JSON-or-stream operation)",
    async () => {
      const api = await generated();
      const operations = specOperations(spec);
      const twins = operations.filter(offersStreamAndJson).length;
      expect(twins).toBeGreaterThan(0);
      const { functions } = exportedDeclarations("operations.ts", fileText(api, "operations.ts"));
      expect(new Set(functions).size).toBe(functions.length);
      expect(functions.length).toBe(operations.length + twins);
    },
    timeout,
  );

  it(
    "declares every component schema in models.ts",
    async () => {
      const api = await generated();
      const components = componentSchemaNames(spec);
      // Components claim their names first, in spec order, in one scope seeded with the reserved
      // names (generator/README.md: collisions get 2, 3, …); hoisted inline types come after.
      const scope = createNameScope(reservedTopLevelNames);
      const expected = components.map((name) => scope.claim(toTypeScriptIdentifier(name, "pascal")));
      const { types } = exportedDeclarations("models.ts", fileText(api, "models.ts"));
      expect(expected.filter((name) => !types.has(name))).toEqual([]);
      expect(types.size).toBeGreaterThanOrEqual(components.length);
    },
    timeout,
  );

  it(
    "is deterministic: a second generation gives identical files and warnings",
    async () => {
      const first = await generated();
      const second = await generate(specFile);
      expect(second.files.map((file) => file.path)).toEqual(first.files.map((file) => file.path));
      for (const [index, file] of second.files.entries()) expect(file.text === first.files[index]!.text, file.path).toBe(true);
      expect(second.warnings).toEqual(first.warnings);
    },
    timeout,
  );

  it(
    "type-checks under the repo's strict compilerOptions",
    async () => {
      const api = await generated();
      const clientDir = path.join(tempDir, "client");
      await mkdir(clientDir);
      for (const file of api.files) {
        await mkdir(path.dirname(path.join(clientDir, file.path)), { recursive: true });
        await writeFile(path.join(clientDir, file.path), file.text);
      }
      const rootConfig = ts.parseConfigFileTextToJson("tsconfig.json", await readFile(path.join(repoRoot, "tsconfig.json"), "utf8"));
      if (rootConfig.error !== undefined) throw new Error(`cannot read tsconfig.json: ${String(rootConfig.error.messageText)}`);
      const compilerOptions: unknown = (rootConfig.config as { compilerOptions?: unknown }).compilerOptions;
      expect(compilerOptions).toBeTypeOf("object");
      await writeFile(path.join(tempDir, "tsconfig.json"), JSON.stringify({ compilerOptions, include: ["client"] }, null, 2));
      // The repo's module context (package.json "type": "module") and its installed types (`types: ["node"]`).
      await writeFile(path.join(tempDir, "package.json"), JSON.stringify({ private: true, type: "module" }));
      await symlink(path.join(repoRoot, "node_modules"), path.join(tempDir, "node_modules"), "dir");
      const result = await promisify(execFile)(tsc, ["-p", path.join(tempDir, "tsconfig.json"), "--noEmit"], {
        cwd: tempDir,
        maxBuffer: 64 * 1024 * 1024,
      }).then(
        ({ stdout, stderr }) => ({ code: 0, output: stdout + stderr }),
        (error: { code?: number; stdout?: string; stderr?: string }) => ({
          code: error.code ?? 1,
          output: (error.stdout ?? "") + (error.stderr ?? ""),
        }),
      );
      const lines = result.output.split("\n").filter((line) => line.trim() !== "");
      // First lines only, so a failure stays readable; `errors` gives the full count.
      expect({ code: result.code, errors: lines.length, output: lines.slice(0, 40) }).toEqual({ code: 0, errors: 0, output: [] });
    },
    timeout,
  );
});
