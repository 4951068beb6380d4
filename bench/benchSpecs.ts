/**
 * The specs the tools generate: synthetic ones of the chosen sizes, then the real ones given,
 * all written to the bench's temporary folder.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { syntheticSpec, type Json, type JsonObject } from "../test/scale/syntheticSpec.js";
import type { Context } from "./benchContext.js";
import { fmtInt, fmtKiB } from "./figures.js";
import { realSpec, type BenchSpec } from "./realSpecs.js";

/** Component schemas per operation in the synthetic specs (the brief: 2.5-3 times). */
export const schemasPerOperation = 2.75;
/** The spec size whose outputs go through the consumer type-check and the bundle. */
export const consumerSize = 1000;

/** The specs in run order (synthetic by size, then real), and the synthetic document of the consumer size. */
export async function benchSpecs(context: Context): Promise<{ specs: BenchSpec[]; consumerSpec: JsonObject | undefined }> {
  const dir = path.join(context.work, "specs");
  await mkdir(dir, { recursive: true });
  const specs: BenchSpec[] = [];
  let consumerSpec: JsonObject | undefined;
  for (const operations of context.options.sizes) {
    const { spec, document } = await writeSynthetic(dir, operations);
    specs.push(spec);
    if (operations === consumerSize) consumerSpec = document;
  }
  context.progress.log(`specs written: ${specs.map((spec) => `${fmtInt(spec.operations)} ops/${fmtInt(spec.schemas)} schemas (${fmtKiB(spec.bytes)} KB)`).join(", ")}`);
  for (const real of context.options.realSpecs) {
    const spec = await realSpec(real, dir);
    if (typeof spec === "string") context.notes.push(`${real.name}: skipped, ${spec}`);
    else specs.push(spec);
  }
  return { specs, consumerSpec };
}

async function writeSynthetic(dir: string, operations: number): Promise<{ spec: BenchSpec; document: JsonObject }> {
  const schemas = Math.round(operations * schemasPerOperation);
  const document = syntheticSpec({ operations, schemas });
  spellOutMappings(document);
  const file = path.join(dir, `synthetic-${operations}.json`);
  const text = JSON.stringify(document);
  await writeFile(file, text);
  return { spec: { label: `synthetic ${fmtInt(operations)}`, synthetic: true, operations, schemas, path: file, bytes: Buffer.byteLength(text) }, document };
}

/**
 * Discriminator mappings given as bare schema names (`ImagePart`, valid OpenAPI) become full refs
 * (`#/components/schemas/ImagePart`, the same meaning): openapi-typescript 7 refuses the bare
 * form ("Can't resolve $ref at .../mapping/image_url"). Every tool gets the same rewritten spec.
 */
function spellOutMappings(value: Json): void {
  if (Array.isArray(value)) value.forEach(spellOutMappings);
  if (!isObject(value)) return;
  const mapping = value["mapping"];
  if (isObject(mapping) && value["propertyName"] !== undefined) {
    for (const [key, target] of Object.entries(mapping)) {
      if (typeof target === "string" && !target.includes("/")) mapping[key] = `#/components/schemas/${target}`;
    }
  }
  Object.values(value).forEach(spellOutMappings);
}

export const isObject = (value: Json | undefined): value is JsonObject => typeof value === "object" && value !== null && !Array.isArray(value);
