import type { PagingSetting } from "../shared/pagingSchemes.js";
import type { ResourceRoute } from "../shared/resourceRoutes.js";

/** Per-API settings (from the config file or the CLI) that decide the client; every one has a default. */
export interface ApiSettings {
  /** Environment variable the client reads its API key from; default `<NAME>_API_KEY`. */
  apiKeyEnvVar?: string | undefined;
  /** Where the name lock is read from (the CLI: in the output folder); without one, names follow the spec alone. */
  nameLock?: NameLockPlace | undefined;
  /** Refuse a spec that breaks the OpenAPI schema (default: warn and generate). */
  strict?: boolean | undefined;
  /** The header a write (POST, PATCH) sends an idempotency key in, where the spec declares none (`Idempotency-Key`). */
  idempotencyHeader?: string | undefined;
  /** Per operation (`"GET /v1/customers"`): force a paging scheme, or `"off"`; others are detected. */
  pagination?: Readonly<Record<string, PagingSetting>> | undefined;
  /** The client class's name; default from the API's title. */
  clientName?: string | undefined;
  /** A Stainless-built SDK's `api.md` the resource client takes its names from. */
  resources?: string | undefined;
  /** A hand-written resource map (the config's), ahead of the api.md's and the defaults. */
  resourceRoutes?: readonly ResourceRoute[] | undefined;
}

/** Where an API's name lock is read from. */
export interface NameLockPlace {
  /** Where the lock lives (and where the caller writes the next one). */
  file: string;
  /**
   * Where earlier versions kept it (beside the spec), read only when `file` does not exist yet,
   * so upgrading loses no name. Never written.
   */
  formerFile?: string | undefined;
}
