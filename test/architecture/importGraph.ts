/**
 * The generator's import graph, read from source text with TypeScript's own pre-processor, so
 * type-only imports, re-exports and dynamic `import()`s all count as edges.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { ts } from "ts-morph";

export interface ModuleImports {
  /** Modules of the repo this one imports, as repo-relative paths. */
  modules: string[];
  /** Packages it imports (`node:` built-ins left out), by package name. */
  packages: string[];
}

/** Every `.ts`/`.mjs` module under `folders` (repo-relative), with what it imports. */
export function importGraph(root: string, folders: readonly string[]): Map<string, ModuleImports> {
  const files = folders.flatMap((folder) => sourceFiles(root, folder));
  const known = new Set(files);
  const graph = new Map<string, ModuleImports>();
  for (const file of files) {
    const specifiers = ts.preProcessFile(readFileSync(path.join(root, file), "utf8"), true, true).importedFiles.map((entry) => entry.fileName);
    const modules = specifiers.filter((specifier) => specifier.startsWith(".")).map((specifier) => resolveModule(file, specifier));
    const unknown = modules.filter((module) => !known.has(module));
    if (unknown.length > 0) throw new Error(`${file} imports modules that do not exist: ${unknown.join(", ")}`);
    const packages = specifiers.filter((specifier) => !specifier.startsWith(".") && !specifier.startsWith("node:")).map(packageName);
    graph.set(file, { modules: [...new Set(modules)], packages: [...new Set(packages)] });
  }
  return graph;
}

/** Each set of modules that import each other in a circle (a module importing itself counts), as sorted lists. */
export function findCycles(edges: ReadonlyMap<string, readonly string[]>): string[][] {
  // Tarjan's strongly connected components, iterative over a plain index so deep graphs cannot overflow.
  const index = new Map<string, number>();
  const lowLink = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, index.size);
    lowLink.set(node, index.get(node)!);
    stack.push(node);
    onStack.add(node);
    for (const next of edges.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        lowLink.set(node, Math.min(lowLink.get(node)!, lowLink.get(next)!));
      } else if (onStack.has(next)) {
        lowLink.set(node, Math.min(lowLink.get(node)!, index.get(next)!));
      }
    }
    if (lowLink.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || (edges.get(node) ?? []).includes(node)) cycles.push(component.sort());
  };
  for (const node of [...edges.keys()].sort()) if (!index.has(node)) visit(node);
  return cycles;
}

/** A module's stage: its folder below the top folder (`generator/load/x.ts` -> `load/`), else its own name (`generate.ts`). */
export function stageOf(file: string): string {
  const [top, ...rest] = file.split("/");
  if (rest.length === 0) return file;
  if (top === "templates") return "templates/";
  return rest.length === 1 ? rest[0]! : `${rest[0]}/`;
}

function sourceFiles(root: string, folder: string): string[] {
  return readdirSync(path.join(root, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ts|mts|mjs)$/.test(entry.name))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort();
}

/** `./x.js` written in `a/b.ts` -> `a/x.ts` (the repo's sources import TypeScript files by their `.js` name). */
function resolveModule(file: string, specifier: string): string {
  const resolved = path.posix.join(path.posix.dirname(file), specifier);
  return resolved.endsWith(".js") ? `${resolved.slice(0, -3)}.ts` : resolved;
}

function packageName(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]!;
}
