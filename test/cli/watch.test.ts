import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, expect, it } from "vitest";
import { petSpec, repoRoot, startEntry, testCacheDir } from "./helpers.js";

let dir: string | undefined;
afterEach(async () => {
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
});

/** Polls until `check` holds; bounded, so a broken watcher fails the test instead of hanging it. */
async function eventually(check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; ) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error("timed out waiting");
}

it("--watch regenerates when the spec changes; --timings times start-up once, not again at each rerun", async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "watch-"));
  const spec = path.join(dir, "pets.yaml");
  const out = path.join(dir, "out");
  await writeFile(spec, petSpec());
  const child = spawn(process.execPath, [startEntry, "--spec", spec, "--out", out, "--watch", "--quiet", "--timings"], {
    cwd: repoRoot,
    env: { CLIENTGEN_CACHE_DIR: testCacheDir, ...process.env },
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const timingLines = () => stderr.split("\n").filter((line) => line.startsWith("timings: "));
  const models = () => readFile(path.join(out, "models.ts"), "utf8").catch(() => "");
  try {
    await eventually(async () => (await models()).includes("export interface Pet"));
    expect(await models()).not.toContain("nickname");
    await writeFile(spec, petSpec().replace("properties:\n", "properties:\n        nickname: { type: string }\n"));
    await eventually(async () => (await models()).includes("nickname?: string"));
    await eventually(async () => timingLines().length === 2);
    expect(timingLines()[0]).toMatch(/^timings: start-up /);
    expect(timingLines()[1]).toMatch(/^timings: cache read /);
  } finally {
    child.kill();
  }
});
