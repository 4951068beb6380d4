/**
 * Bundle size of a consumer that uses ONE operation of a generated client: esbuild bundles an
 * entry that imports the operation (and, for our clients, `createClient`) and calls it, minified,
 * as ESM for a neutral platform; the figure is the gzip of that bundle (node:zlib, default level).
 *
 * Run alone (`tsx bench/bundleSize.ts`) it prints the figure for the bundled Together client.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const repoRoot = path.join(import.meta.dirname, "..");

export interface BundleEntry {
  /** What is measured, for the report. */
  label: string;
  /** The folder the entry's relative imports resolve from (the generated client). */
  resolveDir: string;
  /** TypeScript source of the consumer. */
  source: string;
  /** The operation the entry calls. */
  operation: string;
}

export interface BundleSize {
  label: string;
  operation: string;
  minifiedBytes: number;
  gzipBytes: number;
}

/** One entry, bundled and minified as an ES module for any platform, nothing written. */
function buildOptions(entry: BundleEntry) {
  return {
    stdin: { contents: entry.source, resolveDir: entry.resolveDir, sourcefile: "consumer.ts", loader: "ts" as const },
    bundle: true,
    minify: true,
    format: "esm" as const,
    write: false as const,
    platform: "neutral" as const,
    logLevel: "silent" as const,
  };
}

export async function bundleSize(entry: BundleEntry): Promise<BundleSize> {
  const result = await build(buildOptions(entry));
  const output = result.outputFiles[0];
  if (output === undefined) throw new Error(`esbuild produced no output for ${entry.label}`);
  return {
    label: entry.label,
    operation: entry.operation,
    minifiedBytes: output.contents.byteLength,
    gzipBytes: gzipSync(output.contents).byteLength,
  };
}

/**
 * The same bundle with code splitting (esbuild `splitting`, as Rollup, Vite and webpack split a
 * dynamic `import()` by default): what a program loads up front (the entry chunk), and everything.
 * A paged list's walk (pageWalk.ts) is imported dynamically, so a program that only awaits the
 * first page loads the entry chunk alone.
 */
export async function splitBundleSize(entry: BundleEntry): Promise<BundleSize & { allGzipBytes: number }> {
  const outdir = mkdtempSync(path.join(tmpdir(), "bundle-split-"));
  try {
    const result = await build({ ...buildOptions(entry), splitting: true, outdir });
    const [first] = result.outputFiles.filter((file) => path.basename(file.path).startsWith("stdin"));
    if (first === undefined) throw new Error(`esbuild produced no entry chunk for ${entry.label}`);
    return {
      label: entry.label,
      operation: entry.operation,
      minifiedBytes: first.contents.byteLength,
      gzipBytes: gzipSync(first.contents).byteLength,
      allGzipBytes: result.outputFiles.reduce((sum, file) => sum + gzipSync(file.contents).byteLength, 0),
    };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

/** A consumer of one of our clients: create a client, call one operation, use the result. */
export function oursEntry(label: string, clientDir: string, operation: string, params: Record<string, string>): BundleEntry {
  return {
    label,
    resolveDir: clientDir,
    operation,
    source: [
      `import { createClient, ${operation} } from "./index.js";`,
      `const client = createClient({ apiKey: "sk-bench" });`,
      `${operation}(client, ${JSON.stringify(params)}).then((result) => console.log(result));`,
      "",
    ].join("\n"),
  };
}

/** A consumer of a hey-api SDK: its operations use the default client configured in client.gen.ts. */
export function heyApiEntry(label: string, sdkDir: string, operation: string, pathParams: Record<string, string>): BundleEntry {
  return {
    label,
    resolveDir: sdkDir,
    operation,
    source: [
      `import { ${operation} } from "./sdk.gen";`,
      `${operation}({ path: ${JSON.stringify(pathParams)}, throwOnError: true }).then((result) => console.log(result.data));`,
      "",
    ].join("\n"),
  };
}

export function togetherEntry(): BundleEntry {
  return oursEntry("Together client (generated/together/)", path.join(repoRoot, "generated/together"), "getEndpoint", {
    endpointId: "endpoint-d23901de-ef8f-44bf-b3e7-de9c1ca8f2d7",
  });
}

/** The same call through the client class (issue 22): `new Together().endpoints.retrieve(id)`. */
export function togetherClassEntry(): BundleEntry {
  return {
    label: "Together client class (generated/together/)",
    resolveDir: path.join(repoRoot, "generated/together"),
    operation: "endpoints.retrieve",
    source: [
      'import Together from "./index.js";',
      'const client = new Together({ apiKey: "sk-bench" });',
      'client.endpoints.retrieve("endpoint-d23901de-ef8f-44bf-b3e7-de9c1ca8f2d7").then((result) => console.log(result));',
      "",
    ].join("\n"),
  };
}

/** A paged list (Stripe's `GET /v1/customers`, the pinned fixture client), awaited only or iterated. */
export function pagedEntry(iterate: boolean): BundleEntry {
  const use = iterate ? `for await (const customer of getCustomers(client, {})) console.log(customer.id);` : `getCustomers(client, {}).then((page) => console.log(page.data));`;
  return {
    label: `paged list (test/fixtures/clients/paging-stripe/), ${iterate ? "iterated" : "awaited only"}`,
    resolveDir: path.join(repoRoot, "test/fixtures/clients/paging-stripe"),
    operation: "getCustomers",
    source: [`import { createClient, getCustomers } from "./index.js";`, `const client = createClient({ apiKey: "sk-bench" });`, use, ""].join("\n"),
  };
}

const bytes = (count: number) => count.toLocaleString("en-US");
const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === import.meta.filename;
if (isMain) {
  for (const [entry, how] of [[togetherEntry(), "+ createClient"], [togetherClassEntry(), "through the class"]] as const) {
    const size = await bundleSize(entry);
    console.log(`${size.label}, one operation (${size.operation}) ${how}: ${bytes(size.minifiedBytes)} bytes minified, ${bytes(size.gzipBytes)} bytes min+gzip`);
  }
  for (const iterate of [false, true]) {
    const whole = await bundleSize(pagedEntry(iterate));
    const split = await splitBundleSize(pagedEntry(iterate));
    console.log(
      `${whole.label}: one bundle ${bytes(whole.gzipBytes)} bytes min+gzip; split, loaded up front ${bytes(split.gzipBytes)}, all chunks ${bytes(split.allGzipBytes)}`,
    );
  }
}
