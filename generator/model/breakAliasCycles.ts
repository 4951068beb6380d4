import type { SpecWarning } from "../shared/specError.js";
import type { NamedTypeDraft, TypeModel } from "./apiModel.js";
import { mapTypeChildren, typeChildren } from "./walkTypeModel.js";

/**
 * TypeScript resolves a type alias eagerly through unions, intersections and nullability, so
 * `type A = B | null; type B = A | string` does not compile. References inside objects, arrays
 * and tuples are deferred and fine. Each such cycle is broken at one edge: the reference becomes
 * `unknown`, with a warning.
 */
export function breakAliasCycles(types: NamedTypeDraft[], warnings: SpecWarning[]): NamedTypeDraft[] {
  const byName = new Map(types.map((named) => [named.name, named]));
  const state = new Map<string, "visiting" | "done">();
  const broken = new Map<string, Set<string>>();
  const visit = (name: string): void => {
    state.set(name, "visiting");
    for (const target of directRefs(byName.get(name)?.type)) {
      if (state.get(target) === "visiting") {
        broken.set(name, (broken.get(name) ?? new Set()).add(target));
        warnings.push({
          location: byName.get(name)!.location,
          message: `type ${name} refers to ${target} in a cycle TypeScript cannot express; that reference is typed as unknown`,
        });
      } else if (!state.has(target) && byName.has(target)) visit(target);
    }
    state.set(name, "done");
  };
  for (const named of types) if (!state.has(named.name)) visit(named.name);
  return types.map((named) => {
    const targets = broken.get(named.name);
    return targets === undefined ? named : { ...named, type: withoutDirectRefs(named.type, targets) };
  });
}

/** Kinds TypeScript resolves eagerly: a reference inside one is direct. Objects, arrays, tuples and records defer theirs. */
function isEager(type: TypeModel): boolean {
  return type.kind === "nullable" || type.kind === "union" || type.kind === "intersection";
}

/** References TypeScript must resolve immediately: not behind an object, array, tuple or record. */
function directRefs(type: TypeModel | undefined): string[] {
  if (type === undefined) return [];
  if (type.kind === "ref") return [type.name];
  return isEager(type) ? typeChildren(type).flatMap(directRefs) : [];
}

function withoutDirectRefs(type: TypeModel, targets: Set<string>): TypeModel {
  if (type.kind === "ref") return targets.has(type.name) ? { kind: "unknown" } : type;
  if (!isEager(type)) return type;
  const mapped = mapTypeChildren(type, (child) => withoutDirectRefs(child, targets));
  // `unknown | X` is `unknown`; say so plainly.
  return mapped.kind === "union" && mapped.members.some((member) => member.kind === "unknown") ? { kind: "unknown" } : mapped;
}
