import { execFile } from "node:child_process";
import { access, cp, readdir, readFile, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, it } from "vitest";
import { makeTempDir, petSpec, removeDir, repoRoot, snapshotDir, startEntry, writeText } from "./helpers.js";

const run = promisify(execFile);
const temps: string[] = [];

afterEach(async () => {
  for (const dir of temps.splice(0)) await removeDir(dir);
});

/** `npm run generate`'s command: plain node on generator/start.mjs, which runs the bundled generator. */
async function start(args: readonly string[], cacheDir: string) {
  return run(process.execPath, [startEntry, ...args], { cwd: repoRoot, env: { ...process.env, CLIENTGEN_CACHE_DIR: cacheDir } });
}

/** The generator's TypeScript sources run as they are, through tsx: what the bundle must match. */
async function fromSources(args: readonly string[]) {
  return run(path.join(repoRoot, "node_modules/.bin/tsx"), ["generator/cli.ts", ...args], { cwd: repoRoot });
}

const exists = (file: string) => access(file).then(() => true, () => false);

describe("npm run generate (generator/start.mjs)", () => {
  it("writes what the TypeScript sources write, byte for byte, cold and from its cache", async ({ expect }) => {
    const dir = await makeTempDir("start");
    temps.push(dir);
    const spec = await writeText(dir, "pets.yaml", petSpec());
    const cache = path.join(dir, "cache");
    await fromSources(["--spec", spec, "--out", path.join(dir, "fromSources"), "--no-cache"]);
    const expected = await snapshotDir(path.join(dir, "fromSources"));
    await start(["--spec", spec, "--out", path.join(dir, "cold"), "--quiet"], cache);
    expect(await exists(path.join(cache, "run-cache.json"))).toBe(true);
    await start(["--spec", spec, "--out", path.join(dir, "warm"), "--quiet"], cache);
    expect(await snapshotDir(path.join(dir, "cold"))).toEqual(expected);
    expect(await snapshotDir(path.join(dir, "warm"))).toEqual(expected);
  });

  it("keeps V8's compiled code of TypeScript's compiler in the cache; a corrupt one is replaced and changes nothing", async ({ expect }) => {
    const dir = await makeTempDir("start-code-cache");
    temps.push(dir);
    const spec = await writeText(dir, "pets.yaml", petSpec());
    const cache = path.join(dir, "cache");
    await start(["--spec", spec, "--out", path.join(dir, "first"), "--quiet"], cache);
    const codeFiles = (await readdir(path.join(cache, "code"))).map((name) => path.join(cache, "code", name));
    expect(codeFiles.length).toBeGreaterThan(0);
    for (const file of codeFiles) await writeFile(file, "not V8's code");
    await start(["--spec", spec, "--out", path.join(dir, "second"), "--quiet"], cache);
    expect(await snapshotDir(path.join(dir, "second"))).toEqual(await snapshotDir(path.join(dir, "first")));
    for (const file of codeFiles) expect((await readFile(file)).length).toBeGreaterThan(100_000);
  });

  it("--no-cache neither reads nor writes the cache", async ({ expect }) => {
    const dir = await makeTempDir("start-no-cache");
    temps.push(dir);
    const spec = await writeText(dir, "pets.yaml", petSpec());
    const cache = path.join(dir, "cache");
    await start(["--spec", spec, "--out", path.join(dir, "out"), "--no-cache", "--quiet"], cache);
    expect(await exists(path.join(dir, "out/models.ts"))).toBe(true);
    expect(await exists(cache)).toBe(false);
  });

  it("--timings prints where the time went: start-up, each stage of each API, the cache", async ({ expect }) => {
    const dir = await makeTempDir("start-timings");
    temps.push(dir);
    const spec = await writeText(dir, "pets.yaml", petSpec());
    const { stderr } = await start(["--spec", spec, "--out", path.join(dir, "out"), "--quiet", "--timings"], path.join(dir, "cache"));
    const line = stderr.split("\n").find((text) => text.startsWith("timings: "));
    expect(line).toMatch(/^timings: start-up \d+\.\d\d s, cache read .*, pets load .*, pets model .*, pets surface .*, pets emit .*, pets format .*, compare and write .*, cache write \d+\.\d\d s$/);
  });
});

/** A copy of the generator beside the repo's node_modules, so its sources can change without touching the repo's bundle. */
async function generatorCopy(): Promise<string> {
  const dir = await makeTempDir("start-copy");
  temps.push(dir);
  for (const folder of ["generator", "templates"]) await cp(path.join(repoRoot, folder), path.join(dir, folder), { recursive: true });
  await cp(path.join(repoRoot, "package.json"), path.join(dir, "package.json"));
  await symlink(path.join(repoRoot, "node_modules"), path.join(dir, "node_modules"), "dir");
  return dir;
}

/** Changes what the bundle prints in every generated file's notice, so the next start rebuilds it. */
async function editNotice(copy: string, text: string): Promise<void> {
  const file = path.join(copy, "generator/emit/notice.ts");
  const source = await readFile(file, "utf8");
  await writeFile(file, source.replace(/Do not edit[^:"`]*:/, `Do not edit (${text}):`));
}

const buildFiles = async (copy: string) => new Set(await readdir(path.join(copy, ".build")));

describe("the bundle in .build/, when the sources change", () => {
  it("a new build keeps the files of the one before (runs still going on it load its chunks lazily)", async ({ expect }) => {
    const copy = await generatorCopy();
    const build = () => run(process.execPath, ["generator/start.mjs", "--build-only"], { cwd: copy });
    await build();
    const first = await buildFiles(copy);
    await editNotice(copy, "second build");
    await build();
    const second = await buildFiles(copy);
    expect([...first].filter((name) => !second.has(name))).toEqual([]);
    // The rebuild changed some chunk, and the new entry imports only chunks that are there.
    expect(second.size).toBeGreaterThan(first.size);
    const imported = [...(await readFile(path.join(copy, ".build/cli.mjs"), "utf8")).matchAll(/"\.\/(chunk-[\w-]+\.mjs)"/g)].map((match) => match[1]!);
    expect(imported.length).toBeGreaterThan(0);
    expect(imported.filter((name) => !second.has(name))).toEqual([]);
  });

  it("runs started together on a stale bundle all succeed and write what the new sources say", async ({ expect }) => {
    const copy = await generatorCopy();
    const spec = await writeText(copy, "pets.yaml", petSpec());
    await run(process.execPath, ["generator/start.mjs", "--build-only"], { cwd: copy });
    await editNotice(copy, "rebuilt");
    const outs = ["a", "b", "c"].map((name) => path.join(copy, `out-${name}`));
    const env = { ...process.env, CLIENTGEN_CACHE_DIR: path.join(copy, "cache") };
    await Promise.all(outs.map((out) => run(process.execPath, ["generator/start.mjs", "--spec", spec, "--out", out, "--quiet"], { cwd: copy, env })));
    const written = await Promise.all(outs.map((out) => snapshotDir(out)));
    expect(written[0]!["models.ts"]).toContain("Do not edit (rebuilt):");
    expect(written[1]).toEqual(written[0]);
    expect(written[2]).toEqual(written[0]);
  });
});
