// V8's compiled code for the large CommonJS files the generator loads (TypeScript's 9 MB
// compiler, which ts-morph brings), kept between runs: compiling it costs about 0.1 s at every
// start. Node 22 does this itself (module.enableCompileCache); Node 20 needs the small loader
// hook below. V8 checks cached code against the source and rejects a stale one, which is then
// replaced: the cache can make a start faster, never different.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import Module from "node:module";
import path from "node:path";
import vm from "node:vm";

/** Smaller files compile in a few milliseconds: not worth a cache file. */
const minimumSize = 1_000_000;

export function enableCodeCache(dir) {
  if (typeof Module.enableCompileCache === "function") {
    Module.enableCompileCache(dir);
    return;
  }
  const compile = Module.prototype._compile;
  Module.prototype._compile = function (content, filename) {
    if (content.length < minimumSize || !filename.includes(`${path.sep}node_modules${path.sep}`)) return compile.call(this, content, filename);
    const file = path.join(dir, `${createHash("sha256").update(filename).digest("hex").slice(0, 24)}.v8`);
    const cachedData = readIfPresent(file);
    let wrapper = cachedData === undefined ? undefined : compileWrapper(content, filename, cachedData);
    // Missing or rejected (another V8, a damaged file): compiled afresh, and its code kept for next time.
    if (wrapper === undefined || wrapper.cachedDataRejected === true) {
      wrapper = compileWrapper(content, filename, undefined, true);
      if (wrapper.cachedData !== undefined) save(file, wrapper.cachedData);
    }
    return wrapper.call(this.exports, this.exports, requireFor(this, filename), this, filename, path.dirname(filename));
  };
}

/**
 * The module wrapper function, compiled as Node's own loader compiles it (vm.compileFunction):
 * compiled as a vm.Script instead, TypeScript's compiler raised a Stripe run's peak by 120 MiB.
 */
function compileWrapper(content, filename, cachedData, produceCachedData = false) {
  return vm.compileFunction(content, ["exports", "require", "module", "__filename", "__dirname"], {
    filename,
    cachedData,
    produceCachedData,
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
}

function save(file, data) {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    // By rename: a run starting meanwhile reads the old file or the new one, never half of one.
    const staging = `${file}.tmp-${process.pid}`;
    writeFileSync(staging, data);
    renameSync(staging, file);
  } catch {
    // A cache that cannot be written costs the next start time, never this run its result.
  }
}

/** The `require` a module gets: loads through the module (so it records its children), resolves from its file. */
function requireFor(module, filename) {
  const base = Module.createRequire(filename);
  const require = (id) => module.require(id);
  return Object.assign(require, { resolve: base.resolve, cache: base.cache, main: base.main, extensions: base.extensions });
}

function readIfPresent(file) {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}
