/**
 * Real vendor specs for the bench (--specs stripe=/path/stripe.json,...): they cannot be
 * committed, so they are read from wherever the machine has them, and a missing one is skipped.
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";

export interface BenchSpec {
  label: string;
  synthetic: boolean;
  operations: number;
  schemas: number;
  path: string;
  bytes: number;
}

type JsonObject = Record<string, unknown>;
const isObject = (value: unknown): value is JsonObject => typeof value === "object" && value !== null && !Array.isArray(value);
const methods = new Set(["get", "put", "post", "delete", "options", "head", "patch", "trace"]);

/** A copy of the spec in `dir` (the warm runs edit copies), or why it was skipped. */
export async function realSpec(spec: { name: string; file: string }, dir: string): Promise<BenchSpec | string> {
  const text = await readFile(spec.file, "utf8").catch(() => undefined);
  if (text === undefined) return `no file ${spec.file}`;
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    return `${spec.file} is not JSON (the warm runs edit the spec as JSON)`;
  }
  if (!isObject(document)) return `${spec.file} is not a JSON object`;
  const copy = path.join(dir, `${spec.name.replace(/[^\w.-]+/g, "_")}.json`);
  await writeFile(copy, text);
  const operations = Object.values(isObject(document["paths"]) ? document["paths"] : {})
    .filter(isObject)
    .reduce((count, item) => count + Object.keys(item).filter((key) => methods.has(key)).length, 0);
  const components = isObject(document["components"]) ? document["components"] : {};
  const schemas = Object.keys(isObject(components["schemas"]) ? components["schemas"] : {}).length;
  return { label: spec.name, synthetic: false, operations, schemas, path: copy, bytes: Buffer.byteLength(text) };
}

/**
 * The one-operation change of a warm run, different for every run so that no run finds its
 * change already cached: the first operation's description edited, and one property added to
 * the first component schema that has properties.
 */
export function oneOperationChange(document: unknown, run: number): void {
  if (!isObject(document) || !isObject(document["paths"])) throw new Error("not an OpenAPI document");
  const operation = Object.values(document["paths"])
    .filter(isObject)
    .flatMap((item) => Object.entries(item).filter(([key]) => methods.has(key)).map(([, value]) => value))
    .find(isObject);
  if (operation === undefined) throw new Error("the spec has no operation");
  operation["description"] = `Edited for warm run ${run}.`;
  const components = isObject(document["components"]) ? document["components"] : {};
  const schemas = isObject(components["schemas"]) ? Object.values(components["schemas"]) : [];
  const schema = schemas.find((candidate) => isObject(candidate) && isObject(candidate["properties"]));
  if (isObject(schema) && isObject(schema["properties"])) schema["properties"][`warm_added_${run}`] = { type: "string" };
}
