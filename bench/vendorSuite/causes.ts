/**
 * Why each vendor test failed. Every failure gets one cause, the first that fits:
 *
 * - `import`: the file did not load, or a name the test imports from the SDK is missing (the default
 *   export is no class, `toFile` is not a function, …);
 * - `method`: a resource or method the test calls is missing on the client;
 * - `elsewhere`: the client sent a request somewhere else than the mock server (refused, never sent);
 * - `prism`: Prism rejected a request of the test (`sl-violations`); when every violation is in the
 *   test's own literal (a value it wrote, or a required property it left out) the test is *excused*:
 *   its request breaks the spec whatever the client does;
 * - `other`: the rest (an assertion, an error status, a thrown error), with its first line.
 *
 * Type errors (tsc over the test files) are counted beside: vitest does not check types.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative } from "node:path";
import { OneOfChecker } from "./oneOf.js";
import type { PrismViolation, RecordedRequest, SuiteRun } from "./run.js";
import type { VendorSdk, VendorTest } from "./sdk.js";
import type { TypeDiagnostic } from "./typecheck.js";

export type Cause = "import" | "method" | "elsewhere" | "prism" | "other";

export interface TestResult {
  file: string;
  test: string;
  status: "passed" | "failed" | "skipped";
  cause?: Cause;
  /** the first line of the failure, or the violations */
  reason?: string;
  /** for `prism`: the violations of the rejected requests */
  violations?: (PrismViolation & { method: string; path: string; inLiteral: boolean })[];
  excused?: boolean;
  typeErrors?: string[];
}

export interface Classified {
  total: number;
  passed: number;
  failed: number;
  skipped: number;
  excused: number;
  /** tests that pass at runtime but whose file has a type error in their lines */
  passedWithTypeErrors: number;
  /** tests that pass without a request reaching the mock server (a check of the harness: every vendor test sends one) */
  passedWithoutRequest: string[];
  byCause: Record<Cause, number>;
  tests: TestResult[];
  /** type errors outside any test (the file's imports and client construction, or the client itself) */
  typeErrorsOutsideTests: string[];
}

export function classify(work: string, sdk: VendorSdk, suite: SuiteRun, diagnostics: TypeDiagnostic[] | undefined): Classified {
  const sdkPath = (file: string) => relative(work, file).split("\\").join("/");
  const outcomes = new Map(suite.outcomes.map((outcome) => [`${sdkPath(outcome.file)}\0${outcome.test}`, outcome]));
  const fileErrors = new Map([...suite.fileErrors].map(([file, error]) => [sdkPath(file), error]));
  const requests = new Map<string, RecordedRequest[]>();
  for (const request of suite.requests) {
    const key = `${sdkPath(request.file)}\0${request.test}`;
    requests.set(key, [...(requests.get(key) ?? []), request]);
  }
  const oneOf = new OneOfChecker(readSpec(sdk.specFile));
  const sources = new Map(sdk.testFiles.map((file) => [file, readFileSync(join(work, file), "utf8").split("\n")]));

  const tests = sdk.tests.map((test): TestResult => {
    const key = `${test.file}\0${test.name}`;
    const outcome = outcomes.get(key);
    const fileError = fileErrors.get(test.file);
    const base = { file: test.file, test: test.name };
    if (test.skipped || outcome?.status === "skipped") return { ...base, status: "skipped" };
    if (outcome === undefined)
      return { ...base, status: "failed", cause: "import", reason: firstLine(fileError ?? "the test did not run (its file did not load)") };
    if (outcome.status === "passed") return { ...base, status: "passed" };
    return { ...base, status: "failed", ...failureCause(outcome.failure, requests.get(key) ?? [], block(sources.get(test.file)!, test, sdk.tests), importedNames(sdk), oneOf) };
  });

  for (const diagnostic of diagnostics ?? []) {
    const test = tests.find((result) => result.file === diagnostic.file && result.test === diagnostic.test);
    if (test !== undefined) (test.typeErrors ??= []).push(`${diagnostic.code} ${diagnostic.message.replaceAll(work, "<tmp>")}`);
  }
  const typeErrorsOutsideTests = (diagnostics ?? [])
    .filter((diagnostic) => diagnostic.test === undefined)
    .map((diagnostic) => `${diagnostic.file}:${diagnostic.line} ${diagnostic.code} ${diagnostic.message.replaceAll(work, "<tmp>")}`);

  const count = (predicate: (test: TestResult) => boolean) => tests.filter(predicate).length;
  const causes: Cause[] = ["import", "method", "elsewhere", "prism", "other"];
  return {
    total: tests.length,
    passed: count((test) => test.status === "passed"),
    failed: count((test) => test.status === "failed"),
    skipped: count((test) => test.status === "skipped"),
    excused: count((test) => test.excused === true),
    passedWithTypeErrors: count((test) => test.status === "passed" && test.typeErrors !== undefined),
    passedWithoutRequest: tests.filter((test) => test.status === "passed" && !requests.has(`${test.file}\0${test.test}`)).map((test) => `${test.file} › ${test.test}`),
    byCause: Object.fromEntries(causes.map((cause) => [cause, count((test) => test.cause === cause)])) as Record<Cause, number>,
    tests,
    typeErrorsOutsideTests,
  };
}

function failureCause(
  failure: string,
  requests: RecordedRequest[],
  source: string,
  imported: Set<string>,
  oneOf: OneOfChecker,
): Pick<TestResult, "cause" | "reason" | "violations" | "excused"> {
  const reason = firstLine(failure);
  // `__vi_import_0__.default is not a constructor`, `(0 , __vi_import_0__.toFile) is not a function`, …
  const missingImport = /__vi_import_\d+__\.(\w+)\)? is not a (?:constructor|function)|does not provide an export named '(\w+)'/.exec(failure);
  if (missingImport !== null && imported.has(missingImport[1] ?? missingImport[2]!)) return { cause: "import", reason };
  // thrown by the test's own `client.a.b.c(…)`, not from inside the client (which wraps what it throws)
  const missing = /^TypeError: (?:Cannot read properties of undefined \(reading '(\w+)'\)|client(?:\.\w+)*\.(\w+) is not a function)/.exec(reason);
  if (missing !== null && new RegExp(`\\bclient(?:\\.\\w+)*\\.${missing[1] ?? missing[2]}\\b`).test(source)) return { cause: "method", reason };
  const refused = requests.find((request) => request.refused === true);
  if (refused !== undefined) return { cause: "elsewhere", reason: `${refused.method} ${refused.url}` };
  const rejected = requests.filter((request) => (request.violations ?? []).some((violation) => violation.severity === "Error"));
  if (rejected.length > 0) {
    const violations = rejected.flatMap((request) =>
      request.violations!.filter((violation) => violation.severity === "Error").map((violation) => ({ ...judged(violation, request, source, oneOf), method: request.method, path: new URL(request.url).pathname })),
    );
    // A oneOf or anyOf violation whose branches could not be counted only sums up the others: judged by those
    const decisive = violations.filter((violation) => violation.decisive);
    const excused = decisive.length > 0 && decisive.every((violation) => violation.inLiteral);
    return {
      cause: "prism",
      reason: violations.map((violation) => `${violation.location.join(".")}: ${violation.message}`).join("; "),
      violations: violations.map(({ decisive: _, ...violation }) => violation),
      excused,
    };
  }
  const status = requests.find((request) => (request.status ?? 0) >= 400);
  return { cause: "other", reason: status === undefined ? reason : `${reason} (${status.method} ${new URL(status.url).pathname} answered ${status.status})` };
}

/**
 * Is the violation in what the test itself wrote? A required property the test's source never names is
 * one it left out; any other rule is about a value, whose key (the last name in the violation's
 * location or the property the message quotes) the test must have written. A value sent where the spec
 * wants exactly one `oneOf` branch, matching several, is the test's when it wrote every key of it.
 */
function judged(violation: PrismViolation, request: RecordedRequest, source: string, oneOf: OneOfChecker): PrismViolation & { inLiteral: boolean; decisive: boolean } {
  const quoted = /'([^']+)'/.exec(violation.message)?.[1];
  if (violation.code === "required" && quoted !== undefined) return { ...violation, inLiteral: !written(quoted, source), decisive: true };
  if (violation.code === "oneOf" || violation.code === "anyOf") {
    const match = violation.code === "oneOf" ? oneOf.check(request.method, request.url, request.body, violation.location) : undefined;
    if (match === undefined || match.matched.length < 2) return { ...violation, inLiteral: false, decisive: false };
    const keys = typeof match.value === "object" && match.value !== null && !Array.isArray(match.value) ? Object.keys(match.value) : [];
    const message = `${violation.message} (the value matches ${match.matched.length} of ${match.branches}: ${match.matched.join(", ")})`;
    return { ...violation, message, inLiteral: keys.length > 0 && keys.every((key) => written(key, source)), decisive: true };
  }
  const key = [...violation.location].reverse().find((segment) => !/^\d+$/.test(segment) && !["request", "body", "query", "path", "header"].includes(segment));
  const name = violation.code === "additionalProperties" ? (quoted ?? key) : key;
  return { ...violation, inLiteral: name !== undefined && written(name, source), decisive: true };
}

/** Does the test's source write `name:` as a key? Case-insensitive: Prism lowercases query parameter names (`updatemask`). */
function written(name: string, source: string): boolean {
  return new RegExp(`(^|[\\s{,])(${escape(name)}|'${escape(name)}'):`, "im").test(source);
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The test's own lines: from its `test(` to the next test of the file. */
function block(lines: string[], test: VendorTest, all: VendorTest[]): string {
  const next = all.find((other) => other.file === test.file && other.line > test.line);
  return lines.slice(test.line - 1, next === undefined ? lines.length : next.line - 1).join("\n");
}

function importedNames(sdk: VendorSdk): Set<string> {
  return new Set([...sdk.imports].filter(([specifier]) => specifier.startsWith("together-ai")).flatMap(([, names]) => [...names]));
}

function firstLine(text: string): string {
  return (text.split("\n").find((line) => line.trim() !== "") ?? "").trim().slice(0, 300);
}

/** The spec as JSON (YAML read by js-yaml, which comes with swagger-parser). */
function readSpec(file: string): unknown {
  const text = readFileSync(file, "utf8");
  if (text.trimStart().startsWith("{")) return JSON.parse(text) as unknown;
  const yaml = createRequire(import.meta.url)("js-yaml") as { load(text: string, options: { schema: unknown }): unknown; JSON_SCHEMA: unknown };
  return yaml.load(text, { schema: yaml.JSON_SCHEMA });
}
