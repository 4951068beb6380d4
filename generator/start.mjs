// `npm run generate` starts here. Plain JavaScript, so plain `node` runs it without transpiling:
// the generator's TypeScript is bundled once by esbuild (about 50 ms) into .build/ and reused
// until a source file changes, instead of tsx transpiling every module at every start.
// Nobody has to remember a build step: a stale or missing build is rebuilt here.
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { enableCodeCache } from "./codeCache.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const sources = path.join(root, "generator");
// One level below the root, like generator/, so the bundle's `../templates/...` URLs still resolve.
const buildDir = path.join(root, ".build");
const stampFile = "sources.sha256";

/** The generator's sources, by content: a checkout that resets modification times still counts. */
function sourcesHash() {
  const hash = createHash("sha256");
  const files = readdirSync(sources, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ts|mjs)$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
  for (const file of files) hash.update(`${path.relative(root, file)}\0`).update(readFileSync(file)).update("\0");
  return hash.digest("hex");
}

function readStamp(dir) {
  try {
    return readFileSync(path.join(dir, stampFile), "utf8");
  } catch {
    return undefined;
  }
}

/** Bundles into a private folder, then publishes it into .build/. */
async function build(stamp) {
  const { build: esbuild } = await import("esbuild");
  const staging = path.join(root, `.tmp-build-${process.pid}`);
  await esbuild({
    entryPoints: [path.join(sources, "cli.ts")],
    outdir: staging,
    bundle: true,
    // Dependencies stay in node_modules; split chunks keep the CLI's lazy imports lazy.
    packages: "external",
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    entryNames: "[name]",
    chunkNames: "chunk-[hash]",
    outExtension: { ".js": ".mjs" },
    logLevel: "error",
  });
  writeFileSync(path.join(staging, stampFile), stamp);
  try {
    publish(staging);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return buildDir;
}

/** How long chunks of earlier builds stay in .build/ for runs that started on them. */
const oldChunkMs = 24 * 60 * 60 * 1000;

/**
 * Moves a build into .build/ file by file, each by one rename: chunks first, then cli.mjs, then the
 * stamp. So .build/ is never missing or half-written while other runs start or load chunks lazily
 * (a chunk's name is its content's hash: replacing it changes no byte). Chunks of earlier builds
 * stay a day, for runs still going on them (--watch), then go.
 */
function publish(staging) {
  mkdirSync(buildDir, { recursive: true });
  const files = readdirSync(staging);
  const last = ["cli.mjs", stampFile];
  for (const name of [...files.filter((file) => !last.includes(file)), ...last]) renameSync(path.join(staging, name), path.join(buildDir, name));
  for (const name of readdirSync(buildDir).filter((file) => !files.includes(file))) {
    const file = path.join(buildDir, name);
    // Another run may be pruning too: a file gone meanwhile is fine.
    const age = Date.now() - (statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
    if (age > oldChunkMs) rmSync(file, { force: true });
  }
}

/** Without a usable esbuild (an install that skipped optional dependencies), run the sources through tsx. */
async function startFromSources() {
  const { register } = await import("tsx/esm/api");
  register();
  await import(pathToFileURL(path.join(sources, "cli.ts")).href);
}

async function start() {
  const stamp = sourcesHash();
  // `npm ci` runs this as the `prepare` script, so a fresh clone's first run finds the build made.
  // Never fails the install: without a build, `npm run generate` runs the sources through tsx.
  if (process.argv[2] === "--build-only") {
    if (readStamp(buildDir) !== stamp) await build(stamp).catch((error) => console.error(`note: generator not bundled (${error.message})`));
    return;
  }
  if (readStamp(buildDir) !== stamp) {
    try {
      await build(stamp);
    } catch (error) {
      if (process.env["CLIENTGEN_DEBUG_START"]) console.error(error);
      return startFromSources();
    }
  }
  // The run cache's folder (cli/openCache.ts: node_modules/.cache/openapi-ts-clientgen, or $CLIENTGEN_CACHE_DIR).
  if (!process.argv.includes("--no-cache")) {
    const cacheFolder = process.env["CLIENTGEN_CACHE_DIR"] ?? path.join(root, "node_modules/.cache/openapi-ts-clientgen");
    enableCodeCache(path.join(cacheFolder, "code"));
  }
  await import(pathToFileURL(path.join(buildDir, "cli.mjs")).href);
}

await start();
