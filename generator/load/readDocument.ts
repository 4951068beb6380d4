import { createHash } from "node:crypto";
import { readFile, realpath } from "node:fs/promises";
import path from "node:path";
import SwaggerParser from "@apidevtools/swagger-parser";
import type { RunCache } from "../generate.js";
import { checkLocalRefs } from "./prepareRefs.js";
import { SpecError } from "./specError.js";
import { isJsonObject, walkObjects, type JsonObject } from "./walkJson.js";

/** One spec document, bundled: external file `$ref`s are pulled in, local ones stay `$ref`s. */
export interface SpecDocument {
  /** The file as shown to users (relative to the working directory). */
  file: string;
  document: JsonObject;
}

export interface ReadOptions {
  /** Folder that file `$ref`s may not leave. */
  root: string;
  /**
   * Hashes of documents that passed validation before; a document found here is not validated
   * again (ajv costs about a second on a large spec), one that passes is added.
   */
  validated?: RunCache["validated"] | undefined;
}

export async function readDocument(file: string, options: ReadOptions): Promise<SpecDocument> {
  const displayName = path.relative(process.cwd(), file) || file;
  const text = await readFile(file, "utf8");
  if (text.trim() === "") throw new SpecError({ file: displayName }, "the file is empty");
  const parsed = await parse(file, displayName);
  // Bundling costs seconds on a large spec and only matters when refs point into other files.
  const document = hasExternalRefs(parsed) ? await bundle(file, displayName, options) : parsed;
  checkVersion(document, displayName);
  checkLocalRefs(document, displayName);
  await validateOnce(document, displayName, options.validated);
  return { file: displayName, document };
}

async function parse(file: string, displayName: string): Promise<JsonObject> {
  try {
    const parsed: unknown = await SwaggerParser.parse(file);
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

async function bundle(file: string, displayName: string, options: ReadOptions): Promise<JsonObject> {
  const refusals: string[] = [];
  try {
    const bundled: unknown = await SwaggerParser.bundle(file, { resolve: safeResolvers(options.root, refusals) });
    if (!isJsonObject(bundled)) throw new SpecError({ file: displayName }, "the document is not an object");
    return bundled;
  } catch (error) {
    // The ref parser wraps resolver errors as "Error reading file ...": report the refusal itself.
    if (refusals[0] !== undefined) throw new SpecError({ file: displayName }, refusals[0]);
    if ((error as { code?: unknown }).code === "EMISSINGPOINTER") await locateDanglingRef(file, displayName);
    throw toSpecError(error, displayName);
  }
}

/** The ref parser does not say where a dangling local `$ref` stands; find it in the parsed, unresolved document. */
async function locateDanglingRef(file: string, displayName: string): Promise<void> {
  const raw: unknown = await SwaggerParser.parse(file, { resolve: { external: false } }).catch(() => undefined);
  if (isJsonObject(raw)) checkLocalRefs(raw, displayName);
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
        return readFile(target);
      },
    },
  };
}

function checkVersion(document: JsonObject, file: string): void {
  const version = document["openapi"] ?? document["swagger"];
  if (typeof version !== "string") {
    throw new SpecError({ file }, "not an OpenAPI document: it has no `openapi` version field");
  }
  if (document["swagger"] !== undefined) {
    throw new SpecError(
      { file, pointer: "/swagger" },
      `Swagger ${version} is not supported; convert the spec to OpenAPI 3 first`,
    );
  }
  if (!/^3\.[01]\.\d+$/.test(version)) {
    throw new SpecError({ file, pointer: "/openapi" }, `OpenAPI ${version} is not supported (3.0.x and 3.1.x are)`);
  }
}

async function validateOnce(document: JsonObject, file: string, validated: ReadOptions["validated"]): Promise<void> {
  if (validated === undefined) return validate(document, file);
  const key = createHash("sha256").update(JSON.stringify(document)).digest("base64url");
  if (validated.has(key)) return;
  await validate(document, file);
  validated.add(key);
}

async function validate(document: JsonObject, file: string): Promise<void> {
  try {
    await SwaggerParser.validate(structuredClone(document) as never, { resolve: { external: false } });
  } catch (error) {
    throw toSpecError(error, file);
  }
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
