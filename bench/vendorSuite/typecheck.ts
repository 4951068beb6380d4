/**
 * Type-checks the vendor's copied test files against the generated client (the SDK's package name
 * mapped to `<client>/index.ts` through `paths`), with the repo's TypeScript. vitest, like the SDK's
 * own jest setup (`@swc/jest`), strips types without checking them, so this is the only place a call
 * the client's types reject shows up. Each diagnostic is given to the test whose lines hold it.
 */
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import type { VendorTest } from "./sdk.js";

const repoDir = resolve(import.meta.dirname, "../..");

export interface TypeDiagnostic {
  /** path inside the SDK, as `VendorTest.file` */
  file: string;
  line: number;
  code: string;
  message: string;
  /** the test holding the line, if any (else the file's top lines: imports, the client) */
  test: string | undefined;
}

export function typecheckVendorTests(work: string, aliases: Map<string, string>, tests: VendorTest[]): { diagnostics: TypeDiagnostic[]; seconds: number } {
  const vitestGlobals = join(repoDir, "node_modules/vitest/globals.d.ts");
  writeFileSync(join(work, "globals.d.ts"), `/// <reference path=${JSON.stringify(vitestGlobals)} />\n`);
  const tsconfig = {
    compilerOptions: {
      target: "ES2022",
      lib: ["ES2022", "DOM", "DOM.Iterable"],
      module: "ESNext",
      moduleResolution: "Bundler",
      strict: true,
      skipLibCheck: true,
      noEmit: true,
      types: ["node"],
      typeRoots: [join(repoDir, "node_modules/@types")],
      paths: Object.fromEntries([...aliases].map(([specifier, file]) => [specifier, [file]])),
    },
    files: ["globals.d.ts", ...new Set(tests.map((test) => test.file))],
  };
  writeFileSync(join(work, "tsconfig.tests.json"), JSON.stringify(tsconfig, null, 2));

  const started = performance.now();
  const tsc = join(repoDir, "node_modules/typescript/bin/tsc");
  const result = spawnSync(process.execPath, [tsc, "-p", join(work, "tsconfig.tests.json"), "--pretty", "false"], { cwd: work, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const seconds = (performance.now() - started) / 1000;

  const diagnostics: TypeDiagnostic[] = [];
  for (const match of `${result.stdout}`.matchAll(/^(.+?)\((\d+),\d+\): error (TS\d+): (.*)$/gm)) {
    const file = relative(work, resolve(work, match[1]!)).split("\\").join("/");
    const line = Number(match[2]);
    diagnostics.push({ file, line, code: match[3]!, message: match[4]!, test: testAt(tests, file, line)?.name });
  }
  if (result.status !== 0 && diagnostics.length === 0) throw new Error(`tsc failed without diagnostics:\n${result.stdout}${result.stderr}`);
  return { diagnostics, seconds };
}

/** The last test of `file` that starts at or above `line`. */
function testAt(tests: VendorTest[], file: string, line: number): VendorTest | undefined {
  return tests.filter((test) => test.file === file && test.line <= line).at(-1);
}
