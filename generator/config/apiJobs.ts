import { readdir } from "node:fs/promises";
import path from "node:path";
import { compareOrdinal } from "../compareOrdinal.js";
import type { GenerateOptions } from "../generate.js";
import { configFileName, readConfig } from "./readConfig.js";

/** One API to generate: its spec, its output folder (default generated/<name>) and settings. */
export interface ApiJob {
  spec: string;
  out: string | undefined;
  options: GenerateOptions;
}

/** The project's APIs: as `clientgen.config.json` lists them, or else every folder or spec file in specs/. */
export async function projectJobs(): Promise<ApiJob[]> {
  const configured = await readConfig(configFileName);
  if (configured !== undefined) {
    return configured.map((api) => ({
      spec: api.spec,
      out: api.out,
      options: { apiKeyEnvVar: api.apiKeyEnvVar, nameLockFile: api.nameLock, strict: api.strict },
    }));
  }
  const entries = await readdir("specs", { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory() || /\.(ya?ml|json)$/i.test(entry.name))
    .map((entry) => entry.name)
    .sort(compareOrdinal)
    .map((name) => ({ spec: path.join("specs", name), out: undefined, options: {} }));
}
