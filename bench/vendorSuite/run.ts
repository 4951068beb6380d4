/**
 * Runs the vendor's copied test files, unchanged, with the repo's vitest: a config of its own written
 * into the temporary folder (jest-compatible globals, the SDK's package name aliased to the generated
 * client), so neither the repo's vitest config nor its globalSetup is involved. A setup file wraps
 * `fetch` to record, per test, every request and the `sl-violations` header of Prism's answer, and
 * refuses any request that is not for the mock server.
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

const repoDir = resolve(import.meta.dirname, "../..");

export interface RecordedRequest {
  /** absolute path of the test file */
  file: string;
  /** `describe > test` */
  test: string;
  method: string;
  url: string;
  /** a string body as sent (cut at 2,000 characters), else its kind */
  body?: string;
  status?: number;
  /** Prism's `sl-violations` header, parsed */
  violations?: PrismViolation[];
  /** set when the request was not for the mock server, so was never sent */
  refused?: true;
}

export interface PrismViolation {
  location: string[];
  severity: string;
  code: string | number;
  message: string;
}

/** One test as vitest's json reporter gives it. */
export interface TestOutcome {
  file: string;
  test: string;
  status: "passed" | "failed" | "skipped";
  failure: string;
}

export interface SuiteRun {
  outcomes: TestOutcome[];
  /** test files that failed as a whole (did not load), with the error */
  fileErrors: Map<string, string>;
  requests: RecordedRequest[];
  seconds: number;
}

/**
 * `aliases`: module specifier -> file. The test files under `work/tests/` run against `baseUrl`
 * (given to them as `TEST_API_BASE_URL`, which they read).
 */
export async function runVendorTests(work: string, aliases: Map<string, string>, baseUrl: string): Promise<SuiteRun> {
  const requestLog = join(work, "requests.jsonl");
  const resultsFile = join(work, "vitest-results.json");
  writeFileSync(requestLog, "");
  writeFileSync(join(work, "vitest.setup.mjs"), setupFile(requestLog, baseUrl));
  writeFileSync(join(work, "vitest.config.mjs"), configFile(aliases));

  const started = performance.now();
  const vitest = join(repoDir, "node_modules/vitest/vitest.mjs");
  const args = [vitest, "run", "--config", join(work, "vitest.config.mjs"), "--root", work, "--reporter=json", `--outputFile=${resultsFile}`];
  const { code, output } = await run(process.execPath, args, { ...process.env, TEST_API_BASE_URL: baseUrl });
  const seconds = (performance.now() - started) / 1000;
  if (!existsSync(resultsFile)) throw new Error(`vitest wrote no results (exit ${code}):\n${output.slice(-4000)}`);

  const outcomes: TestOutcome[] = [];
  const fileErrors = new Map<string, string>();
  const report = JSON.parse(readFileSync(resultsFile, "utf8")) as JsonReport;
  for (const file of report.testResults) {
    if (file.assertionResults.length === 0 && file.status === "failed") fileErrors.set(file.name, file.message);
    for (const result of file.assertionResults)
      outcomes.push({
        file: file.name,
        test: [...result.ancestorTitles, result.title].join(" > "),
        status: result.status === "passed" ? "passed" : result.status === "failed" ? "failed" : "skipped",
        failure: result.failureMessages.join("\n"),
      });
  }
  const requests = readFileSync(requestLog, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as RecordedRequest);
  return { outcomes, fileErrors, requests, seconds };
}

interface JsonReport {
  testResults: {
    name: string;
    status: string;
    message: string;
    assertionResults: { ancestorTitles: string[]; title: string; status: string; failureMessages: string[] }[];
  }[];
}

function configFile(aliases: Map<string, string>): string {
  // Exact specifiers only: `together-ai` must not also catch `together-ai/…` (each subpath the tests use has its own entry).
  const alias = [...aliases].map(([specifier, file]) => ({ find: `^${escapeRegExp(specifier)}$`, replacement: file }));
  return `// Written by bench/vendorSdkSuite.ts; the repo's own vitest config is not involved.
export default {
  resolve: {
    alias: ${JSON.stringify(alias)}.map(({ find, replacement }) => ({ find: new RegExp(find), replacement })),
  },
  test: {
    include: ["tests/**/*.test.ts"],
    globals: true,
    environment: "node",
    setupFiles: ["./vitest.setup.mjs"],
    testTimeout: 60_000,
    maxWorkers: 2,
  },
};
`;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");

/** Runs in each test worker before the test files: records each request and what Prism said of it. */
function setupFile(requestLog: string, baseUrl: string): string {
  return `// Written by bench/vendorSdkSuite.ts: records requests per test; only the mock server may be called.
import { appendFileSync } from "node:fs";

const log = ${JSON.stringify(requestLog)};
const base = ${JSON.stringify(baseUrl)};
const realFetch = globalThis.fetch;

globalThis.fetch = async function recordingFetch(input, init) {
  const url = input instanceof Request ? input.url : String(input);
  const method = init?.method ?? (input instanceof Request ? input.method : "GET");
  const state = expect.getState();
  const body = init?.body;
  const entry = {
    file: state.testPath,
    test: state.currentTestName,
    method,
    url,
    body: typeof body === "string" ? body.slice(0, 2000) : body == null ? undefined : Object.prototype.toString.call(body),
  };
  if (!url.startsWith(base)) {
    appendFileSync(log, JSON.stringify({ ...entry, refused: true }) + "\\n");
    throw new Error("vendorSdkSuite: refused a request to " + url + " (only the mock server " + base + " may be called)");
  }
  const response = await realFetch(input, init);
  const violations = await violationsOf(response);
  appendFileSync(log, JSON.stringify({ ...entry, status: response.status, violations }) + "\\n");
  return response;
};

// Prism names what is wrong with a request in its sl-violations header; when no response of the spec
// fits (a 422 it makes up, a 415), in its problem+json body instead.
async function violationsOf(response) {
  const header = response.headers.get("sl-violations");
  if (header !== null) {
    try {
      return JSON.parse(header);
    } catch {
      return [{ location: ["request"], severity: "Error", code: "unparsed", message: header }];
    }
  }
  if (!(response.headers.get("content-type") ?? "").includes("problem+json")) return undefined;
  const problem = await response.clone().json().catch(() => undefined);
  if (typeof problem?.type !== "string" || !problem.type.includes("stoplight.io/prism")) return undefined;
  if (Array.isArray(problem.validation))
    return problem.validation.map((v) => ({ ...v, location: v.location[0] === "request" ? v.location : ["request", ...v.location] }));
  return [{ location: ["request"], severity: "Error", code: response.status, message: problem.detail ?? problem.title }];
}
`;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolvePromise({ code, output }));
  });
}
