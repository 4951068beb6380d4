/**
 * The bundle size of a one-operation consumer: of the Together client, and of ours and hey-api's
 * consumer-size output (the same operation in both).
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { JsonObject } from "../test/scale/syntheticSpec.js";
import type { Context } from "./benchContext.js";
import { consumerSize, isObject } from "./benchSpecs.js";
import { bundleSize, heyApiEntry, oursEntry, togetherEntry, type BundleEntry, type BundleSize } from "./bundleSize.js";
import { fmtInt } from "./figures.js";

export interface BundleResult extends BundleSize {
  tool: string;
  error?: string;
}

/** `spec`: the consumer-size synthetic document, when the bench generated one. */
export async function consumerBundles(context: Context, spec: JsonObject | undefined): Promise<BundleResult[]> {
  const results: BundleResult[] = [];
  for (const { tool, entry } of await bundleEntries(context, spec)) {
    try {
      results.push({ tool, ...(await bundleSize(entry)) });
    } catch (error) {
      const message = error instanceof Error ? error.message.split("\n")[0]! : String(error);
      results.push({ tool, label: entry.label, operation: entry.operation, minifiedBytes: 0, gzipBytes: 0, error: message });
    }
  }
  return results;
}

async function bundleEntries(context: Context, spec: JsonObject | undefined): Promise<{ tool: string; entry: BundleEntry }[]> {
  const entries: { tool: string; entry: BundleEntry }[] = [{ tool: "ours", entry: togetherEntry() }];
  const oursDir = context.keptOutputs.get("ours");
  const heyDir = context.keptOutputs.get("hey-api");
  if (spec === undefined || oursDir === undefined) return entries;
  const picked = await pickOperation(spec, oursDir, heyDir);
  const label = `${fmtInt(consumerSize)}-op synthetic`;
  entries.push({ tool: "ours", entry: oursEntry(`${label}, ours`, oursDir, picked.id, { [picked.oursParam]: "id_123" }) });
  if (heyDir !== undefined) {
    entries.push({ tool: "hey-api", entry: heyApiEntry(`${label}, hey-api`, heyDir, picked.id, { [picked.specParam]: "id_123" }) });
  } else {
    context.notes.push(`bundle: no hey-api output for ${fmtInt(consumerSize)} operations, so no hey-api bundle`);
  }
  return entries;
}

/**
 * The operation the one-operation consumers call: the spec's first GET with a plain camelCase
 * operationId and exactly one path parameter that both SDKs export under that name.
 */
async function pickOperation(spec: JsonObject, oursDir: string, heyDir: string | undefined) {
  const oursSource = await readFile(path.join(oursDir, "operations.ts"), "utf8");
  const heySource = heyDir === undefined ? undefined : await readFile(path.join(heyDir, "sdk.gen.ts"), "utf8").catch(() => "");
  const paths = isObject(spec["paths"]) ? spec["paths"] : {};
  for (const [template, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    const operation = item["get"];
    if (!isObject(operation)) continue;
    const id = operation["operationId"];
    const params = [...template.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]!);
    if (typeof id !== "string" || !/^[a-z][A-Za-z0-9]*$/.test(id) || params.length !== 1) continue;
    const start = oursSource.indexOf(`export function ${id}(`);
    if (start < 0) continue;
    if (heySource !== undefined && !heySource.includes(`export const ${id} =`)) continue;
    // Our operations read path parameters as `params.<name>`; take the name from the source.
    const oursParam = /params\.([A-Za-z_$][\w$]*)/.exec(oursSource.slice(start))?.[1];
    if (oursParam === undefined) continue;
    return { id, template, specParam: params[0]!, oursParam };
  }
  throw new Error("no GET operation with one path parameter found in both outputs");
}
