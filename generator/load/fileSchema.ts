import path from "node:path";
import { toJsonPointer } from "./jsonPointer.js";
import type { SpecLocation } from "../shared/specError.js";
import { isJsonObject } from "./walkJson.js";

/** A schema that lives in a file of its own (or at a pointer in a shared file), hoisted into `components/schemas`. */
export interface FileSchema {
  /** The file as shown to users, and the schema's place in it (`""` for the whole file). */
  file: string;
  pointer: string;
  /** What its author called it; none when the root names it (`components/schemas/Region: { $ref: region.yml }`). */
  hint?: string;
  /** Folders from the file up to the spec's folder, nearest first: what tells two `error.yml` apart. */
  folders: string[];
}

/** A `$ref` target: an absolute file path and JSON pointer tokens into that file. */
export interface Target {
  file: string;
  tokens: string[];
}

/** A response or request body inlined from another file, and what it is to an operation. */
export interface InlinedFrom extends Target {
  role: "response" | "body";
}

export function describeFileSchema(options: { root: string; target: Target; hint: string | undefined }): FileSchema {
  const { root, target, hint } = options;
  const folders = path.relative(root, path.dirname(target.file)).split(path.sep).filter((folder) => folder !== "");
  const described: FileSchema = { file: displayPath(target.file), pointer: toJsonPointer(target.tokens), folders: folders.reverse() };
  if (hint !== undefined) described.hint = hint;
  return described;
}

/** Its `title`, else the last pointer token (`models.yml#/droplet`), else the file name. */
export function schemaHint(target: Target, node: unknown): string {
  return titleOf(node) ?? target.tokens.at(-1) ?? fileName(target.file);
}

/** The inline schema of a shared response file `droplet.yml` is a `droplet response`, unless it has a title. */
export function sharedSchemaHint(inlinedFrom: InlinedFrom, node: unknown): string {
  return titleOf(node) ?? `${inlinedFrom.tokens.at(-1) ?? fileName(inlinedFrom.file)} ${inlinedFrom.role}`;
}

/**
 * The schema's key in `components/schemas`, from its location only (`shared.models.error.yml`,
 * `models.yml-droplet`), so it, and the name lock entry keyed by it, survive any other change.
 * Only characters OpenAPI allows in component names are kept.
 */
export function locationComponentKey(root: string, target: Target): string {
  const relative = path.relative(root, target.file).split(path.sep).join(".");
  const pointer = target.tokens.length === 0 ? "" : `-${target.tokens.join(".")}`;
  return `${relative}${pointer}`.replace(/[^A-Za-z0-9._-]/g, "_");
}

/** A pointer into a hoisted schema is shown where its author wrote it: that file, that place. */
export function locateInFiles(fileSchemas: ReadonlyMap<string, FileSchema>, fileForPointer: (pointer: string) => string) {
  return (pointer: string): SpecLocation => {
    const [, components, schemas, name] = pointer.split("/");
    const origin = components === "components" && schemas === "schemas" && name !== undefined ? fileSchemas.get(name) : undefined;
    if (origin === undefined) return { file: fileForPointer(pointer), pointer };
    return { file: origin.file, pointer: origin.pointer + pointer.slice(`/components/schemas/${name}`.length) };
  };
}

export function displayPath(file: string): string {
  return path.relative(process.cwd(), file) || file;
}

function titleOf(node: unknown): string | undefined {
  const title = isJsonObject(node) ? node["title"] : undefined;
  return typeof title === "string" && title.trim() !== "" ? title : undefined;
}

function fileName(file: string): string {
  return path.basename(file).replace(/\.(ya?ml|json)$/i, "");
}
