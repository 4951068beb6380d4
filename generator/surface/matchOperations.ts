import type { OperationSurface } from "./apiSurface.js";

/**
 * Pairs each old operation with its new self: first the same function on the same route, then
 * the same route under another name (a rename), then the same name on another route (a move).
 * Stream twins share a route, so a route alone is not enough to tell operations apart.
 */
export function matchOperations(
  before: readonly OperationSurface[],
  after: readonly OperationSurface[],
): Map<OperationSurface, OperationSurface> {
  const matches = new Map<OperationSurface, OperationSurface>();
  const taken = new Set<OperationSurface>();
  const rules = [
    (a: OperationSurface, b: OperationSurface) => a.name === b.name && sameRoute(a, b),
    sameRoute,
    (a: OperationSurface, b: OperationSurface) => a.name === b.name,
  ];
  for (const rule of rules) {
    for (const old of before) {
      if (matches.has(old)) continue;
      const now = after.find((candidate) => !taken.has(candidate) && rule(old, candidate));
      if (now === undefined) continue;
      matches.set(old, now);
      taken.add(now);
    }
  }
  return matches;
}

function sameRoute(a: OperationSurface, b: OperationSurface): boolean {
  return a.method === b.method && a.path === b.path;
}
