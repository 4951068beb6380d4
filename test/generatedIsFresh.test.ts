import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { apiJob, projectJobs } from "../generator/config/apiJobs.js";
import { generate } from "../generator/generate.js";
import { compareOutput } from "../generator/output/compareOutput.js";
import { filesWithNameLock } from "../generator/output/filesWithNameLock.js";

const root = path.join(import.meta.dirname, "..");
const apis = readdirSync(path.join(root, "specs")).sort();

describe("committed generated/", () => {
  it("has one client folder per bundled spec and nothing else", () => {
    expect(readdirSync(path.join(root, "generated")).sort()).toEqual(apis);
  });

  it.each(apis)("generated/%s, its names.lock.json included, equals a fresh generation byte for byte", async (api) => {
    // As `npm run generate` makes it: with the config's settings (the class's name and resource map among them).
    const configured = (await projectJobs()).find((job) => path.resolve(job.out) === path.join(root, "generated", api));
    if (configured === undefined) throw new Error(`clientgen.config.json does not list generated/${api}`);
    const job = await apiJob(path.resolve(configured.spec), path.resolve(configured.out), { ...configured.options, nameLock: undefined });
    const fresh = await generate(job.spec, job.options);
    const { files, lockApart } = filesWithNameLock(job.out, fresh);
    expect(lockApart).toBeUndefined();
    expect(files.map((file) => file.path)).toContain("names.lock.json");
    expect(await compareOutput(job.out, files)).toEqual([]);
    expect(fresh.nameNotes).toEqual([]);
  });
});
