/**
 * Hostile spec text must never become code. Every payload of payloads.ts goes into every text
 * field and every kind of name the generator reads (see hostileSpec), and each generated client
 * must: (a) contain the sentinel words only as data (strings, comments, declared property names)
 * and have exactly the statement and import shape of a clean spec's client, with the spec's data
 * carried over byte for byte; (b) type-check under the repo's strict tsconfig (one tsc run for
 * all clients); (c) do nothing observable when imported (compiled JS in a fresh Node process).
 */
import path from "node:path";
import { ts } from "ts-morph";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate, type GeneratedApi } from "../../generator/generate.js";
import type { OutputFile } from "../../generator/shared/outputFile.js";
import {
  clientJsDocTags,
  clientShape,
  compileClients,
  findInjectedCode,
  forbiddenPaths,
  importClients,
  makeTempDir,
  jsDocTags,
  markdownShape,
  parse,
  parseClient,
  removeDir,
  syntaxErrors,
  writeSpec,
  type FileShape,
  type JsonObject,
} from "./harness.js";
import { collisionSpec, hostileSpec, type BuiltSpec, type Expectations } from "./hostileSpecs.js";
import { collisionGroups, payloads, sentinels } from "./payloads.js";

interface HostileCase {
  title: string;
  /** Client folder name in the batch. */
  id: string;
  build: () => BuiltSpec;
  /** Spec file name (payloads that are legal file names are used in it: the name reaches headers). */
  fileName: string;
  /** The clean document of the same structure, for the shape comparison. */
  clean: () => JsonObject;
  /** Identifies the clean document (cases of the same structure share one). */
  cleanKey: string;
}

/**
 * A file name carrying a payload when the file system allows it (no `/`, no NUL, short enough):
 * the spec's file name reaches every header and API.md. Line breaks are left out:
 * BUG api-md-name-line-break (see the reproductions below).
 */
function specFileName(values: readonly string[], id: string): string {
  const usable = values.find((value) => !/[/\u0000\r\n\ud800-\udfff]/.test(value) && Buffer.byteLength(value) <= 200);
  return usable === undefined ? `${id}.json` : `${id} ${usable}.json`;
}

/**
 * Generating costs ~0.4 s of fixed work (schema validation, formatting the runtime), so one spec
 * per payload would not fit the time budget: payloads share specs, one slot each, eight slots per
 * spec (the last padded with plain text), so one clean twin of eight slots serves every spec.
 * The 100 KB ones use lean slots.
 */
const slotsPerSpec = 8;

function payloadCases(): HostileCase[] {
  const cases: HostileCase[] = [];
  const regular = payloads.filter((payload) => payload.value.length <= 10_000);
  for (let chunk = 0; chunk < regular.length; chunk += slotsPerSpec) {
    const group = regular.slice(chunk, chunk + slotsPerSpec);
    const id = `p${cases.length}`;
    const values = [...group.map((payload) => payload.value), ...Array.from({ length: slotsPerSpec - group.length }, (_, index) => `Filler text ${index}`)];
    cases.push({
      title: `payloads: ${group.map((payload) => payload.label).join(", ")}`,
      id,
      build: () => hostileSpec(values),
      fileName: specFileName(values, id),
      clean: () => hostileSpec(values.map((_, position) => `Clean text ${position}`)).document,
      cleanKey: `${slotsPerSpec} slots`,
    });
  }
  const huge = payloads.filter((payload) => payload.value.length > 10_000);
  const hugeValues = huge.map((payload) => payload.value);
  cases.push({
    title: `payloads: ${huge.map((payload) => payload.label).join(", ")} (lean slots)`,
    id: `p${cases.length}`,
    build: () => hostileSpec(hugeValues, { lean: true }),
    fileName: `p${cases.length}.json`,
    clean: () => hostileSpec(hugeValues.map((_, position) => `Clean text ${position}`), { lean: true }).document,
    cleanKey: `${hugeValues.length} lean slots`,
  });
  return cases;
}

const cases: HostileCase[] = [
  ...payloadCases(),
  ...collisionGroups.map((names, index): HostileCase => ({
    title: `colliding names: ${names.join(" ")}`,
    id: `c${index}`,
    build: () => collisionSpec(names),
    fileName: `collisions-${index}.json`,
    clean: () => collisionSpec(names.map((_, position) => `Clean${String.fromCharCode(65 + position)}`)).document,
    cleanKey: `collisions of ${names.length}`,
  })),
];

let root: string | undefined;
/** Clients that generated, for the batched type-check and import. */
const clients = new Map<string, { files: readonly OutputFile[]; expect: Expectations; title: string }>();
const cleanClients = new Map<string, { sources: readonly ts.SourceFile[]; other: Map<string, string> }>();
/** Every case's parsed files (also those failing later assertions), for the JSDoc tag tests. */
const generatedSources = new Map<string, readonly ts.SourceFile[]>();

beforeAll(async () => {
  root = await makeTempDir("specs");
});

afterAll(async () => {
  await removeDir(root);
});

async function generateFrom(folder: string, fileName: string, document: JsonObject): Promise<GeneratedApi> {
  const file = await writeSpec(path.join(root!, folder), fileName, document);
  return generate(file);
}

/** Object-literal keys of `field: { … }` inside every `request(client, { … })` call of operations.ts. */
function requestFields(source: ts.SourceFile): { paths: string[]; keys: Record<string, string[]>; deepObjectNames: string[] } {
  const paths: string[] = [];
  const keys: Record<string, string[]> = { pathParams: [], query: [], headers: [], cookies: [] };
  const deepObjectNames: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression)) {
      const [first, literal] = node.arguments;
      if (node.expression.text === "request" && literal !== undefined && ts.isObjectLiteralExpression(literal)) {
        for (const property of literal.properties) {
          if (!ts.isPropertyAssignment(property)) continue;
          const name = propertyNameText(property.name);
          if (name === "path" && ts.isStringLiteral(property.initializer)) paths.push(property.initializer.text);
          if (name !== undefined && name in keys && ts.isObjectLiteralExpression(property.initializer)) {
            for (const entry of property.initializer.properties) {
              const key = entry.name === undefined ? undefined : propertyNameText(entry.name);
              if (key !== undefined) keys[name]!.push(key);
            }
          }
        }
      }
      if (node.expression.text === "deepObject" && first !== undefined && ts.isStringLiteral(first)) deepObjectNames.push(first.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { paths, keys, deepObjectNames };
}

function propertyNameText(name: ts.PropertyName): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name)) return name.text;
  if (ts.isComputedPropertyName(name) && ts.isStringLiteral(name.expression)) return name.expression.text;
  return undefined;
}

/** `securitySchemes: { key: { …, name: "…" } }` in client.ts, and the `defaultBaseUrl` literal. */
function clientFields(source: ts.SourceFile): { schemes: Record<string, string>; defaultBaseUrl: string | undefined } {
  const schemes: Record<string, string> = {};
  let defaultBaseUrl: string | undefined;
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.name.text === "defaultBaseUrl" && node.initializer !== undefined && ts.isStringLiteral(node.initializer)) {
      defaultBaseUrl = node.initializer.text;
    }
    if (ts.isPropertyAssignment(node) && propertyNameText(node.name) === "securitySchemes" && ts.isObjectLiteralExpression(node.initializer)) {
      for (const scheme of node.initializer.properties) {
        if (!ts.isPropertyAssignment(scheme) || !ts.isObjectLiteralExpression(scheme.initializer)) continue;
        const nameProperty = scheme.initializer.properties.find((entry) => entry.name !== undefined && propertyNameText(entry.name) === "name");
        const value = nameProperty !== undefined && ts.isPropertyAssignment(nameProperty) && ts.isStringLiteral(nameProperty.initializer) ? nameProperty.initializer.text : "";
        Object.defineProperty(schemes, propertyNameText(scheme.name) ?? "?", { value, enumerable: true });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { schemes, defaultBaseUrl };
}

const sorted = (values: readonly string[]) => [...new Set(values)].sort();

/** The clean twin's parsed TypeScript files and its other files (API.md, …) by path. */
async function cleanClient(testCase: HostileCase): Promise<{ sources: readonly ts.SourceFile[]; other: Map<string, string> }> {
  const cached = cleanClients.get(testCase.cleanKey);
  if (cached !== undefined) return cached;
  const api = await generateFrom(`clean-${cleanClients.size}`, "clean.json", testCase.clean());
  const clean = { sources: parseClient(api.files), other: new Map(api.files.filter((file) => !file.path.endsWith(".ts")).map((file) => [file.path, file.text])) };
  cleanClients.set(testCase.cleanKey, clean);
  return clean;
}

function assertClient(
  api: GeneratedApi,
  sources: readonly ts.SourceFile[],
  expected: Expectations,
  cleanShape: Record<string, FileShape>,
  cleanOther: ReadonlyMap<string, string>,
): void {
  // a. Sentinels only as data.
  const findings = sources.flatMap((source) => findInjectedCode(source));
  expect(findings).toEqual([]);
  // a. The same top-level statements and module specifiers as the clean spec's client.
  const shape = clientShape(sources);
  for (const file of Object.keys(cleanShape)) {
    // resources.ts has a class per resource, and resources are named from path segments: spec text
    // that names two segments alike (`foo-bar`, `foo_bar`) makes one resource of them. Its kinds of
    // statements and its modules must still be the clean twin's.
    if (file === "resources.ts") expect(distinctShape(shape[file]!), file).toEqual(distinctShape(cleanShape[file]!));
    else expect(shape[file], file).toEqual(cleanShape[file]);
  }
  // Only the client's own modules, ever.
  const modules = new Set(Object.values(shape).flatMap((fileShape) => fileShape.modules));
  for (const module of modules) expect(["./runtime.js", "./models.js", "./operations.js", "./client.js", "./resources.js", "./classClient.js"], module).toContain(module);
  expect(Object.keys(shape)).toEqual(Object.keys(cleanShape));
  // The spec's data, byte for byte.
  const sourceOf = (file: string) => sources.find((source) => source.fileName === file)!;
  const fields = requestFields(sourceOf("operations.ts"));
  expect(sorted(fields.paths)).toEqual(sorted(expected.paths));
  for (const [field, names] of Object.entries(expected.wireNames)) expect(sorted(fields.keys[field] ?? []), field).toEqual(sorted(names));
  expect(sorted(fields.deepObjectNames)).toEqual(sorted(expected.deepObjectNames));
  const client = clientFields(sourceOf("client.ts"));
  expect(client.defaultBaseUrl).toBe(expected.defaultBaseUrl);
  expect(client.schemes).toEqual(expected.schemes);
  // Files besides TypeScript: JSON parses, Markdown keeps the clean twin's line structure.
  for (const file of api.files) {
    if (file.path.endsWith(".json")) expect(() => JSON.parse(file.text), file.path).not.toThrow();
    if (file.path.endsWith(".md")) {
      const clean = cleanOther.get(file.path);
      expect(clean, `${file.path} in the clean twin`).toBeDefined();
      expect(markdownShape(file.text), file.path).toEqual(markdownShape(clean!));
    }
  }
  expect(api.files.map((file) => file.path).sort()).toEqual([...cleanOther.keys(), ...Object.keys(cleanShape)].sort());
  // No absolute path of this machine in any file.
  for (const file of api.files) for (const forbidden of forbiddenPaths(root!)) expect(file.text.includes(forbidden), `${file.path} contains ${forbidden}`).toBe(false);
}

function distinctShape(shape: FileShape): FileShape {
  return { statements: [...new Set(shape.statements)], modules: [...new Set(shape.modules)] };
}

/** A hand-written module doing everything the import probe must notice, compiled with the clients. */
const canaryId = "canary";
const canaryClient: OutputFile[] = [
  {
    path: "index.ts",
    text: [
      '(globalThis as Record<string, unknown>)["pwned"] = 1;',
      'Object.defineProperty(Object.prototype, "injected", { value: 1, configurable: true });',
      'console.log("hello from the canary");',
      'export const defaultBaseUrl = "";',
      "",
    ].join("\n"),
  },
];

describe("hostile payloads in every field: nothing injected", () => {
  it("the injection check itself flags code and accepts data", () => {
    // Guards the guard: without this, a checker that never finds anything would pass every case.
    expect(findInjectedCode(parse("a.ts", "export const pwned = 1;"))).toHaveLength(1);
    expect(findInjectedCode(parse("a.ts", "globalThis.injected = 1;"))).toHaveLength(1);
    expect(findInjectedCode(parse("a.ts", "const a = `${pwned}`;"))).toHaveLength(2);
    expect(findInjectedCode(parse("a.ts", "const a = { pwned: 1 };"))).toHaveLength(1);
    const data = '/** pwned */\n// injected\nconst a = "pwned" + `injected`;\ninterface T { pwned: string; "injected"?: 1 }\ntype U = { injected(): void };';
    expect(findInjectedCode(parse("a.ts", data))).toEqual([]);
    expect(sentinels.length).toBeGreaterThan(0);
  });

  for (const testCase of cases) {
    it(testCase.title, async () => {
      const built = testCase.build();
      const api = await generateFrom(testCase.id, testCase.fileName, built.document);
      const sources = parseClient(api.files);
      generatedSources.set(testCase.id, sources);
      clients.set(testCase.id, { files: api.files, expect: built.expect, title: testCase.title });
      const clean = await cleanClient(testCase);
      assertClient(api, sources, built.expect, clientShape(clean.sources), clean.other);
    });
  }

  // Spec text must not add JSDoc tags (`@deprecated`, `@param`, …) that editors would show.
  for (const testCase of cases) {
    it(`${testCase.title}: no JSDoc tags injected`, async () => {
      const sources = generatedSources.get(testCase.id);
      expect(sources, "the client generated").toBeDefined();
      expect(clientJsDocTags(sources!)).toEqual(clientJsDocTags((await cleanClient(testCase)).sources));
    });
  }

  describe("the generated clients, all at once", () => {
    let compiled: Awaited<ReturnType<typeof compileClients>> | undefined;

    it("type-check under the repo's strict tsconfig (one tsc run)", async () => {
      expect(clients.size).toBeGreaterThan(0);
      const batch = new Map<string, readonly OutputFile[]>([...clients].map(([id, client]) => [id, client.files]));
      batch.set(canaryId, canaryClient);
      compiled = await compileClients(path.join(root!, "tsc"), batch, true);
      const byClient = compiled.result.stdout
        .split("\n")
        .filter((line) => line.trim() !== "")
        .map((line) => {
          const id = /^src\/([^/]+)\//.exec(line)?.[1];
          return `${id === undefined ? "" : `[${clients.get(id)?.title ?? id}] `}${line.slice(0, 400)}`;
        });
      expect(byClient).toEqual([]);
      expect(compiled.result.code).toBe(0);
    }, 180_000);

    it("importing every client runs nothing observable and exports the spec's values", async () => {
      expect(compiled?.result.code).toBe(0);
      const probe = await importClients(path.join(root!, "tsc"), compiled!.outDir, [...clients.keys()]);
      expect(probe.stderr).toBe("");
      expect(probe.stdout).toBe("");
      expect(probe.code).toBe(0);
      expect(probe.consoleCalls).toEqual([]);
      expect(probe.newGlobals).toEqual([]);
      expect(probe.newPrototypeKeys).toEqual([]);
      for (const sentinel of sentinels) expect(probe.sentinelState[sentinel]).toEqual({ global: "undefined", onObjectPrototype: false });
      // Guards the guard: a module that does all of it is seen doing all of it.
      const canary = await importClients(path.join(root!, "tsc"), compiled!.outDir, [canaryId]);
      expect(canary.consoleCalls).toEqual(["log: hello from the canary"]);
      expect(canary.newGlobals).toEqual(["pwned"]);
      expect(canary.newPrototypeKeys).toEqual(["injected"]);
      expect(canary.sentinelState["pwned"]).toEqual({ global: "number", onObjectPrototype: false });
      for (const [id, client] of clients) {
        const report = probe.reports[id];
        expect(report, client.title).toBeDefined();
        expect(report!.defaultBaseUrl, client.title).toBe(client.expect.defaultBaseUrl);
        const exportedValueLists = Object.values(report!.objects).map((entries) => entries.map(([, value]) => value));
        for (const values of client.expect.enums) expect(exportedValueLists, `${client.title}: enum ${JSON.stringify(values).slice(0, 80)}`).toContainEqual(values);
      }
    });
  });
});

/**
 * Minimal reproductions of the generator bugs this suite found. Each asserts the safe behaviour
 * and was `it.fails` until the bug was fixed; the comment above each says what the bug was.
 */
describe("found bugs (minimal reproductions, fixed)", () => {
  const base = (extra: JsonObject): JsonObject => ({ openapi: "3.1.0", info: { title: "T", version: "1" }, paths: {}, ...extra });
  const generateClean = async (folder: string, document: JsonObject, fileName = "spec.json") =>
    parseClient((await generateFrom(`bug-${folder}`, fileName, document)).files);

  // BUG media-type-jsdoc: operationsFile.ts bodyProperties() writes the default media type into the
  // `contentType` JSDoc with JSON.stringify only; `*/` ends the comment and what follows is code.
  it("media-type-jsdoc: a request media type key containing */ injects top-level code", async () => {
    const mediaType = 'application/json; x="*/ }; globalThis.pwned = 1; export interface Evil { /*"';
    const document = base({
      paths: { "/a": { post: { operationId: "send", requestBody: { content: { [mediaType]: { schema: { type: "string" } }, "text/plain": { schema: { type: "string" } } } }, responses: { "204": { description: "ok" } } } } },
    });
    const findings = (await generateClean("media", document)).flatMap((source) => findInjectedCode(source));
    expect(findings).toEqual([]);
  });

  // BUG doc-text-order: escape.ts toDocText() neutralizes `*/` before deleting control characters,
  // so `*\u0000/` survives the escaping and becomes `*/` (client.ts gets `globalThis.pwned = 1;`).
  it("doc-text-order: info.title '*\\u0000/ code /\\u0000*' injects top-level code", async () => {
    const document = base({ info: { title: "*\u0000/ globalThis.pwned = 1; /\u0000*", version: "1" } });
    const findings = (await generateClean("nul", document)).flatMap((source) => findInjectedCode(source));
    expect(findings).toEqual([]);
  });

  // BUG jsdoc-tag-injection: toDocText() escapes `@` only at the start of a line; TypeScript (and
  // editors) read `@deprecated` after any whitespace as a tag, so spec prose adds tags.
  it("jsdoc-tag-injection: a description 'Old. @deprecated use Pet2' marks the type deprecated", async () => {
    const document = base({ components: { schemas: { Pet: { type: "object", description: "Old shape. @deprecated use Pet2", properties: { name: { type: "string" } } } } } });
    const models = (await generateClean("tag", document)).find((source) => source.fileName === "models.ts")!;
    expect(jsDocTags(models).join(" ")).not.toContain("@deprecated");
  });

  // BUG hoisted-type-names: hoisted type names are `<toPascalCase(operation name)><toPascalCase(name)>`,
  // never passed through toTypeScriptIdentifier: empty, digit-first or holding \p{No} characters.
  // Generation then dies in prettier with a SyntaxError (not a SpecError).
  const hoisting: [string, JsonObject][] = [
    ["operationId '😀' and query parameter '😀' with an enum: the type name is empty", { paths: { "/a": { get: { operationId: "😀", parameters: [{ name: "😀", in: "query", schema: { enum: ["a", "b"] } }], responses: { "204": { description: "ok" } } } } } }],
    ["operationId '1st' with an enum query parameter: type name '1stX'", { paths: { "/a": { get: { operationId: "1st", parameters: [{ name: "x", in: "query", schema: { enum: ["a", "b"] } }], responses: { "204": { description: "ok" } } } } } }],
    ["property 'x²' holding an inline object: type name 'PetX²'", { components: { schemas: { Pet: { type: "object", properties: { "x²": { type: "object", properties: { a: { type: "string" } } } } } } } }],
    // U+32EF5 is a letter to V8 (\p{L}) but not an identifier character in TypeScript's tables.
    ["property 'x\u{32EF5}' (CJK Extension H) holding an inline object", { components: { schemas: { Pet: { type: "object", properties: { "x\u{32EF5}": { type: "object", properties: { a: { type: "string" } } } } } } } }],
  ];
  for (const [index, [title, extra]] of hoisting.entries()) {
    it(`hoisted-type-names: ${title}`, async () => {
      const sources = await generateClean(`hoist-${index}`, base(extra));
      for (const source of sources) expect(syntaxErrors(source.fileName, source.text), source.fileName).toEqual([]);
    });
  }

  // BUG api-md-name-line-break: surface/apiMarkdown.ts collapses whitespace in the title but not in
  // the API name (the spec's file name), so a line break in the file name splits the heading.
  it("api-md-name-line-break: a spec file named 'api\\n# injected.json' adds a heading to API.md", async () => {
    const document = base({});
    const api = await generateFrom("bug-md", "api\n# injected.json", document);
    const markdown = api.files.find((file) => file.path === "API.md")!.text;
    expect(markdownShape(markdown).filter((kind) => kind === "h1")).toEqual(["h1"]);
  });
});
