/**
 * Do the generated types accept the values their schemas allow? (issue 19's done-when)
 *
 *   npx tsx bench/typesAcceptExamples.ts --spec openai.yaml [--spec …] [--generator <repo dir>] [--json out.json] [--baseline earlier.json] [--keep] [--samples]
 *
 * For each spec: generate its client into a temporary folder with the generator of `--generator`
 * (default: this repo), collect the instances the spec gives (`example` and `examples` of every schema
 * the name lock names, and the media-type examples of request and response bodies whose schema is a
 * `$ref` to a named component), keep those a JSON Schema validator (ajv) accepts against that schema,
 * write each kept one as `const e_N: M.Type = <the instance as a literal>;` next to the generated
 * `models.ts` and type-check that file with the repo's TypeScript. Every error is a generated type
 * rejecting a value its schema allows. It measures and prints; it asserts nothing.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { createRequire } from "node:module";
import { sampleInstances } from "./sampleInstances.js";

const require = createRequire(import.meta.url);
// js-yaml comes with swagger-parser (not a dependency of its own, no types): read YAML as it does
const yaml = require("js-yaml") as { load(text: string, options: { schema: unknown }): unknown; JSON_SCHEMA: unknown };
const repoDir = resolve(import.meta.dirname, "..");

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

interface Instance {
  /** where the spec gives the value */
  source: string;
  /** the schema it is checked against (a name-lock pointer) */
  schemaPointer: string;
  /** for the reader: the type's name, with `.property` / `[]` for a schema nested in it */
  typeName: string;
  /** the TypeScript type the instance is checked against */
  typeExpression: string;
  value: Json;
}

interface Rejection {
  source: string;
  schemaPointer: string;
  typeName: string;
  code: string;
  message: string;
}

interface NotKept {
  source: string;
  verdict: "invalid" | "uncompilable";
  why: string;
}

interface SpecResult {
  spec: string;
  generator: string;
  commit: string;
  found: number;
  noTypeName: number;
  notJson: number;
  schemaUncompilable: number;
  schemaInvalid: number;
  /** instances left out: the schema rejects them (the spec contradicts itself), or ajv cannot compile the schema */
  notKept: NotKept[];
  schemaValid: number;
  typeCheckedOk: number;
  /** rejected as a fresh literal only because of keys the schema does not declare (and allows) */
  excessOnly: Rejection[];
  rejected: Rejection[];
  /** instances the schema rejects that the type accepts as a value (a sample of where types are looser than schemas) */
  schemaInvalidTypeAccepts: { source: string; typeName: string; why: string }[];
  /** mutants of the valid instances the schema rejects, and those of them the type accepts */
  mutants: number;
  mutantsTypeAccepts: { source: string; typeName: string; why: string }[];
}

const isObject = (value: unknown): value is JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const decodeSegment = (segment: string) => segment.replaceAll("~1", "/").replaceAll("~0", "~");
const encodeSegment = (segment: string) => segment.replaceAll("~", "~0").replaceAll("/", "~1");

function atPointer(document: Json, pointer: string): Json | undefined {
  let node: Json | undefined = document;
  for (const raw of pointer.split("/").slice(1)) {
    const segment = decodeSegment(raw);
    if (Array.isArray(node)) node = node[Number(segment)];
    else if (isObject(node)) node = Object.hasOwn(node, segment) ? node[segment] : undefined;
    else return undefined;
  }
  return node;
}

/** A local `$ref` object is followed (only where the spec allows a Reference Object, never inside data). */
function follow(document: Json, node: Json | undefined): Json | undefined {
  for (let hops = 0; isObject(node) && typeof node.$ref === "string" && hops < 10; hops++) {
    if (!node.$ref.startsWith("#/")) return undefined;
    node = atPointer(document, node.$ref.slice(1));
  }
  return node;
}

function schemaExamples(schema: Json | undefined, at: string): { source: string; value: Json }[] {
  if (!isObject(schema)) return [];
  const found: { source: string; value: Json }[] = [];
  if (Object.hasOwn(schema, "example")) found.push({ source: `${at}/example`, value: schema.example as Json });
  if (Array.isArray(schema.examples))
    schema.examples.forEach((value, index) => found.push({ source: `${at}/examples/${index}`, value }));
  return found;
}

const methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/** The helpers that spell the type of a schema nested in a named one (a property, an array's items). */
const helperTypes = [
  `type Prop<T, K extends string> = unknown extends T ? unknown : T extends unknown ? (T extends readonly unknown[] ? never : K extends keyof T ? T[K] : never) : never;`,
  `type Item<T> = unknown extends T ? unknown : T extends readonly (infer E)[] ? E : never;`,
];

interface Collected {
  instances: Instance[];
  /** media-type examples whose schema has no generated name */
  noTypeName: number;
  /** vendor examples given as text (OpenAI's x-oaiMeta) that are not JSON */
  notJson: number;
}

/** `nullable: true` (3.0) or `type: [..., "null"]` (3.1). */
function isNullable(node: Json | undefined): boolean {
  return isObject(node) && (node.nullable === true || (Array.isArray(node.type) && node.type.includes("null")));
}

function collectInstances(document: JsonObject, lockTypes: Record<string, string>, withSamples: boolean): Collected {
  const instances: Instance[] = [];
  let noTypeName = 0;
  let notJson = 0;
  // The generator declares a nullable schema's type without `null` and adds `| null` where it is used
  // (`body?: Body | null`): an instance of such a schema is checked against `Type | null`.
  const nameOf = (pointer: string, typeName: string) => (isNullable(atPointer(document, pointer)) ? `M.${typeName} | null` : `M.${typeName}`);
  const named = (pointer: string, typeName: string) => ({ schemaPointer: pointer, typeName, typeExpression: nameOf(pointer, typeName) });

  // 1. the examples of every schema the lock names (components and the inline types hoisted from them),
  //    and of the properties and items nested in it that have no name of their own
  const nested = (node: Json | undefined, pointer: string, typeName: string, typeExpression: string) => {
    if (!isObject(node) || typeof node.$ref === "string") return;
    for (const { source, value } of schemaExamples(node, pointer)) instances.push({ source, schemaPointer: pointer, typeName, typeExpression, value });
    const meta = node["x-oaiMeta"];
    if (isObject(meta) && typeof meta.example === "string") {
      const value = parseJson(meta.example);
      if (value === undefined) notJson++;
      else instances.push({ source: `${pointer}/x-oaiMeta/example`, schemaPointer: pointer, typeName, typeExpression, value });
    }
    if (isObject(node.properties))
      for (const [key, child] of Object.entries(node.properties)) {
        const at = `${pointer}/properties/${encodeSegment(key)}`;
        if (!(at in lockTypes)) nested(child, at, `${typeName}.${key}`, `Prop<${typeExpression}, ${JSON.stringify(key)}>`);
      }
    if (isObject(node.items)) {
      const at = `${pointer}/items`;
      if (!(at in lockTypes)) nested(node.items, at, `${typeName}[]`, `Item<${typeExpression}>`);
    }
  };
  for (const [pointer, typeName] of Object.entries(lockTypes)) nested(atPointer(document, pointer), pointer, typeName, nameOf(pointer, typeName));

  // 2. media-type examples of bodies whose schema is a `$ref` to a named schema (or an inline schema the lock names)
  const bodyType = (media: JsonObject, mediaAt: string) => {
    if (!isObject(media.schema)) return undefined;
    const ref = media.schema.$ref;
    const pointer = typeof ref === "string" ? (ref.startsWith("#/") ? ref.slice(1) : undefined) : `${mediaAt}/schema`;
    if (pointer === undefined) return undefined;
    const typeName = lockTypes[pointer];
    return typeName === undefined ? undefined : named(pointer, typeName);
  };
  const mediaTypes = (content: Json | undefined, at: string) => {
    if (!isObject(content)) return;
    for (const [mediaType, media] of Object.entries(content)) {
      if (!isObject(media)) continue;
      const mediaAt = `${at}/content/${encodeSegment(mediaType)}`;
      const values: { source: string; value: Json }[] = [];
      if (Object.hasOwn(media, "example")) values.push({ source: `${mediaAt}/example`, value: media.example as Json });
      if (isObject(media.examples))
        for (const [name, example] of Object.entries(media.examples)) {
          const resolved = follow(document, example);
          if (isObject(resolved) && Object.hasOwn(resolved, "value"))
            values.push({ source: `${mediaAt}/examples/${encodeSegment(name)}/value`, value: resolved.value as Json });
        }
      if (values.length === 0) continue;
      const target = bodyType(media, mediaAt);
      if (target === undefined) {
        noTypeName += values.length;
        continue;
      }
      for (const { source, value } of values) instances.push({ source, ...target, value });
    }
  };
  const paths = isObject(document.paths) ? document.paths : {};
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    for (const method of methods) {
      const operation = item[method];
      if (!isObject(operation)) continue;
      const at = `/paths/${encodeSegment(path)}/${method}`;
      const requestBody = follow(document, operation.requestBody);
      if (isObject(requestBody)) mediaTypes(requestBody.content, `${at}/requestBody`);
      if (isObject(operation.responses))
        for (const [status, response] of Object.entries(operation.responses)) {
          const resolved = follow(document, response);
          if (isObject(resolved)) mediaTypes(resolved.content, `${at}/responses/${status}`);
        }
      // 3. OpenAI's x-oaiMeta response examples (JSON text), for the first 2xx JSON response
      const meta = operation["x-oaiMeta"];
      if (!isObject(meta) || meta.examples === undefined) continue;
      const examples = Array.isArray(meta.examples) ? meta.examples : [meta.examples];
      const success = isObject(operation.responses)
        ? Object.entries(operation.responses).find(([status]) => /^2/.test(status))
        : undefined;
      const successResponse = success ? follow(document, success[1]) : undefined;
      const json = isObject(successResponse) && isObject(successResponse.content) ? successResponse.content["application/json"] : undefined;
      examples.forEach((example, index) => {
        if (!isObject(example) || typeof example.response !== "string") return;
        const source = `${at}/x-oaiMeta/examples${Array.isArray(meta.examples) ? `/${index}` : ""}/response`;
        const value = parseJson(example.response);
        if (value === undefined) return void notJson++;
        const target = isObject(json) && success ? bodyType(json, `${at}/responses/${success[0]}/content/application~1json`) : undefined;
        if (target === undefined) return void noTypeName++;
        instances.push({ source, ...target, value });
      });
    }
  }
  if (withSamples)
    for (const { source, schemaPointer, value } of sampleInstances(document, Object.keys(lockTypes)))
      instances.push({ source, value, ...named(schemaPointer, lockTypes[schemaPointer]!) });
  return { instances: instances.map((instance) => ({ ...instance, value: withSharedExamples(document, instance.value, 0) })), noTypeName, notJson };
}

/**
 * GitHub writes some example values with a shared example inside (`configuration: { $ref:
 * "#/components/examples/…" }`). OpenAPI never resolves a `$ref` inside a value, but that is what the
 * author meant and what their docs show, so the value is checked with the shared example's value there.
 */
function withSharedExamples(document: Json, value: Json, depth: number): Json {
  if (Array.isArray(value)) return value.map((item) => withSharedExamples(document, item, depth));
  if (!isObject(value)) return value;
  const keys = Object.keys(value);
  if (keys.length === 1 && typeof value.$ref === "string" && value.$ref.startsWith("#/components/examples/") && depth < 10) {
    const shared = atPointer(document, value.$ref.slice(1));
    if (isObject(shared) && Object.hasOwn(shared, "value")) return withSharedExamples(document, shared.value as Json, depth + 1);
  }
  return Object.fromEntries(keys.map((key) => [key, withSharedExamples(document, value[key] as Json, depth)]));
}

/**
 * Values near a valid instance, one change each (a key removed, a leaf of another JSON type, a string no
 * enum holds), at most `limit`, in a fixed order. Those the schema rejects are a sample of values the
 * type should reject too.
 */
function mutants(value: Json, limit: number): { change: string; value: Json }[] {
  const found: { change: string; value: Json }[] = [];
  const replaceAt = (root: Json, path: (string | number)[], replacement: Json | undefined): Json => {
    if (path.length === 0) return replacement as Json;
    const [head, ...rest] = path;
    if (Array.isArray(root)) return root.map((item, index) => (index === head ? replaceAt(item, rest, replacement) : item));
    const copy: JsonObject = {};
    for (const [key, item] of Object.entries(root as JsonObject)) {
      if (key !== head) copy[key] = item;
      else if (rest.length > 0 || replacement !== undefined) copy[key] = replaceAt(item, rest, replacement);
    }
    return copy;
  };
  const walk = (node: Json, path: (string | number)[]) => {
    if (found.length >= limit) return;
    const at = `/${path.join("/")}`;
    if (Array.isArray(node)) node.slice(0, 2).forEach((item, index) => walk(item, [...path, index]));
    else if (isObject(node))
      for (const [key, item] of Object.entries(node)) {
        if (found.length >= limit) return;
        found.push({ change: `remove ${at === "/" ? "" : at}/${key}`, value: replaceAt(value, [...path, key], undefined) });
        walk(item, [...path, key]);
      }
    else if (typeof node === "string") {
      found.push({ change: `${at}: a number`, value: replaceAt(value, path, 12345) });
      found.push({ change: `${at}: another string`, value: replaceAt(value, path, "not-a-listed-value") });
    } else found.push({ change: `${at}: a string`, value: replaceAt(value, path, node === null ? 12345 : "not-a-listed-value") });
  };
  walk(value, []);
  return found.slice(0, limit);
}

function parseJson(text: string): Json | undefined {
  try {
    return JSON.parse(text) as Json;
  } catch {
    return undefined;
  }
}

/**
 * A schema as JSON Schema 2020-12 (which 3.1 schemas are): OpenAPI 3.0's `nullable: true` as "null, or what the
 * rest allows", and its boolean exclusiveMinimum/Maximum as numbers. A property named like a data keyword
 * (`example`, `enum`, …) is not looked into.
 */
function asJsonSchema2020(node: Json): Json {
  if (Array.isArray(node)) return node.map(asJsonSchema2020);
  if (!isObject(node)) return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    // data: never rewritten
    out[key] = ["example", "examples", "default", "enum", "const"].includes(key) || key.startsWith("x-") ? value : asJsonSchema2020(value);
  }
  // 3.0's boolean exclusiveMinimum/exclusiveMaximum (OpenAI's 3.1 document has some) as 2020-12's numbers
  for (const [exclusive, bound] of [["exclusiveMinimum", "minimum"], ["exclusiveMaximum", "maximum"]] as const)
    if (typeof out[exclusive] === "boolean") {
      if (out[exclusive] === true && typeof out[bound] === "number") {
        out[exclusive] = out[bound];
        delete out[bound];
      } else delete out[exclusive];
    }
  // rewritten in place, so every pointer into the schema still reaches the same subschema (but those
  // under the allOf/oneOf/anyOf of a nullable schema without `type`)
  if (out.nullable === true) {
    delete out.nullable;
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
    if (out.type !== undefined) out.type = [...new Set([...(Array.isArray(out.type) ? out.type : [out.type]), "null"])];
    else {
      // without `type` only these can reject null: keep them on the not-null side of a choice
      const choice: JsonObject = {};
      for (const key of ["allOf", "oneOf", "anyOf"])
        if (out[key] !== undefined) {
          choice[key] = out[key]!;
          delete out[key];
        }
      if (Object.keys(choice).length > 0) out.anyOf = [{ type: "null" }, choice];
    }
    return out;
  }
  if (out.nullable === false) delete out.nullable;
  return out;
}

interface Validator {
  /** undefined when the schema accepts the value, else why not */
  check(schemaPointer: string, value: Json): { verdict: "valid" } | { verdict: "invalid" | "uncompilable"; why: string };
}

function makeValidator(document: JsonObject): Validator {
  const options = { strict: false, validateFormats: false, allErrors: false, logger: false as const };
  // 3.1 schemas are JSON Schema 2020-12; 3.0 schemas are draft-04-ish with `nullable`, rewritten to 2020-12 by asJsonSchema2020
  const AjvClass = require("ajv/dist/2020").default;
  const ajv = new AjvClass(options);
  // `nullable: true` means "or null" in 3.0; JSON Schema 2020-12 has no such keyword (ajv refuses it without
  // `type`), but 3.1 specs still use it (OpenAI) and the generator honours it, so it is read as in 3.0 for both
  const root: JsonObject = { components: asJsonSchema2020(document.components ?? {}), paths: asJsonSchema2020(document.paths ?? {}) };
  const rootId = "https://spec.invalid/openapi.json";
  ajv.addSchema({ $id: rootId, ...root }, rootId);
  type Compiled = ((value: Json) => boolean) & { errors?: { instancePath: string; message?: string }[] | null };
  const compiled = new Map<string, Compiled | string>();
  return {
    check(schemaPointer, value) {
      if (!compiled.has(schemaPointer)) {
        // the lock's pointer, already ~-escaped, as a URI fragment
        const pointer = schemaPointer.split("/").map(encodeURIComponent).join("/");
        try {
          compiled.set(schemaPointer, ajv.compile({ $ref: `${rootId}#${pointer}` }));
        } catch (error) {
          compiled.set(schemaPointer, String((error as Error).message).split("\n")[0]!);
        }
      }
      const validate = compiled.get(schemaPointer)!;
      if (typeof validate === "string") return { verdict: "uncompilable", why: validate };
      if (validate(value)) return { verdict: "valid" };
      const first = validate.errors?.[0];
      return { verdict: "invalid", why: first ? `${first.instancePath || "/"}: ${first.message ?? ""}` : "" };
    },
  };
}

function run(command: string, args: string[], cwd: string): { status: number; output: string } {
  try {
    const output = execFileSync(command, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 1 << 28 });
    return { status: 0, output };
  } catch (error) {
    const failed = error as { status?: number; stdout?: string; stderr?: string };
    return { status: failed.status ?? 1, output: `${failed.stdout ?? ""}${failed.stderr ?? ""}` };
  }
}

const mutantsPerInstance = 12;
/**
 * Type-check each instance against its type in one file beside the generated models.ts, one declaration
 * per line so tsc's line number names the instance: as a fresh literal, or as a value (through `asValue`,
 * which keeps its literal types, makes it mutable and is no fresh literal, so no excess-property check).
 */
function typeCheck(out: string, instances: Instance[], as: "literal" | "value", file: string): Map<Instance, Rejection> {
  const lines = [
    `import type * as M from "./models.js";`,
    ...helperTypes,
    `type Mutable<T> = T extends object ? { -readonly [K in keyof T]: Mutable<T[K]> } : T;`,
    `declare function asValue<const T>(value: T): Mutable<T>;`,
  ];
  const firstLine = lines.length + 1;
  instances.forEach((instance, index) => {
    const literal = JSON.stringify(instance.value);
    lines.push(`export const e_${index}: ${instance.typeExpression} = ${as === "literal" ? literal : `asValue(${literal})`};`);
  });
  writeFileSync(join(out, file), `${lines.join("\n")}\n`);
  writeFileSync(
    join(out, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        exactOptionalPropertyTypes: true,
        skipLibCheck: true,
        noEmit: true,
        target: "es2022",
        module: "nodenext",
        moduleResolution: "nodenext",
        types: [],
      },
      files: [file],
    }),
  );
  const checked = run(process.execPath, [join(repoDir, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.json", "--pretty", "false"], out);
  const rejected = new Map<Instance, Rejection>();
  const errorLines = checked.output.split("\n").filter((line) => / error TS\d+:/.test(line));
  for (const line of errorLines) {
    const match = /^[^(]+\((\d+),\d+\): error (TS\d+): (.*)$/.exec(line);
    const instance = match && line.startsWith(`${file}(`) ? instances[Number(match[1]) - firstLine] : undefined;
    if (!instance) {
      process.stderr.write(`  note: an error outside the instances: ${line.slice(0, 300)}\n`);
      continue;
    }
    if (!rejected.has(instance))
      rejected.set(instance, { source: instance.source, schemaPointer: instance.schemaPointer, typeName: instance.typeName, code: match![2]!, message: match![3]! });
  }
  return rejected;
}

function measureSpec(specFile: string, generatorDir: string, keep: boolean, withSamples: boolean): SpecResult {
  const work = mkdtempSync(join(tmpdir(), "types-accept-"));
  const out = join(work, "client");
  const commit = run("git", ["rev-parse", "--short", "HEAD"], generatorDir).output.trim();
  const started = Date.now();
  const generated = run(process.execPath, [join(generatorDir, "generator/start.mjs"), "--spec", specFile, "--out", out, "--no-cache", "--quiet"], generatorDir);
  if (generated.status !== 0) throw new Error(`generating ${specFile} failed (exit ${generated.status}):\n${generated.output.slice(0, 2000)}`);
  process.stderr.write(`  generated in ${((Date.now() - started) / 1000).toFixed(1)} s (${commit}) at ${out}\n`);

  const text = readFileSync(specFile, "utf8");
  const document = (specFile.endsWith(".json") ? JSON.parse(text) : yaml.load(text, { schema: yaml.JSON_SCHEMA })) as JsonObject; // as the generator reads YAML (no timestamps)
  const lock = JSON.parse(readFileSync(join(out, "names.lock.json"), "utf8")) as { types: Record<string, string> };
  const { instances, noTypeName, notJson } = collectInstances(document, lock.types, withSamples);

  const validator = makeValidator(document);
  const kept: Instance[] = [];
  const notKept: NotKept[] = [];
  const invalid: Instance[] = [];
  for (const instance of instances) {
    const checked = validator.check(instance.schemaPointer, instance.value);
    if (checked.verdict === "valid") kept.push(instance);
    else notKept.push({ source: instance.source, verdict: checked.verdict, why: checked.why });
    if (checked.verdict === "invalid") invalid.push(instance);
  }

  writeFileSync(join(out, "package.json"), `{ "type": "module" }\n`);
  const firstPass = typeCheck(out, kept, "literal", "valid.literal.ts");
  // TS2353/TS2561 is the excess-property check of a fresh object literal: the schema allows keys it does not
  // declare, the type lists only those it declares. Check those instances again as values that are no fresh
  // literal (what a parsed response is): a rejection then is one no value could pass.
  // TypeScript reports the same check against a union as TS2322, so every rejection is checked again.
  const excessOnly = new Set<Instance>();
  const rejected = new Map<Instance, Rejection>();
  const again = [...firstPass.keys()];
  const secondPass = again.length > 0 ? typeCheck(out, again, "value", "valid.value.ts") : new Map<Instance, Rejection>();
  for (const instance of again) {
    if (secondPass.has(instance)) rejected.set(instance, secondPass.get(instance)!);
    else excessOnly.add(instance);
  }
  // The other way, as a sample of looseness: which values the schema rejects does the type accept (as a
  // value: an undeclared key alone does not make a schema reject)? Many are unavoidable (a pattern, a
  // minimum, …, no type expresses); what counts is whether the number grows from one generator to another.
  const invalidRejected = invalid.length > 0 ? typeCheck(out, invalid, "value", "invalid.value.ts") : new Map<Instance, Rejection>();
  const invalidAccepted = invalid.filter((instance) => !invalidRejected.has(instance));
  // and the mutants of the valid instances that the schema rejects
  const mutated: Instance[] = [];
  for (const instance of kept)
    for (const { change, value } of mutants(instance.value, mutantsPerInstance))
      if (validator.check(instance.schemaPointer, value).verdict === "invalid") mutated.push({ ...instance, source: `${instance.source} (${change})`, value });
  const mutatedRejected = mutated.length > 0 ? typeCheck(out, mutated, "value", "mutants.value.ts") : new Map<Instance, Rejection>();
  const mutatedAccepted = mutated.filter((instance) => !mutatedRejected.has(instance));
  if (!keep) rmSync(work, { recursive: true, force: true });
  else process.stderr.write(`  kept ${work}\n`);
  return {
    spec: specFile,
    generator: generatorDir,
    commit,
    found: instances.length + noTypeName + notJson,
    noTypeName,
    notJson,
    schemaUncompilable: notKept.filter((entry) => entry.verdict === "uncompilable").length,
    schemaInvalid: notKept.filter((entry) => entry.verdict === "invalid").length,
    notKept,
    schemaValid: kept.length,
    typeCheckedOk: kept.length - rejected.size - excessOnly.size,
    excessOnly: [...excessOnly].map((instance) => ({ ...firstPass.get(instance)! })),
    rejected: [...rejected.values()],
    schemaInvalidTypeAccepts: invalidAccepted.map((instance) => ({
      source: instance.source,
      typeName: instance.typeName,
      why: notKept.find((entry) => entry.source === instance.source)?.why ?? "",
    })),
    mutants: mutated.length,
    mutantsTypeAccepts: mutatedAccepted.map((instance) => ({ source: instance.source, typeName: instance.typeName, why: "" })),
  };
}

function printResult(result: SpecResult, baseline: SpecResult | undefined) {
  console.log(`\n## ${result.spec} (generator ${result.commit})`);
  console.log(
    `instances found ${result.found} (no type name ${result.noTypeName}, text not JSON ${result.notJson}), schema rejects ${result.schemaInvalid}, schema not compilable ${result.schemaUncompilable}, ` +
      `schema-valid ${result.schemaValid}, type-checked OK ${result.typeCheckedOk}, ` +
      `rejected as a literal only for undeclared keys ${result.excessOnly.length}, rejected by the type ${result.rejected.length}; ` +
      `of the instances the schema rejects, the type accepts ${result.schemaInvalidTypeAccepts.length}; ` +
      `of ${result.mutants} mutants the schema rejects, the type accepts ${result.mutantsTypeAccepts.length}`,
  );
  for (const entry of result.notKept) console.log(`  left out (${entry.verdict === "invalid" ? "schema rejects it" : "schema not compilable"}): ${entry.source}: ${entry.why.slice(0, 200)}`);
  const byCode = new Map<string, Rejection[]>();
  for (const rejection of result.rejected) byCode.set(rejection.code, [...(byCode.get(rejection.code) ?? []), rejection]);
  for (const [code, rejections] of [...byCode].sort((a, b) => b[1].length - a[1].length)) {
    console.log(`\nrejected, ${code}: ${rejections.length}`);
    for (const rejection of rejections) console.log(`  ${rejection.typeName}  ${rejection.source}\n      ${rejection.message.slice(0, 300)}`);
  }
  if (result.excessOnly.length > 0) {
    console.log(`\nrejected as a fresh literal only for keys the schema does not declare (accepted as a value): ${result.excessOnly.length}`);
    for (const rejection of result.excessOnly) console.log(`  ${rejection.typeName}  ${rejection.source}\n      ${rejection.message.slice(0, 300)}`);
  }
  const loose = [...result.schemaInvalidTypeAccepts, ...result.mutantsTypeAccepts];
  if (loose.length > 0) {
    console.log(`\nvalues the schema rejects that the type accepts (spec instances, then mutants): ${loose.length}`);
    for (const entry of loose) console.log(`  ${entry.typeName}  ${entry.source}${entry.why ? ` (schema: ${entry.why})` : ""}`);
  }
  if (baseline) {
    const key = (rejection: { source: string; schemaPointer: string }) => `${rejection.schemaPointer} ${rejection.source}`;
    const before = new Set(baseline.rejected.map(key));
    const now = new Set(result.rejected.map(key));
    const newlyRejected = result.rejected.filter((rejection) => !before.has(key(rejection)));
    const nowAccepted = baseline.rejected.filter((rejection) => !now.has(key(rejection)));
    console.log(`\nagainst the baseline (${baseline.commit}): rejected ${baseline.rejected.length} -> ${result.rejected.length}; newly rejected ${newlyRejected.length}, now accepted ${nowAccepted.length}`);
    for (const rejection of newlyRejected) console.log(`  newly rejected: ${rejection.typeName}  ${rejection.source}: ${rejection.message.slice(0, 200)}`);
    for (const rejection of nowAccepted) console.log(`  now accepted: ${rejection.typeName}  ${rejection.source}`);
    const compare = (label: string, before: SpecResult["mutantsTypeAccepts"], now: SpecResult["mutantsTypeAccepts"]) => {
      const beforeSources = new Set(before.map((entry) => entry.source));
      const nowSources = new Set(now.map((entry) => entry.source));
      const looser = now.filter((entry) => !beforeSources.has(entry.source));
      const stricter = before.filter((entry) => !nowSources.has(entry.source));
      console.log(`${label} the type accepts: ${before.length} -> ${now.length}; newly accepted (looser) ${looser.length}, newly rejected (stricter) ${stricter.length}`);
      for (const entry of looser.slice(0, 40)) console.log(`  looser: ${entry.typeName}  ${entry.source}${entry.why ? ` (schema: ${entry.why})` : ""}`);
      for (const entry of stricter.slice(0, 40)) console.log(`  stricter: ${entry.typeName}  ${entry.source}${entry.why ? ` (schema: ${entry.why})` : ""}`);
    };
    compare("instances the schema rejects that", baseline.schemaInvalidTypeAccepts, result.schemaInvalidTypeAccepts);
    compare("mutants the schema rejects that", baseline.mutantsTypeAccepts ?? [], result.mutantsTypeAccepts);
  }
}

const { values } = parseArgs({
  options: {
    spec: { type: "string", multiple: true, default: [] },
    generator: { type: "string", default: repoDir },
    json: { type: "string" },
    baseline: { type: "string" },
    keep: { type: "boolean", default: false },
    samples: { type: "boolean", default: false },
  },
});
if (values.spec.length === 0) {
  console.error("usage: npx tsx bench/typesAcceptExamples.ts --spec <file> [--spec …] [--generator <repo dir>] [--json out.json] [--baseline earlier.json] [--keep] [--samples]");
  process.exit(2);
}
const baselines = values.baseline ? (JSON.parse(readFileSync(values.baseline, "utf8")) as SpecResult[]) : [];
const results: SpecResult[] = [];
for (const spec of values.spec) {
  const specFile = resolve(spec);
  process.stderr.write(`${specFile}\n`);
  const result = measureSpec(specFile, resolve(values.generator), values.keep, values.samples);
  results.push(result);
  printResult(result, baselines.find((baseline) => baseline.spec === specFile));
}
if (values.json) {
  mkdirSync(resolve(values.json, ".."), { recursive: true });
  writeFileSync(values.json, `${JSON.stringify(results, null, 2)}\n`);
}
