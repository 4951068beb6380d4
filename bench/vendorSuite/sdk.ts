/**
 * The vendor SDK's side of `../vendorSdkSuite.ts`: its test files, its `api.md` (and any per-resource
 * `api.md` it links to) and the spec its `scripts/mock` embeds, read from a bare git directory (a local
 * mirror) and written into the run's temporary folder. Nothing of it ever lands in this repository.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, posix } from "node:path";
import { gunzipSync } from "node:zlib";

export interface VendorTest {
  /** path inside the SDK, e.g. `tests/api-resources/chat/completions.test.ts` */
  file: string;
  /** `describe > test`, as vitest names it */
  name: string;
  line: number;
  skipped: boolean;
}

export interface VendorSdk {
  commit: string;
  testFiles: string[];
  tests: VendorTest[];
  /** every module specifier the test files import, with the names imported from it */
  imports: Map<string, Set<string>>;
  /** the `api.md` files copied (the root one first) */
  apiMds: string[];
  /** the spec extracted from `scripts/mock`, in the temporary folder */
  specFile: string;
}

const testsDir = "tests/api-resources";

/** Copies what the suite needs from the SDK at `gitDir` (HEAD) into `work`. */
export function copyVendorSdk(gitDir: string, work: string): VendorSdk {
  const git = (...args: string[]) => execFileSync("git", ["-C", gitDir, ...args], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024, stdio: ["ignore", "pipe", "pipe"] });
  const show = (file: string) => git("show", `HEAD:${file}`);
  const write = (file: string, text: string) => {
    mkdirSync(dirname(join(work, file)), { recursive: true });
    writeFileSync(join(work, file), text);
  };

  const testFiles = git("ls-tree", "-r", "--name-only", "HEAD", testsDir)
    .split("\n")
    .filter((file) => file.endsWith(".test.ts"));
  const tests: VendorTest[] = [];
  const imports = new Map<string, Set<string>>();
  for (const file of testFiles) {
    const text = show(file);
    write(file, text);
    tests.push(...testsIn(file, text));
    for (const [specifier, names] of importsIn(text)) {
      const known = imports.get(specifier) ?? new Set<string>();
      names.forEach((name) => known.add(name));
      imports.set(specifier, known);
    }
  }

  const apiMds = linkedApiMds(show, (file) => git("cat-file", "-e", `HEAD:${file}`) === "");
  for (const file of apiMds) write(file, show(file));

  const spec = embeddedSpec(show("scripts/mock"));
  const specFile = join(work, spec.trimStart().startsWith("{") ? "spec.json" : "spec.yaml");
  writeFileSync(specFile, spec);

  return { commit: git("rev-parse", "--short", "HEAD").trim(), testFiles, tests, imports, apiMds, specFile };
}

/** `EMBEDDED_SPEC="…"` in `scripts/mock`: base64 of a gzip of the spec. */
export function embeddedSpec(mockScript: string): string {
  const match = /^\s*EMBEDDED_SPEC="([A-Za-z0-9+/=\s]+)"\s*$/m.exec(mockScript);
  if (match === null) throw new Error("scripts/mock has no EMBEDDED_SPEC=\"…\" line");
  return gunzipSync(Buffer.from(match[1]!, "base64")).toString("utf8");
}

/**
 * The tests of one Stainless-generated file: `describe('…', () => { test('…', …) })`, one level deep,
 * single-quoted titles (prettier's style there). Used to count the tests of a file that does not load.
 */
export function testsIn(file: string, text: string): VendorTest[] {
  const tests: VendorTest[] = [];
  const describes: string[] = [];
  text.split("\n").forEach((line, index) => {
    const describe = /^\s*describe\(\s*'((?:[^'\\]|\\.)*)'/.exec(line);
    if (describe !== null) describes.push(unquote(describe[1]!));
    const test = /^\s*(?:test|it)(\.skip)?\(\s*'((?:[^'\\]|\\.)*)'/.exec(line);
    if (test !== null) tests.push({ file, name: [...describes.slice(-1), unquote(test[2]!)].join(" > "), line: index + 1, skipped: test[1] !== undefined });
  });
  return tests;
}

const unquote = (text: string) => text.replace(/\\(.)/g, "$1");

/** `import Default, { a, b } from 'x'` -> x: [default, a, b] */
export function importsIn(text: string): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  for (const match of text.matchAll(/^import\s+(?:type\s+)?(.*?)\s+from\s+'([^']+)';?$/gms)) {
    const clause = match[1]!;
    const names = new Set<string>();
    const braces = /\{([^}]*)\}/.exec(clause);
    braces?.[1]!.split(",").map((name) => name.trim().split(/\s+as\s+/)[0]!).filter(Boolean).forEach((name) => names.add(name));
    const outside = clause.replace(/\{[^}]*\}/, "").replace(/,/g, " ").trim();
    if (outside.startsWith("* as ")) names.add("*");
    else if (outside !== "") names.add("default");
    found.set(match[2]!, names);
  }
  return found;
}

/** `api.md` and every `…/api.md` it links to (transitively), as Stainless splits a large SDK's reference. */
function linkedApiMds(show: (file: string) => string, exists: (file: string) => boolean): string[] {
  const seen = ["api.md"];
  for (let i = 0; i < seen.length; i++) {
    const from = seen[i]!;
    for (const link of show(from).matchAll(/\]\(([^)#\s]+\.md)\)|href="([^"#]+\.md)"/g)) {
      const href = link[1] ?? link[2]!;
      const file = posix.normalize(posix.join(posix.dirname(from), href));
      if (!file.startsWith("..") && !seen.includes(file) && safeExists(exists, file)) seen.push(file);
    }
  }
  return seen;
}

function safeExists(exists: (file: string) => boolean, file: string): boolean {
  try {
    return exists(file);
  } catch {
    return false;
  }
}
