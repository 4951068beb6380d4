import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { compareOrdinal } from "../shared/compareOrdinal.js";
import { emptyNameLock, type NameLock } from "../naming/nameLock.js";
import type { ResourceRoute } from "../shared/resourceRoutes.js";
import { readApiMarkdown } from "./readApiMarkdown.js";
import { apiNameOf } from "../config/apiName.js";
import type { NameLockPlace } from "../config/apiSettings.js";
import { locateInFiles, type FileSchema } from "./fileSchema.js";
import { contentHash } from "./contentHash.js";
import { dereferenceInPlace } from "./dereference.js";
import { restoreDataRefs } from "./dataRefs.js";
import { mergeDocuments, originLookup } from "./mergeDocuments.js";
import { wrapRefsWithSiblings } from "./prepareRefs.js";
import { readDocument, type ReadOptions } from "./readDocument.js";
import { readNameLock } from "./readNameLock.js";
import { refParser } from "./refParser.js";
import { SpecError, type SpecLocation, type SpecWarning } from "../shared/specError.js";
import type { JsonObject } from "./walkJson.js";

/** An API loaded from one spec file or a folder of documents, ready for the model stage. */
export interface LoadedApi {
  /** Folder name, or the file name without extension. */
  name: string;
  /** What the generated files say they come from: the spec's folder (`cerebras/`) or its file (`together/openapi.yaml`); never an absolute path. */
  source: string;
  /** The spec's files as `<folder>/<file>`, in the order read (api-surface.json records them; no absolute paths). */
  sourceFiles: string[];
  /** Merged and bundled: local `$ref`s kept. What a mock server is given. */
  bundled: JsonObject;
  /** Dereferenced: every `$ref` replaced by the object it names (same identity). */
  document: JsonObject;
  /** Where a JSON pointer into the merged document points in the spec's files. */
  locate: (pointer: string) => SpecLocation;
  /** Schemas hoisted from files of their own into `components/schemas`, by component name. */
  fileSchemas: ReadonlyMap<string, FileSchema>;
  /** Content hash of the merged spec (key order does not count). */
  specHash: string;
  /** What this API's committed name map held (empty when there is none yet or none was asked for). */
  nameLock: NameLock;
  /** Set when the lock was read from its former place beside the spec. */
  nameLockNote?: string;
  /** Where the documents break the OpenAPI schema in ways the generator works around. */
  warnings: SpecWarning[];
  /** The methods of an SDK's `api.md` given as the resource map (`--resources`), in file order; [] without one. */
  resourceRoutes: ResourceRoute[];
}

export interface LoadOptions {
  /** Without a name lock place, names follow the spec alone. */
  nameLock?: NameLockPlace | undefined;
  /** Refuse a document that breaks the OpenAPI schema instead of warning. */
  strict?: boolean | undefined;
  /** Hashes of documents that passed validation before (see readDocument's `validated`). */
  validated?: ReadOptions["validated"];
  /** An SDK's `api.md` to take resource and method names from. */
  resources?: string | undefined;
}

const specExtensions = new Set([".yaml", ".yml", ".json"]);

export async function loadApi(specPath: string, options: LoadOptions = {}): Promise<LoadedApi> {
  const files = await specFiles(specPath);
  const isFolder = (await stat(specPath)).isDirectory();
  const root = isFolder ? specPath : path.dirname(specPath);
  const documents = [];
  for (const file of files) documents.push(await readDocument(file, { root, strict: options.strict ?? false, validated: options.validated }));
  const { document: bundled, origins } = mergeDocuments(documents);
  const fileSchemas = new Map(documents.flatMap((document) => [...document.fileSchemas]));
  const locate = locateInFiles(fileSchemas, originLookup(origins, documents[0]!.file));
  const document = structuredClone(bundled);
  wrapRefsWithSiblings(document);
  if (!dereferenceInPlace(document)) await refParser.dereference(document as never, { resolve: { external: false } });
  if (documents.some((read) => read.dataRefsHidden)) {
    restoreDataRefs(bundled);
    restoreDataRefs(document);
  }
  // A folder is named, not its files: a vendor adding a document (Cerebras publishes one per operation) changes no header.
  const sourceFiles = files.map((file) => `${path.basename(root)}/${path.basename(file)}`);
  const source = isFolder ? `${path.basename(root)}/` : sourceFiles[0]!;
  const { lock: nameLock, note } = options.nameLock === undefined ? { lock: emptyNameLock } : await readNameLock(options.nameLock);
  const warnings = documents.flatMap((read) => read.warnings);
  const resourceRoutes = options.resources === undefined ? [] : await readApiMarkdown(options.resources);
  const loaded = { name: apiNameOf(specPath), source, sourceFiles, bundled, document, locate, fileSchemas, specHash: contentHash(bundled), nameLock, warnings, resourceRoutes };
  return note === undefined ? loaded : { ...loaded, nameLockNote: note };
}

/** Name locks that earlier versions kept inside a spec folder are not spec documents. */
const lockFileSuffix = "names.lock.json";

async function specFiles(specPath: string): Promise<string[]> {
  const info = await stat(specPath).catch(() => undefined);
  if (info === undefined) throw new SpecError({ file: specPath }, "no such file or folder");
  if (!info.isDirectory()) return [specPath];
  const names = (await readdir(specPath))
    .filter((name) => specExtensions.has(path.extname(name).toLowerCase()) && !name.endsWith(lockFileSuffix))
    .sort(compareOrdinal);
  if (names.length === 0) throw new SpecError({ file: specPath }, "the folder holds no .yaml, .yml or .json spec");
  return names.map((name) => path.join(specPath, name));
}
