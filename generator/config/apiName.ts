import path from "node:path";

/** An API's name: its spec folder's name, or the spec file's name without extension. */
export function apiNameOf(specPath: string): string {
  return path.basename(path.resolve(specPath)).replace(/\.(ya?ml|json)$/i, "");
}
