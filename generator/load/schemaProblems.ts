import { resolveJsonPointer, toJsonPointer } from "./jsonPointer.js";
import type { SpecWarning } from "./specError.js";

/** One failure reported by swagger-parser's JSON Schema check of a document against the OpenAPI schema. */
export interface SchemaFailure {
  instancePath: string;
  keyword?: string;
  message?: string;
  params?: { missingProperty?: string; additionalProperty?: string; propertyName?: string; type?: string; allowedValues?: unknown[] };
}

/** Places shown for one and the same problem; the rest are counted. */
const placesPerProblem = 3;

/**
 * The OpenAPI schema check reports every branch of every `oneOf` it tried: a response without
 * `description` also "must have required property '$ref'" (it is not a Reference Object either)
 * and "must match exactly one schema in oneOf". This keeps what the author should fix, one
 * readable line per place, and at most a few places per distinct problem.
 */
export function schemaProblems(failures: readonly SchemaFailure[], document: unknown, file: string): SpecWarning[] {
  const byPointer = new Map<string, SchemaFailure[]>();
  for (const failure of failures) {
    if (failure.params?.missingProperty === "$ref") continue;
    byPointer.set(failure.instancePath, [...(byPointer.get(failure.instancePath) ?? []), failure]);
  }
  const problems: SpecWarning[] = [];
  for (const [pointer, here] of byPointer) {
    const specific = here.filter((failure) => !isBranchSummary(failure));
    const deeper = [...byPointer.keys()].some((other) => other.startsWith(pointer + "/"));
    if (specific.length === 0 && deeper) continue; // the deeper failure says what is wrong
    problems.push(...describeAt(pointer, specific.length > 0 ? specific : here, document, file));
  }
  return capRepeats(problems);
}

/** `oneOf`/`anyOf`/`if` failures only say that some branch failed; the branch's own failures say why. */
function isBranchSummary(failure: SchemaFailure): boolean {
  return failure.keyword === "oneOf" || failure.keyword === "anyOf" || failure.keyword === "if" || failure.keyword === "not";
}

function describeAt(pointer: string, failures: readonly SchemaFailure[], document: unknown, file: string): SpecWarning[] {
  const missing = failures.flatMap((failure) => (failure.keyword === "required" ? [failure.params?.missingProperty ?? "?"] : []));
  const problems: SpecWarning[] = [];
  if (missing.length > 0) problems.push(missingKeys(pointer, missing, file));
  for (const failure of failures) {
    if (failure.keyword === "required") continue;
    const key = failure.params?.additionalProperty;
    const place = key === undefined ? pointer : pointer + toJsonPointer([key]);
    problems.push({ location: { file, pointer: place }, message: describeFailure(failure, valueAt(document, pointer)) });
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
      return `unknown key ${JSON.stringify(params.additionalProperty)} (not part of OpenAPI; ignored)`;
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

function capRepeats(problems: readonly SpecWarning[]): SpecWarning[] {
  const counts = new Map<string, number>();
  for (const problem of problems) counts.set(problem.message, (counts.get(problem.message) ?? 0) + 1);
  const shown = new Map<string, number>();
  return problems.flatMap((problem) => {
    const index = (shown.get(problem.message) ?? 0) + 1;
    shown.set(problem.message, index);
    if (index > placesPerProblem) return [];
    const more = counts.get(problem.message)! - placesPerProblem;
    return index === placesPerProblem && more > 0 ? [{ ...problem, message: `${problem.message} (and ${more} more places like it)` }] : [problem];
  });
}
