import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { compareOrdinal } from "../shared/compareOrdinal.js";
import type { PagingSetting } from "../shared/pagingSchemes.js";
import { apiNameOf } from "./apiName.js";
import type { ApiSettings } from "./apiSettings.js";
import { configFileName, readConfig } from "./readConfig.js";

/** One API to generate: its spec, its output folder and settings (the name lock's place among them). */
export interface ApiJob {
  spec: string;
  out: string;
  options: ApiSettings;
}

/** What a user may set for one API; everything else follows from the spec and output paths. */
interface JobSettings {
  apiKeyEnvVar?: string | undefined;
  nameLock?: string | undefined;
  strict?: boolean | undefined;
  idempotencyHeader?: string | undefined;
  pagination?: Readonly<Record<string, PagingSetting>> | undefined;
  clientName?: string | undefined;
  resources?: string | undefined;
  resourceRoutes?: ApiSettings["resourceRoutes"];
}

/** The project's APIs: as `clientgen.config.json` lists them, or else every folder or spec file in specs/. */
export async function projectJobs(): Promise<ApiJob[]> {
  const configured = await readConfig(configFileName);
  if (configured !== undefined) {
    return Promise.all(
      configured.map((api) =>
        apiJob(api.spec, api.out, {
          apiKeyEnvVar: api.apiKeyEnvVar,
          nameLock: api.nameLock,
          strict: api.strict,
          idempotencyHeader: api.idempotencyHeader,
          pagination: api.pagination,
          clientName: api.clientName,
          resources: api.resourcesFile,
          resourceRoutes: api.resourceRoutes,
        }),
      ),
    );
  }
  const entries = await readdir("specs", { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isDirectory() || /\.(ya?ml|json)$/i.test(entry.name))
    .map((entry) => entry.name)
    .sort(compareOrdinal);
  return Promise.all(names.map((name) => apiJob(path.join("specs", name), undefined)));
}

/**
 * The output defaults to generated/<name>. The name lock follows the client it names: it lives in
 * the output folder (so a spec moved or downloaded anew keeps every name, and nothing is written
 * beside a spec), unless the config chose a place. Where earlier versions kept it, beside the
 * spec, is read when the output holds none yet.
 */
export async function apiJob(spec: string, out: string | undefined, settings: JobSettings = {}): Promise<ApiJob> {
  const outDir = out ?? path.join("generated", apiNameOf(spec));
  const nameLock =
    settings.nameLock !== undefined
      ? { file: settings.nameLock }
      : { file: path.join(outDir, nameLockFileName), formerFile: await formerNameLockFile(spec) };
  const { apiKeyEnvVar, strict, idempotencyHeader, pagination, clientName, resources, resourceRoutes } = settings;
  const options = {
    apiKeyEnvVar,
    nameLock,
    strict,
    ...(idempotencyHeader === undefined ? {} : { idempotencyHeader }),
    ...(pagination === undefined ? {} : { pagination }),
    ...(clientName === undefined ? {} : { clientName }),
    ...(resources === undefined ? {} : { resources }),
    ...(resourceRoutes === undefined ? {} : { resourceRoutes }),
  };
  return { spec, out: outDir, options };
}

export const nameLockFileName = "names.lock.json";

/** `<folder>/names.lock.json` for a folder of documents, `<name>.names.lock.json` beside a single file. */
async function formerNameLockFile(spec: string): Promise<string> {
  const isFolder = (await stat(spec).catch(() => undefined))?.isDirectory() === true;
  if (isFolder) return path.join(spec, nameLockFileName);
  return path.join(path.dirname(spec), `${apiNameOf(spec)}.${nameLockFileName}`);
}
