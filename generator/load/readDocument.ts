import { createHash } from "node:crypto";
import { readFile, realpath } from "node:fs/promises";
import path from "node:path";
import type { SeenHashes } from "../shared/reuse.js";
import { bundleFiles, type BundledFiles } from "./bundleFiles.js";
import { hideDataRefs } from "./dataRefs.js";
import type { FileSchema } from "./fileSchema.js";
import { checkLocalRefs } from "./prepareRefs.js";
import { refParser } from "./refParser.js";
import { SpecError, type SpecWarning } from "../shared/specError.js";
import { validateDocument } from "./validateDocument.js";
import { isJsonObject, walkObjects, type JsonObject } from "./walkJson.js";

/**
 * One spec document, bundled: external file `$ref`s are pulled in, local ones stay `$ref`s.
 * `$ref` keys in data (examples, defaults, …) are hidden until `restoreDataRefs`.
 */
export interface SpecDocument {
  /** The file as shown to users (relative to the working directory). */
  file: string;
  document: JsonObject;
  /** Where the document breaks the OpenAPI schema in ways the generator can work with. */
  warnings: SpecWarning[];
  /** Schemas hoisted from other files into `components/schemas`, by component name. */
  fileSchemas: Map<string, FileSchema>;
  /** False when the document has no data `$ref` to restore (so restoring can skip the walk). */
  dataRefsHidden: boolean;
}

export interface ReadOptions {
  /** Folder that file `$ref`s may not leave. */
  root: string;
  /** Refuse a document that breaks the OpenAPI schema instead of warning. */
  strict: boolean;
  /**
   * Hashes of documents that passed validation before; a document found here is not validated
   * again (a copy, a dereference and compiling the OpenAPI schema), one that passes is added.
   */
  validated?: SeenHashes | undefined;
}

export async function readDocument(file: string, options: ReadOptions): Promise<SpecDocument> {
  const displayName = path.relative(process.cwd(), file) || file;
  const text = await readFile(file, "utf8");
  if (text.trim() === "") throw new SpecError({ file: displayName }, "the file is empty");
  const parsed = await parse(file, displayName);
  checkVersion(parsed, displayName);
  const hiddenInRoot = hideDataRefs(parsed);
  const external = hasExternalRefs(parsed);
  // Bundling costs seconds on a large spec and only matters when refs point into other files.
  const { document, fileSchemas } = external
    ? await bundle(file, parsed, { ...options, displayName })
    : { document: parsed, fileSchemas: new Map<string, FileSchema>() };
  checkLocalRefs(document, displayName);
  const warnings = await validateOnce(document, displayName, options);
  // Files pulled in may hide data refs of their own: not counted, so assumed.
  return { file: displayName, document, warnings, fileSchemas, dataRefsHidden: hiddenInRoot > 0 || external };
}

async function parse(file: string, displayName: string): Promise<JsonObject> {
  try {
    const parsed: unknown = await refParser.parse(file);
    if (!isJsonObject(parsed)) throw new SpecError({ file: displayName }, "the document is not an object");
    return parsed;
  } catch (error) {
    throw toSpecError(error, displayName);
  }
}

function hasExternalRefs(document: JsonObject): boolean {
  let external = false;
  walkObjects(document, (object) => {
    const ref = object["$ref"];
    external ||= typeof ref === "string" && !ref.startsWith("#");
  });
  return external;
}

async function bundle(file: string, parsed: JsonObject, options: ReadOptions & { displayName: string }): Promise<BundledFiles> {
  const { displayName } = options;
  const refusals: string[] = [];
  try {
    // Given the parsed document (data refs hidden); `file` only anchors relative refs.
    const $refs = await refParser.resolve(file, parsed as never, { resolve: safeResolvers(options.root, refusals) });
    return bundleFiles({ rootFile: path.resolve(file), root: path.resolve(options.root), files: $refs.values() as Record<string, unknown> });
  } catch (error) {
    // The ref parser wraps resolver errors as "Error reading file ...": report the refusal itself.
    if (refusals[0] !== undefined) throw new SpecError({ file: displayName }, refusals[0]);
    throw toSpecError(error, displayName);
  }
}

/** Remote refs are refused outright; file refs must stay inside the spec's folder. */
function safeResolvers(root: string, refusals: string[]) {
  const refuse = (message: string): never => {
    refusals.push(message);
    throw new Error(message);
  };
  return {
    http: {
      order: 1,
      canRead: /^https?:/i,
      read(file: { url: string }): never {
        return refuse(`remote $ref refused: ${file.url} (only refs inside the spec's folder are followed)`);
      },
    },
    file: {
      order: 2,
      // Not remote URLs: the parser falls back to the next resolver when one fails.
      canRead: (file: { url: string }) => !/^https?:/i.test(file.url),
      async read(file: { url: string }): Promise<Buffer> {
        const target = await realpath(decodeURIComponent(new URL(file.url, "file:///").pathname));
        const base = await realpath(root);
        if (target !== base && !target.startsWith(base + path.sep)) {
          return refuse(`$ref to a file outside the spec's folder refused: ${path.basename(target)}`);
        }
        return readWithDataRefsHidden(target);
      },
    },
  };
}

/** A referenced file is parsed by the ref parser after this: its data `$ref`s are hidden first, like the root's. */
async function readWithDataRefsHidden(file: string): Promise<Buffer> {
  const bytes = await readFile(file);
  if (!bytes.includes("$ref")) return bytes;
  const parsed: unknown = await refParser.parse(file).catch(() => undefined);
  if (!isJsonObject(parsed) || hideDataRefs(parsed) === 0) return bytes;
  return Buffer.from(JSON.stringify(parsed));
}

function checkVersion(document: JsonObject, file: string): void {
  const version = document["openapi"] ?? document["swagger"];
  if (typeof version === "number") {
    // YAML reads `openapi: 3.0` as the number 3: which 3.x was meant is lost, so it is not guessed.
    throw new SpecError({ file, pointer: document["openapi"] === undefined ? "/swagger" : "/openapi" }, `the version must be a string such as "3.0.3", not the number ${version}`);
  }
  if (typeof version !== "string") {
    throw new SpecError({ file }, "not an OpenAPI document: it has no `openapi` version field");
  }
  if (document["swagger"] !== undefined) {
    throw new SpecError(
      { file, pointer: "/swagger" },
      `Swagger ${version} is not supported; convert the spec to OpenAPI 3 first`,
    );
  }
  if (!/^3\.[012]\.\d+$/.test(version)) {
    throw new SpecError({ file, pointer: "/openapi" }, `OpenAPI ${version} is not supported (3.0.x, 3.1.x and 3.2.x are)`);
  }
}

/**
 * Only a document that validated without a single warning is remembered: it needs no warning
 * repeated and passes strict or not, so skipping it changes nothing a user sees.
 */
async function validateOnce(document: JsonObject, file: string, options: ReadOptions): Promise<SpecWarning[]> {
  const key = options.validated && createHash("sha256").update(JSON.stringify(document)).digest("base64url");
  if (key !== undefined && options.validated?.has(key)) return [];
  const warnings = await validateDocument(document, file, options).catch((error: unknown) => {
    throw toSpecError(error, file);
  });
  if (key !== undefined && warnings.length === 0) options.validated?.add(key);
  return warnings;
}

interface ValidationDetail {
  instancePath?: string;
  message?: string;
  params?: { propertyName?: string; additionalProperty?: string };
}

function toSpecError(error: unknown, file: string): SpecError {
  if (error instanceof SpecError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const details = (error as { details?: ValidationDetail[] }).details;
  const first = Array.isArray(details) ? details[0] : undefined;
  if (first?.instancePath !== undefined) {
    const key = first.params?.propertyName ?? first.params?.additionalProperty;
    const subject = key === undefined ? "" : ` (key ${JSON.stringify(key)})`;
    return new SpecError({ file, pointer: first.instancePath }, `invalid spec: ${first.message ?? message}${subject}`);
  }
  const lineMatch = /\((\d+):(\d+)\)/.exec(message);
  if (lineMatch?.[1] !== undefined && lineMatch[2] !== undefined) {
    const reason = message.split("\n")[0]!.replace(/^Error parsing [^:]+: /, "").replace(/ \(\d+:\d+\)$/, "");
    return new SpecError({ file, line: Number(lineMatch[1]), column: Number(lineMatch[2]) }, `invalid YAML/JSON: ${reason}`);
  }
  return new SpecError({ file }, firstLine(message).replaceAll(path.resolve(file), file));
}

function firstLine(text: string): string {
  return text.split("\n")[0] ?? text;
}
