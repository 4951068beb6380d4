import { compareOrdinal } from "../shared/compareOrdinal.js";
import { generatedMarker } from "../shared/generatedMarker.js";
import { isValidIdentifier } from "./identifiers.js";

/**
 * The committed name map of one API (`names.lock.json`). Keys are what stays put when a spec
 * changes: `METHOD path` for operations, the JSON pointer of a schema for types (components and
 * inline types alike), and the JSON value for enum members. Editing a name renames that thing.
 */
export interface NameLock {
  operations: Record<string, { name: string; operationId?: string }>;
  types: Record<string, string>;
  enumMembers: Record<string, Record<string, string>>;
  /** Where each operation sits in the resource-style client, by `METHOD path`: `{ resource: "chat.completions", method: "create" }`. */
  resources: Record<string, LockedResourcePlace>;
}

/** A resource path written with dots (`""` for a method on the client itself) and a method name. */
export interface LockedResourcePlace {
  resource: string;
  method: string;
}

export const emptyNameLock: NameLock = { operations: {}, types: {}, enumMembers: {}, resources: {} };

// The marker lets the writer replace an output folder holding this file without --force.
const explanation = `${generatedMarker}: the names chosen for the generated code. Kept across spec changes so names never shift; edit a name to rename it.`;

/** Reads a lock file's text; throws an Error whose message names what is wrong (the caller adds the file). */
export function parseNameLock(text: string): NameLock {
  const data: unknown = JSON.parse(text);
  if (!isRecord(data)) throw new Error("not a JSON object");
  const lock: NameLock = {
    operations: recordOf(data["operations"], "operations", (value, where) => {
      if (!isRecord(value) || typeof value["name"] !== "string") throw new Error(`${where} needs a "name"`);
      return typeof value["operationId"] === "string" ? { name: value["name"], operationId: value["operationId"] } : { name: value["name"] };
    }),
    types: recordOf(data["types"], "types", expectString),
    enumMembers: recordOf(data["enumMembers"], "enumMembers", (value, where) => recordOf(value, where, expectString)),
    resources: recordOf(data["resources"], "resources", (value, where) => {
      if (!isRecord(value) || typeof value["resource"] !== "string" || typeof value["method"] !== "string") {
        throw new Error(`${where} needs a "resource" and a "method"`);
      }
      return { resource: value["resource"], method: value["method"] };
    }),
  };
  checkIdentifiers(lock);
  return lock;
}

export function serializeNameLock(lock: NameLock): string {
  const enumMembers = Object.fromEntries(sortedEntries(lock.enumMembers).map(([key, members]) => [key, sorted(members)]));
  // Written only when the client has resources, so a lock without them stays as it was.
  const resources = Object.keys(lock.resources).length === 0 ? {} : { resources: sorted(lock.resources) };
  const ordered = { "//": explanation, operations: sorted(lock.operations), types: sorted(lock.types), enumMembers, ...resources };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

function checkIdentifiers(lock: NameLock): void {
  const names = [
    ...Object.values(lock.operations).map((entry) => entry.name),
    ...Object.values(lock.types),
    ...Object.values(lock.enumMembers).flatMap((members) => Object.values(members)),
  ];
  const invalid = names.find((name) => !isValidIdentifier(name));
  if (invalid !== undefined) throw new Error(`${JSON.stringify(invalid)} is not a valid TypeScript identifier`);
  // Resources and methods are property names: a reserved word (`delete`) is fine there.
  const members = Object.values(lock.resources).flatMap((place) => [...place.resource.split(".").filter((name) => name !== ""), place.method]);
  const invalidMember = members.find((name) => !/^[A-Za-z_$][\w$]*$/.test(name));
  if (invalidMember !== undefined) throw new Error(`${JSON.stringify(invalidMember)} is not a valid property name`);
}

function recordOf<T>(value: unknown, where: string, read: (value: unknown, where: string) => T): Record<string, T> {
  if (value === undefined) return {};
  if (!isRecord(value)) throw new Error(`"${where}" must be an object`);
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, read(item, `${where}[${JSON.stringify(key)}]`)]));
}

function expectString(value: unknown, where: string): string {
  if (typeof value !== "string") throw new Error(`${where} must be a string`);
  return value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function sortedEntries<T>(record: Record<string, T>): [string, T][] {
  return Object.entries(record).sort(([a], [b]) => compareOrdinal(a, b));
}

function sorted<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(sortedEntries(record));
}
