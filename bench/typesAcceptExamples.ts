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
 *
 * The parts are in typesAccept/: collectInstances (and sampleInstances, for --samples), schemaValidator
 * (ajv), typeCheck (tsc), mutants, report; json holds the JSON and pointer helpers they share.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { createRequire } from "node:module";
import { collectInstances, type Instance } from "./typesAccept/collectInstances.js";
import type { JsonObject } from "./typesAccept/json.js";
import { mutants } from "./typesAccept/mutants.js";
import { printResult, type NotKept, type SpecResult } from "./typesAccept/report.js";
import { makeValidator } from "./typesAccept/schemaValidator.js";
import { run, typeCheck, type Rejection } from "./typesAccept/typeCheck.js";

const require = createRequire(import.meta.url);
// js-yaml comes with swagger-parser (not a dependency of its own, no types): read YAML as it does
const yaml = require("js-yaml") as { load(text: string, options: { schema: unknown }): unknown; JSON_SCHEMA: unknown };
const repoDir = resolve(import.meta.dirname, "..");

const mutantsPerInstance = 12;

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
