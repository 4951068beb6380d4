import { readFile } from "node:fs/promises";
import path from "node:path";
import { pagingSchemes, type PagingSetting } from "../shared/pagingSchemes.js";
import type { ResourceRoute } from "../shared/resourceRoutes.js";
import { SpecError } from "../shared/specError.js";

/** One API the project generates, as the config file lists it. */
export interface ApiConfig {
  name: string;
  spec: string;
  out: string;
  apiKeyEnvVar?: string;
  /** The API's name lock (naming overrides live there); default `names.lock.json` in the output folder. */
  nameLock?: string;
  /** Refuse a spec that breaks the OpenAPI schema (default false: warn and generate). */
  strict?: boolean;
  /** The header the API's writes send an idempotency key in, where the spec declares none. */
  idempotencyHeader?: string;
  /** Per operation (`"GET /v1/customers"`): force a paging scheme, or `"off"`. */
  pagination?: Record<string, PagingSetting>;
  /** The resource-style client's class name; default from the API's title. */
  clientName?: string;
  /** A Stainless-built SDK's `api.md` to take resource and method names from. */
  resourcesFile?: string;
  /** A hand-written resource map: `{ "chat.completions": { "create": "POST /chat/completions" } }`. */
  resourceRoutes?: ResourceRoute[];
}

export const configFileName = "clientgen.config.json";

  const allowedKeys = new Set(["spec", "out", "apiKeyEnvVar", "nameLock", "strict", "idempotencyHeader", "pagination", "clientName", "resources"]);
  const pagingSettings: readonly string[] = [...pagingSchemes, "off"];

/**
 * Reads `clientgen.config.json` (`{ "apis": { "<name>": { "spec": …, "out": … } } }`), or returns
 * undefined when there is none. Paths are relative to the config file. Errors name the JSON pointer.
 */
export async function readConfig(file: string): Promise<ApiConfig[] | undefined> {
  const text = await readFile(file, "utf8").catch(() => undefined);
  if (text === undefined) return undefined;
  const fail = (pointer: string, message: string) => new SpecError({ file, pointer }, message);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new SpecError({ file }, `invalid JSON: ${(error as Error).message}`);
  }
  const apis = isRecord(data) ? data["apis"] : undefined;
  if (!isRecord(apis) || Object.keys(apis).length === 0) throw fail("/apis", "needs an object listing at least one API");
  const base = path.dirname(file);
  return Object.entries(apis).map(([name, entry]) => apiConfig(name, entry, base, fail));
}

type Fail = (pointer: string, message: string) => SpecError;

function apiConfig(name: string, entry: unknown, base: string, fail: Fail): ApiConfig {
  const pointer = `/apis/${name.replaceAll("~", "~0").replaceAll("/", "~1")}`;
  if (!/^[A-Za-z0-9][\w.-]*$/.test(name)) throw fail(pointer, `API name "${name}" must be letters, digits, ".", "_" or "-"`);
  if (!isRecord(entry)) throw fail(pointer, "must be an object");
  const unknown = Object.keys(entry).find((key) => !allowedKeys.has(key));
  if (unknown !== undefined) throw fail(`${pointer}/${unknown}`, `unknown setting (allowed: ${[...allowedKeys].join(", ")})`);
  const text = (key: string, required: boolean): string | undefined => {
    const value = entry[key];
    if (value === undefined && !required) return undefined;
    if (typeof value !== "string" || value.trim() === "") throw fail(`${pointer}/${key}`, "must be a non-empty string");
    return value;
  };
  const apiKeyEnvVar = text("apiKeyEnvVar", false);
  if (apiKeyEnvVar !== undefined && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(apiKeyEnvVar)) {
    throw fail(`${pointer}/apiKeyEnvVar`, "must be an environment variable name");
  }
  const nameLock = text("nameLock", false);
  const idempotencyHeader = text("idempotencyHeader", false);
  if (idempotencyHeader !== undefined && !/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(idempotencyHeader)) {
    throw fail(`${pointer}/idempotencyHeader`, "must be a header name");
  }
  const strict = entry["strict"];
  if (strict !== undefined && typeof strict !== "boolean") throw fail(`${pointer}/strict`, "must be true or false");
  const pagination = paginationSettings(entry["pagination"], `${pointer}/pagination`, fail);
  const clientName = text("clientName", false);
  if (clientName !== undefined && !/^[A-Za-z_$][\w$]*$/.test(clientName)) throw fail(`${pointer}/clientName`, "must be a class name");
  const resources = entry["resources"];
  const resourcesFile = typeof resources === "string" ? path.join(base, text("resources", true)!) : undefined;
  const resourceRoutes = typeof resources === "string" ? undefined : resourceMap(resources, `${pointer}/resources`, fail);
  return {
    name,
    spec: path.join(base, text("spec", true)!),
    out: path.join(base, text("out", true)!),
    ...(apiKeyEnvVar === undefined ? {} : { apiKeyEnvVar }),
    ...(nameLock === undefined ? {} : { nameLock: path.join(base, nameLock) }),
    ...(strict === undefined ? {} : { strict }),
    ...(idempotencyHeader === undefined ? {} : { idempotencyHeader }),
    ...(pagination === undefined ? {} : { pagination }),
    ...(clientName === undefined ? {} : { clientName }),
    ...(resourcesFile === undefined ? {} : { resourcesFile }),
    ...(resourceRoutes === undefined ? {} : { resourceRoutes }),
  };
}

const identifier = /^[A-Za-z_$][\w$]*$/;

/** `{ "<resource path>": { "<method>": "METHOD /path" } }`; `""` is the client itself (`client.whoami()`). */
function resourceMap(value: unknown, pointer: string, fail: Fail): ResourceRoute[] | undefined {
  if (value === undefined) return undefined;
  if (!isRecord(value)) throw fail(pointer, 'must be the path of an SDK\'s api.md, or an object of "resource.path": { "method": "METHOD /path" }');
  return Object.entries(value).flatMap(([resource, methods]) => {
    const at = `${pointer}/${resource.replaceAll("~", "~0").replaceAll("/", "~1")}`;
    const names = resource === "" ? [] : resource.split(".");
    if (!names.every((name) => identifier.test(name))) throw fail(at, "must be names joined by dots, e.g. chat.completions");
    if (!isRecord(methods)) throw fail(at, 'must be an object of "method": "METHOD /path"');
    return Object.entries(methods).map(([method, route]): ResourceRoute => {
      const where = `${at}/${method}`;
      if (!identifier.test(method)) throw fail(where, "must be a method name");
      const match = typeof route === "string" ? /^([A-Za-z]+) (\/\S*)$/.exec(route) : null;
      if (match === null) throw fail(where, 'must be "METHOD /path", e.g. "POST /chat/completions"');
      return { resource: names, method, httpMethod: match[1]!.toUpperCase(), path: match[2]!, origin: "config", where };
    });
  });
}

/** `{ "GET /v1/customers": "cursor", "GET /v1/events": "off" }`: keys are an operation's method and path. */
function paginationSettings(value: unknown, pointer: string, fail: Fail): Record<string, PagingSetting> | undefined {
  if (value === undefined) return undefined;
  if (!isRecord(value)) throw fail(pointer, "must be an object of \"METHOD /path\": scheme");
  for (const [key, setting] of Object.entries(value)) {
    const at = `${pointer}/${key.replaceAll("~", "~0").replaceAll("/", "~1")}`;
    if (!/^[A-Z]+ \/\S*$/.test(key)) throw fail(at, "must name an operation as \"METHOD /path\", e.g. \"GET /v1/customers\"");
    if (typeof setting !== "string" || !pagingSettings.includes(setting)) throw fail(at, `must be one of ${pagingSettings.join(", ")}`);
  }
  return value as Record<string, PagingSetting>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
