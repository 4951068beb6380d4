import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import SwaggerParser from "@apidevtools/swagger-parser";
import { compareOrdinal } from "../compareOrdinal.js";
import { emptyNameLock, parseNameLock, type NameLock } from "../naming/nameLock.js";
import { contentHash } from "./contentHash.js";
import { mergeDocuments } from "./mergeDocuments.js";
import { originLookup, wrapRefsWithSiblings } from "./prepareRefs.js";
import { readDocument, type ReadOptions } from "./readDocument.js";
import { SpecError } from "./specError.js";
import type { JsonObject } from "./walkJson.js";

/** An API loaded from one spec file or a folder of documents, ready for the model stage. */
export interface LoadedApi {
  /** Folder name, or the file name without extension. */
  name: string;
  /** Spec file names as shown in generated headers (no absolute paths). */
  sourceFiles: string[];
  /** Merged and bundled: local `$ref`s kept. What a mock server is given. */
  bundled: JsonObject;
  /** Dereferenced: every `$ref` replaced by the object it names (same identity). */
  document: JsonObject;
  /** The file a JSON pointer into the merged document came from. */
  fileForPointer: (pointer: string) => string;
  /** Content hash of the merged spec (key order does not count). */
  specHash: string;
  /** Where this API's committed name map lives, and what it held (empty when there is none yet). */
  nameLockFile: string;
  nameLock: NameLock;
}

const specExtensions = new Set([".yaml", ".yml", ".json"]);

export interface LoadOptions {
  nameLockFile?: string | undefined;
  /** Hashes of documents that passed validation before (see readDocument's `validated`). */
  validated?: ReadOptions["validated"];
}

export async function loadApi(specPath: string, options: LoadOptions = {}): Promise<LoadedApi> {
  const files = await specFiles(specPath);
  const root = (await stat(specPath)).isDirectory() ? specPath : path.dirname(specPath);
  const documents = [];
  for (const file of files) documents.push(await readDocument(file, { root, validated: options.validated }));
  const { document: bundled, origins } = mergeDocuments(documents);
  const fileForPointer = originLookup(origins, documents[0]!.file);
  const document = structuredClone(bundled);
  wrapRefsWithSiblings(document);
  await SwaggerParser.dereference(document as never, { resolve: { external: false } });
  const name = path.basename(specPath).replace(/\.(ya?ml|json)$/i, "");
  const sourceFiles = files.map((file) => path.join(path.basename(root), path.basename(file)));
  const nameLockFile = options.nameLockFile ?? nameLockPath(specPath, root === specPath);
  const nameLock = await readNameLock(nameLockFile);
  return { name, sourceFiles, bundled, document, fileForPointer, specHash: contentHash(bundled), nameLockFile, nameLock };
}

/** `<folder>/names.lock.json` for a folder of documents, `<name>.names.lock.json` beside a single file. */
function nameLockPath(specPath: string, isFolder: boolean): string {
  if (isFolder) return path.join(specPath, lockFileName);
  return path.join(path.dirname(specPath), `${path.basename(specPath).replace(/\.(ya?ml|json)$/i, "")}.${lockFileName}`);
}

const lockFileName = "names.lock.json";

async function readNameLock(file: string): Promise<NameLock> {
  const text = await readFile(file, "utf8").catch(() => undefined);
  if (text === undefined) return emptyNameLock;
  try {
    return parseNameLock(text);
  } catch (error) {
    throw new SpecError({ file: path.relative(process.cwd(), file) }, `invalid name lock: ${(error as Error).message}`);
  }
}

async function specFiles(specPath: string): Promise<string[]> {
  const info = await stat(specPath).catch(() => undefined);
  if (info === undefined) throw new SpecError({ file: specPath }, "no such file or folder");
  if (!info.isDirectory()) return [specPath];
  const names = (await readdir(specPath))
    .filter((name) => specExtensions.has(path.extname(name).toLowerCase()) && !name.endsWith(lockFileName))
    .sort(compareOrdinal);
  if (names.length === 0) throw new SpecError({ file: specPath }, "the folder holds no .yaml, .yml or .json spec");
  return names.map((name) => path.join(specPath, name));
}
