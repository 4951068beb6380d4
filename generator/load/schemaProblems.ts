import { resolveJsonPointer, toJsonPointer } from "./jsonPointer.js";
import type { SpecWarning } from "../shared/specError.js";
import { isJsonObject } from "./walkJson.js";

/** One failure reported by swagger-parser's JSON Schema check of a document against the OpenAPI schema. */
export interface SchemaFailure {
  instancePath: string;
  /** Where in the OpenAPI schema the failing rule is, e.g. `#/definitions/ParameterLocation/oneOf/0/required`. */
  schemaPath?: string;
  keyword?: string;
  message?: string;
  params?: { missingProperty?: string; additionalProperty?: string; unevaluatedProperty?: string; propertyName?: string; type?: string; allowedValues?: unknown[] };
}

/**
 * The OpenAPI schema check reports every branch of every `oneOf` it tried: a response without
 * `description` also "must have required property '$ref'" (it is not a Reference Object either)
 * and "must match exactly one schema in oneOf". It also runs on the dereferenced document, so a
 * component's slip comes again wherever the component is used. This keeps what the author should
 * fix, once, where it is written, one readable line per place. The same problem at many places
 * is kept at each: `warningLines` (shared/specError.ts) shows the first few and counts the rest.
 */
export function schemaProblems(failures: readonly SchemaFailure[], document: unknown, file: string): SpecWarning[] {
  const ruledOut = ruledOutBranches(failures);
  const relevant = failures.filter(
    (failure) => failure.params?.missingProperty !== "$ref" && (failure.keyword === "enum" || !ruledOut.has(branchOf(failure) ?? "")),
  );
  const withDeeperFailures = ancestors(relevant.map((failure) => failure.instancePath));
  const byPointer = new Map<string, SchemaFailure[]>();
  for (const failure of relevant) {
    if (!isWrittenHere(document, placeOf(failure))) continue;
    byPointer.set(failure.instancePath, [...(byPointer.get(failure.instancePath) ?? []), failure]);
  }
  const problems: SpecWarning[] = [];
  for (const [pointer, here] of byPointer) {
    const specific = here.filter((failure) => !isBranchSummary(failure));
    if (specific.length === 0 && withDeeperFailures.has(pointer)) continue; // the deeper failure says what is wrong
    problems.push(...describeAt(pointer, specific.length > 0 ? specific : here, document, file));
  }
  if (problems.length === 0) problems.push(...behindRef(relevant, document, file));
  return withoutRepeatsAtOnePlace(problems);
}

/**
 * A failure seen only through a `$ref` is normally reported where its target is written. When
 * the target passed there (a `$ref` to the wrong kind of object), the `$ref` itself is the place.
 */
function behindRef(failures: readonly SchemaFailure[], document: unknown, file: string): SpecWarning[] {
  const failure = failures.find((candidate) => !isBranchSummary(candidate));
  if (failure === undefined) return [];
  let pointer = failure.instancePath;
  while (pointer !== "" && valueAt(document, pointer) === undefined) pointer = pointer.slice(0, pointer.lastIndexOf("/"));
  const message = failure.keyword === "required" ? `\`${failure.params?.missingProperty}\` is missing` : describeFailure(failure, undefined);
  const inside = failure.instancePath.slice(pointer.length);
  return [{ location: { file, pointer }, message: `what this $ref points at does not fit here (${message}${inside === "" ? "" : ` at ${inside}`})` }];
}

/** An unknown key's own place; otherwise the place of the value that fails. */
function placeOf(failure: SchemaFailure): string {
  // 3.1's schema says so with `unevaluatedProperties` where 3.0's says `additionalProperties`
  const key = failure.params?.additionalProperty ?? failure.params?.unevaluatedProperty;
  return key === undefined ? failure.instancePath : failure.instancePath + toJsonPointer([key]);
}

/** False for a place that exists only in the dereferenced document (at or inside a `$ref`). */
function isWrittenHere(document: unknown, pointer: string): boolean {
  const value = valueAt(document, pointer);
  return value !== undefined && !(isJsonObject(value) && typeof value["$ref"] === "string");
}

/**
 * A `oneOf` branch whose fixed value does not match (`in: path` for a parameter `in: body`) does
 * not apply: its other failures (a path parameter needs `required`) are noise.
 */
function ruledOutBranches(failures: readonly SchemaFailure[]): Set<string> {
  return new Set(failures.flatMap((failure) => (failure.keyword === "enum" ? [branchOf(failure) ?? ""] : [])));
}

function branchOf(failure: SchemaFailure): string | undefined {
  return /^(.*\/(?:oneOf|anyOf)\/\d+)\//.exec(failure.schemaPath ?? "")?.[1];
}

/** Every pointer that has another one below it. */
function ancestors(pointers: Iterable<string>): Set<string> {
  const result = new Set<string>();
  for (const pointer of pointers) {
    for (let end = pointer.lastIndexOf("/"); end >= 0; end = pointer.lastIndexOf("/", end - 1)) {
      result.add(pointer.slice(0, end));
      if (end === 0) break;
    }
  }
  return result;
}

/** `oneOf`/`anyOf`/`if` failures only say that some branch failed; the branch's own failures say why. */
function isBranchSummary(failure: SchemaFailure): boolean {
  return failure.keyword === "oneOf" || failure.keyword === "anyOf" || failure.keyword === "if" || failure.keyword === "not";
}

function describeAt(pointer: string, failures: readonly SchemaFailure[], document: unknown, file: string): SpecWarning[] {
  const missing = new Set(failures.flatMap((failure) => (failure.keyword === "required" ? [failure.params?.missingProperty ?? "?"] : [])));
  // Each `oneOf` branch names the one value it allows (`in: path`, `in: query`, …): one list.
  const allowed = new Set(failures.flatMap((failure) => (failure.keyword === "enum" ? (failure.params?.allowedValues ?? []) : [])));
  const problems: SpecWarning[] = [];
  if (missing.size > 0) problems.push(missingKeys(pointer, [...missing], file));
  if (allowed.size > 0) {
    problems.push({ location: { file, pointer }, message: describeFailure({ instancePath: pointer, keyword: "enum", params: { allowedValues: [...allowed] } }, valueAt(document, pointer)) });
  }
  for (const failure of failures) {
    if (failure.keyword === "required" || failure.keyword === "enum") continue;
    const notOpenApi = failure.keyword === "additionalProperties" || failure.keyword === "unevaluatedProperties" ? " (not part of OpenAPI)" : "";
    problems.push({ location: { file, pointer: placeOf(failure) }, message: describeFailure(failure, valueAt(document, pointer)) + notOpenApi });
  }
  return problems;
}

/** At the document's root the pointer names the missing key itself, so the location is never a bare `#`. */
function missingKeys(pointer: string, keys: readonly string[], file: string): SpecWarning {
  const names = keys.map((key) => `\`${key}\``);
  // Several keys missing at one place come from alternatives (a parameter needs `schema` or `content`).
  const message = names.length === 1 ? `${names[0]} is missing (OpenAPI requires it)` : `needs ${names.join(" or ")} (OpenAPI requires one)`;
  return { location: { file, pointer: pointer === "" ? toJsonPointer([keys[0]!]) : pointer }, message };
}

function describeFailure(failure: SchemaFailure, value: unknown): string {
  const params = failure.params ?? {};
  switch (failure.keyword) {
    case "additionalProperties":
    case "unevaluatedProperties":
      return `unknown key ${JSON.stringify(params.additionalProperty ?? params.unevaluatedProperty)}`;
    case "type":
      return `must be ${article(params.type ?? "?")}, not ${describeValue(value)}`;
    case "enum":
      return `${describeValue(value)} is not one of ${(params.allowedValues ?? []).map((allowed) => JSON.stringify(allowed)).join(", ")}`;
    default: {
      const subject = params.propertyName === undefined ? "" : ` (key ${JSON.stringify(params.propertyName)})`;
      return `${failure.message ?? "does not match the OpenAPI schema"}${subject}`;
    }
  }
}

function describeValue(value: unknown): string {
  if (value === undefined) return "absent";
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  return `the ${typeof value} ${JSON.stringify(value)}`;
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function valueAt(document: unknown, pointer: string): unknown {
  try {
    return resolveJsonPointer(document, pointer);
  } catch {
    return undefined; // a key with a stray `%` is not URI-decodable; the message goes without the value
  }
}

function withoutRepeatsAtOnePlace(problems: readonly SpecWarning[]): SpecWarning[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = `${problem.location.pointer ?? ""}\n${problem.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
