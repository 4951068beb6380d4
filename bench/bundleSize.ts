/**
 * Bundle size of a consumer that uses ONE operation of a generated client: esbuild bundles an
 * entry that imports the operation (and, for our clients, `createClient`) and calls it, minified,
 * as ESM for a neutral platform; the figure is the gzip of that bundle (node:zlib, default level).
 *
 * Run alone (`tsx bench/bundleSize.ts`) it prints the figure for the bundled Together client.
 */
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

export async function bundleSize(entry: BundleEntry): Promise<BundleSize> {
  const result = await build({
    stdin: { contents: entry.source, resolveDir: entry.resolveDir, sourcefile: "consumer.ts", loader: "ts" },
    bundle: true,
    minify: true,
    format: "esm",
    write: false,
    platform: "neutral",
    logLevel: "silent",
  });
  const output = result.outputFiles[0];
  if (output === undefined) throw new Error(`esbuild produced no output for ${entry.label}`);
  return {
    label: entry.label,
    operation: entry.operation,
    minifiedBytes: output.contents.byteLength,
    gzipBytes: gzipSync(output.contents).byteLength,
  };
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

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === import.meta.filename;
if (isMain) {
  for (const [entry, how] of [[togetherEntry(), "+ createClient"], [togetherClassEntry(), "through the class"]] as const) {
    const size = await bundleSize(entry);
    console.log(
      `${size.label}, one operation (${size.operation}) ${how}: ` +
        `${size.minifiedBytes.toLocaleString("en-US")} bytes minified, ${size.gzipBytes.toLocaleString("en-US")} bytes min+gzip`,
    );
  }
}
