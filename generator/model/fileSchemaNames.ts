import type { FileSchema } from "../load/fileSchema.js";
import { toTypeScriptIdentifier } from "../naming/identifiers.js";

interface Candidate {
  component: string;
  base: string;
  folders: readonly string[];
}

/**
 * The type name wanted for each schema hoisted from a file: its title or file name, as the spec's
 * author knows it. Files that would share a name (`shared/models/action.yml`,
 * `resources/volumes/models/action.yml`) are all qualified by the nearest folder that tells them
 * apart (`SharedAction`, `VolumesAction`), whichever the spec happens to use first; whatever
 * still collides is numbered by the name scope.
 */
export function fileSchemaNames(fileSchemas: ReadonlyMap<string, FileSchema>): Map<string, string> {
  const groups = new Map<string, Candidate[]>();
  for (const [component, schema] of fileSchemas) {
    if (schema.hint === undefined) continue;
    const base = toTypeScriptIdentifier(schema.hint, "pascal");
    groups.set(base, [...(groups.get(base) ?? []), { component, base, folders: schema.folders }]);
  }
  const names = new Map<string, string>();
  for (const group of groups.values()) {
    const depth = distinguishingDepth(group);
    for (const { component, base, folders } of group) {
      const folder = depth === undefined ? undefined : folders[depth];
      names.set(component, folder === undefined ? base : toTypeScriptIdentifier(`${folder} ${base}`, "pascal"));
    }
  }
  return names;
}

/** How many folders up the files of a group first differ (none for a group of one). */
function distinguishingDepth(group: readonly Candidate[]): number | undefined {
  if (group.length < 2) return undefined;
  const deepest = Math.max(...group.map((candidate) => candidate.folders.length));
  for (let depth = 0; depth < deepest; depth++) {
    if (new Set(group.map((candidate) => candidate.folders[depth])).size > 1) return depth;
  }
  return undefined;
}
