// A generated client is meant to be copied into a project whose settings we don't control. This
// test does exactly that for every API in generated/: it copies the folder into a scratch
// consumer project, type-checks a consumer file with TypeScript 5.4, 5.9 and 7 under strict
// settings (NodeNext and Bundler resolution, browser-style without @types/node and Node-only
// without the DOM lib), then compiles it with TS 5.9 and runs the JavaScript with plain `node`
// against a Prism mock of the API.
import { execFile } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { generate } from "../../generator/generate.js";
import { loadApi } from "../../generator/load/loadApi.js";
import { startPrism } from "../e2e/prismServer.js";

const root = path.join(import.meta.dirname, "../..");
const generatedDir = path.join(root, "generated");

interface Compiler {
  name: string;
  /** A JavaScript entry point, run with `node` (not node_modules/.bin/tsc, which npm may point at any of them). */
  bin: string;
  packageDir: string;
  /** `erasableSyntaxOnly` exists from 5.8 on; older compilers reject unknown options. */
  knowsErasableSyntaxOnly: boolean;
}

const compilers: Compiler[] = [
  { name: "5.4", packageDir: "typescript-5.4", knowsErasableSyntaxOnly: false },
  { name: "5.9", packageDir: "typescript-5.9", knowsErasableSyntaxOnly: true },
  { name: "7", packageDir: "typescript", knowsErasableSyntaxOnly: true },
].map((compiler) => ({ ...compiler, bin: path.join(root, "node_modules", compiler.packageDir, "bin/tsc") }));

interface Variant {
  name: string;
  module: string;
  moduleResolution: string;
  /** Node-only consumer: @types/node and no DOM lib. Otherwise browser-style: DOM lib, no @types/node. */
  node: boolean;
}

const nodeNext: Variant = { name: "NodeNext, DOM, no @types/node", module: "NodeNext", moduleResolution: "NodeNext", node: false };
const bundler: Variant = { name: "Bundler + ESNext, DOM, no @types/node", module: "ESNext", moduleResolution: "Bundler", node: false };
const preserve: Variant = { name: "Bundler + Preserve, DOM, no @types/node", module: "Preserve", moduleResolution: "Bundler", node: false };
const nodeOnly: Variant = { name: "NodeNext, @types/node, no DOM", module: "NodeNext", moduleResolution: "NodeNext", node: true };

interface Check {
  compiler: Compiler;
  variant: Variant;
  /** The one check that also emits JavaScript (to dist/), which the Prism tests then run. */
  emit: boolean;
  tsconfig: string;
}

// Every compiler under both resolutions and as a Node-only consumer; Preserve only with the
// (fast) TS 7. All APIs share one consumer project, so each check is a single compiler run.
const checks: Check[] = compilers.flatMap((compiler) =>
  [nodeNext, bundler, ...(compiler.name === "7" ? [preserve] : []), nodeOnly].map((variant, index) => ({
    compiler,
    variant,
    emit: compiler.name === "5.9" && variant === nodeNext,
    tsconfig: `tsconfig.${compiler.name}.${index}.json`,
  })),
);
const emitCheck = checks.find((check) => check.emit)!;

/**
 * Hand-written consumer code per API: imports from the copied folder, calls every exported
 * operation once and prints the results as one JSON line. `run` checks that printed JSON.
 */
interface Consumer {
  source: string;
  run(printed: Record<string, unknown>): void;
}

// Reads the environment without Node typings, as a browser-style consumer has to.
const prelude = `
const env: Record<string, string | undefined> =
  (globalThis as unknown as { process?: { env?: Record<string, string | undefined> } }).process?.env ?? {};
const baseUrl = env["CONSUMER_BASE_URL"]; // string | undefined, passed as is (exactOptionalPropertyTypes)
`;

const consumers: Record<string, Consumer> = {
  cerebras: {
    source: `import {
  ApiError,
  createClient,
  deployModelToEndpoint,
  getEndpointStatus,
  type ClientOptions,
  type EndpointDeployResponse,
  type EndpointStatusResponse,
} from "./cerebras/index.js";
${prelude}
function describeFailure(error: unknown): string {
  return error instanceof ApiError ? \`HTTP \${error.status}: \${JSON.stringify(error.body)}\` : String(error);
}

// The API key comes from CEREBRAS_API_KEY, read by the client itself.
const options: ClientOptions = { baseUrl, maxRetries: 0 };
const cerebras = createClient(options);
try {
  const status: EndpointStatusResponse = await getEndpointStatus(cerebras, { endpointId: "my-org-gpt-oss-120b" });
  const firstModel = status.deployed_models[0]; // DeployedModel | undefined (noUncheckedIndexedAccess)
  const deployed: EndpointDeployResponse = await deployModelToEndpoint(
    cerebras,
    { endpointId: status.name, body: { model: "orgs/my-org/models/gpt-oss-120b/versions/1" } },
    { timeoutMs: 10_000 },
  );
  console.log(JSON.stringify({ getEndpointStatus: status, firstModelState: firstModel?.state ?? null, deployModelToEndpoint: deployed }));
} catch (error) {
  console.log(JSON.stringify({ failure: describeFailure(error) }));
  throw error;
}
`,
    run(printed) {
      expect(printed).toMatchObject({
        getEndpointStatus: {
          name: "my-org-gpt-oss-120b",
          model_arch_id: "gpt-oss-120b",
          managing_org_name: "my-org",
          deployed_models: [expect.any(Object)],
        },
        firstModelState: "complete",
        deployModelToEndpoint: {
          name: "550e8400-e29b-41d4-a716-446655440000",
          done: false,
          response: { endpoint_id: "my-org-gpt-oss-120b", rollout_status: "not_started", version_id: 1 },
        },
      });
    },
  },
  together: {
    source: `import {
  ApiError,
  createClient,
  DedicatedEndpointState,
  getEndpoint,
  type DedicatedEndpoint,
  type GetEndpointError,
} from "./together/index.js";
${prelude}
function describeFailure(error: unknown): string {
  if (!(error instanceof ApiError)) return String(error);
  const typed = error as GetEndpointError;
  return typed.status === 404 ? typed.body.error.message : \`HTTP \${typed.status}\`;
}

const together = createClient({ baseUrl, apiKey: env["TOGETHER_API_KEY"], maxRetries: 0 });
try {
  const endpoint: DedicatedEndpoint = await getEndpoint(together, { endpointId: "endpoint-d23901de" });
  const knownState = Object.values(DedicatedEndpointState).includes(endpoint.state);
  console.log(JSON.stringify({ getEndpoint: endpoint, knownState, maxReplicas: endpoint.autoscaling.max_replicas }));
} catch (error) {
  console.log(JSON.stringify({ failure: describeFailure(error) }));
  throw error;
}
`,
    run(printed) {
      expect(printed).toMatchObject({
        getEndpoint: {
          object: "endpoint",
          id: "endpoint-d23901de-ef8f-44bf-b3e7-de9c1ca8f2d7",
          type: "dedicated",
          created_at: "2025-02-04T10:43:55.405Z",
          autoscaling: { min_replicas: expect.any(Number), max_replicas: expect.any(Number) },
        },
        knownState: true,
        maxReplicas: expect.any(Number),
      });
    },
  },
};

const apis = readdirSync(generatedDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

let scratch = "";
const projectDir = (): string => path.join(scratch, "app");
const testedApis = apis.filter((name) => consumers[name] !== undefined);

/**
 * Clients with paged lists (issue 21), generated from the vendored excerpts into the same project
 * and type-checked by every compiler below; test/e2e/pagination.test.ts runs them.
 */
const pagedClients: Record<string, { spec: string; source: string }> = {
  "paging-stripe": {
    spec: "test/fixtures/vendor/stripe/customers.json",
    source: `import { createClient, getCustomers, PaginationError, type GetCustomersResult, type Paged } from "./paging-stripe/index.js";
const stripe = createClient({ apiKey: "sk_test" });
const call: Paged<GetCustomersResult, GetCustomersResult["data"][number]> = getCustomers(stripe, { email: "ann@example.com", limit: 2 });
const first: GetCustomersResult = await call; // awaited: the first page, as before
const ids: string[] = first.data.map((customer) => customer.id);
try {
  for await (const customer of getCustomers(stripe, { limit: 100 }, { timeoutMs: 5_000 })) ids.push(customer.id);
} catch (error) {
  if (!(error instanceof PaginationError)) throw error;
}
for await (const page of getCustomers(stripe).pages()) if (!page.has_more) break;
console.log(ids.length);
`,
  },
  "paging-github": {
    spec: "test/fixtures/vendor/github/lists.json",
    source: `import { createClient, issuesListForRepo, type Issue } from "./paging-github/index.js";
const github = createClient({});
const issues: Issue[] = [];
for await (const issue of issuesListForRepo(github, { owner: "octo", repo: "hello", state: "open", perPage: 100 })) issues.push(issue);
const firstPage: Issue[] = await issuesListForRepo(github, { owner: "octo", repo: "hello" });
console.log(issues.length + firstPage.length);
`,
  },
  "paging-openai": {
    spec: "test/fixtures/vendor/openai/list-files.json",
    source: `import { createClient, listFiles, type OpenAIFile } from "./paging-openai/index.js";
const openai = createClient({ apiKey: "sk-test" });
const controller = new AbortController();
const files: OpenAIFile[] = [];
for await (const file of listFiles(openai, { purpose: "fine-tune" }, { signal: controller.signal })) files.push(file);
console.log(files.length);
`,
  },
  "paging-schemes": {
    spec: "test/fixtures/paging/schemes.yaml",
    source: `import { createClient, listCursorItems, listOffsetItems, listPageItems, listTags, listUrlItems, type Item } from "./paging-schemes/index.js";
const client = createClient({});
const items: Item[] = [];
for (const list of [listCursorItems, listOffsetItems, listPageItems, listUrlItems]) for await (const item of list(client, { q: "x" })) items.push(item);
const tags: string[] = await listTags(client); // not paged: a plain promise
console.log(items.length + tags.length);
`,
  },
};

// One consumer project for all APIs: src/<api>/ is the copied client, src/main-<api>.ts uses it.
beforeAll(async () => {
  scratch = mkdtempSync(path.join(os.tmpdir(), "consumer-"));
  const dir = projectDir();
  mkdirSync(path.join(dir, "src"), { recursive: true });
  writeJson(path.join(dir, "package.json"), { name: "consumer", private: true, type: "module" });
  for (const api of testedApis) {
    cpSync(path.join(generatedDir, api), path.join(dir, "src", api), { recursive: true });
    writeFileSync(path.join(dir, `src/main-${api}.ts`), consumers[api]!.source);
  }
  for (const [name, client] of Object.entries(pagedClients)) {
    const api = await generate(path.join(root, client.spec));
    mkdirSync(path.join(dir, "src", name));
    for (const file of api.files) writeFileSync(path.join(dir, "src", name, file.path), file.text);
    writeFileSync(path.join(dir, `src/main-${name}.ts`), client.source);
  }
  for (const check of checks) writeJson(path.join(dir, check.tsconfig), tsconfig(check));
  void compile(emitCheck); // first in the queue: the Prism tests wait for it
});

afterAll(() => {
  if (scratch !== "") rmSync(scratch, { recursive: true, force: true });
});

function tsconfig({ compiler, variant, emit }: Check): object {
  return {
    compilerOptions: {
      target: "ES2022",
      module: variant.module,
      moduleResolution: variant.moduleResolution,
      lib: variant.node ? ["ES2022"] : ["ES2022", "DOM"],
      // Browser-style: no Node typings at all. Node-only: the repo's @types/node.
      types: variant.node ? ["node"] : [],
      ...(variant.node ? { typeRoots: [path.join(root, "node_modules/@types")] } : {}),
      strict: true,
      exactOptionalPropertyTypes: true,
      noUncheckedIndexedAccess: true,
      verbatimModuleSyntax: true,
      isolatedModules: true,
      ...(compiler.knowsErasableSyntaxOnly ? { erasableSyntaxOnly: true } : {}),
      // Checks only the compiler's own lib files and @types/node (.d.ts), never the copied clients
      // (.ts), so false would prove nothing about them and double each compile's time.
      skipLibCheck: true,
      noUnusedLocals: true,
      noUnusedParameters: true,
      noImplicitReturns: true,
      noPropertyAccessFromIndexSignature: true,
      ...(emit ? { outDir: "dist", rootDir: "src" } : { noEmit: true }),
    },
    include: ["src"],
  };
}

function writeJson(file: string, value: object): void {
  writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}

// At most two child processes at once (the machine has two cores).
let running = 0;
const waiting: (() => void)[] = [];
async function limited<T>(task: () => Promise<T>): Promise<T> {
  if (running >= 2) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await task();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

interface Run {
  code: number;
  output: string;
  stdout: string;
}

function run(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<Run> {
  return new Promise((resolve) => {
    execFile(command, args, { ...options, timeout: 100_000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === "number" ? error.code : 1;
      resolve({ code, output: `${stdout}${stderr}${error?.killed ? "\n(killed: timed out)" : ""}`, stdout });
    });
  });
}

const compiles = new Map<Check, Promise<Run>>();
function compile(check: Check): Promise<Run> {
  let result = compiles.get(check);
  if (result === undefined) {
    // --listFiles: absolute paths, one a line, so the test can see what the program held.
    const args = [check.compiler.bin, "-p", check.tsconfig, "--pretty", "false", "--listFiles"];
    result = limited(() => run(process.execPath, args, { cwd: projectDir() }));
    compiles.set(check, result);
  }
  return result;
}

it("the compilers are the versions this test names", () => {
  for (const compiler of compilers) {
    const { version } = JSON.parse(readFileSync(path.join(root, "node_modules", compiler.packageDir, "package.json"), "utf8")) as { version: string };
    expect(`${version}.`.startsWith(`${compiler.name}.`), `${compiler.packageDir} is ${version}`).toBe(true);
  }
});

it("every API in generated/ has consumer code calling each of its exported operations", () => {
  expect(apis.length).toBeGreaterThan(0);
  for (const api of apis) {
    const consumer = consumers[api];
    expect(consumer, `no consumer code in test/consumer/consumer.test.ts for generated/${api}`).toBeDefined();
    const operations = readFileSync(path.join(generatedDir, api, "operations.ts"), "utf8");
    const exported = [...operations.matchAll(/^export (?:async )?function (\w+)/gm)].map((match) => match[1]!);
    expect(exported.length, `generated/${api}/operations.ts exports no operation`).toBeGreaterThan(0);
    for (const name of exported) expect(consumer?.source, `${api}: ${name} is never called`).toContain(`await ${name}(`);
  }
});

for (const check of checks) {
  const what = `${check.variant.name}${check.emit ? ", emitting JavaScript" : ""}`;
  it.concurrent(`the copied clients type-check with TypeScript ${check.compiler.name} (${what})`, async () => {
    const result = await compile(check);
    const lines = result.output.split("\n").filter((line) => line !== "");
    const files = lines.filter((line) => path.isAbsolute(line)).map((file) => file.replaceAll("\\", "/"));
    const diagnostics = lines.filter((line) => !path.isAbsolute(line)).join("\n");
    expect(diagnostics).toBe("");
    expect(result.code).toBe(0);
    // The program held every copied file, and Node's typings and the DOM lib exactly as intended.
    for (const api of testedApis) {
      for (const file of readdirSync(path.join(generatedDir, api)).filter((name) => name.endsWith(".ts"))) {
        expect(files.some((listed) => listed.endsWith(`/src/${api}/${file}`)), `src/${api}/${file} not compiled`).toBe(true);
      }
    }
    for (const name of Object.keys(pagedClients)) {
      for (const file of ["paging.ts", "operations.ts"]) {
        expect(files.some((listed) => listed.endsWith(`/src/${name}/${file}`)), `src/${name}/${file} not compiled`).toBe(true);
      }
    }
    expect(files.some((file) => file.includes("/@types/node/"))).toBe(check.variant.node);
    expect(files.some((file) => file.endsWith("/lib.dom.d.ts"))).toBe(!check.variant.node);
  });
}

for (const api of testedApis) {
  it.concurrent(`${api}: compiled with TypeScript 5.9 (NodeNext), runs under plain node against Prism`, async () => {
    const starting = loadApi(path.join(root, "specs", api)).then((loaded) => startPrism(loaded.bundled));
    starting.catch(() => undefined); // awaited below; this only keeps an early failure from going unhandled
    try {
      const compiled = await compile(emitCheck);
      expect(compiled.code, compiled.output).toBe(0);
      const server = await starting;
      const result = await limited(() =>
        run(process.execPath, [`dist/main-${api}.js`], {
          cwd: projectDir(),
          env: { PATH: process.env.PATH, CONSUMER_BASE_URL: server.baseUrl, [`${api.toUpperCase()}_API_KEY`]: "test-key" },
        }),
      );
      expect(result.code, result.output).toBe(0);
      const lines = result.stdout.trim().split("\n");
      expect(lines, result.output).toHaveLength(1);
      consumers[api]!.run(JSON.parse(lines[0]!) as Record<string, unknown>);
    } finally {
      await starting.then((server) => server.stop(), () => undefined);
    }
  });
}
