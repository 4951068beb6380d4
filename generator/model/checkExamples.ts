import type { SpecWarning } from "../shared/specError.js";
import { isJsonObject } from "../load/walkJson.js";
import type { ExampleModel, NamedTypeDraft, TypeModel } from "./apiModel.js";
import { assertNever } from "../shared/assertNever.js";

/** Examples that contradict their own schema: one warning per example, naming the first mismatches. */
export function checkExamples(examples: readonly ExampleModel[], types: readonly NamedTypeDraft[]): SpecWarning[] {
  const named = new Map(types.map((type) => [type.name, type.type]));
  return examples.flatMap((example) => {
    const problems = mismatches(example.value, example.type, { named, at: "", depth: 0 });
    if (problems.length === 0) return [];
    const shown = problems.slice(0, 3).join("; ") + (problems.length > 3 ? ` (+${problems.length - 3} more)` : "");
    return [{ location: example.location, message: `example contradicts its schema: ${shown}` }];
  });
}

interface Walk {
  named: Map<string, TypeModel>;
  /** JSON pointer into the example value. */
  at: string;
  depth: number;
}

function mismatches(value: unknown, type: TypeModel, walk: Walk): string[] {
  if (walk.depth > 64) return [];
  const here = walk.at === "" ? "(root)" : walk.at;
  switch (type.kind) {
    case "unknown":
    case "binary":
      return [];
    case "never":
      return [`${here}: no value is allowed here`];
    case "tuple":
      return tupleMismatches(value, type, walk);
    case "record": {
      if (!isJsonObject(value)) return [`${here}: ${describe(value)} is not an object`];
      return Object.entries(value).flatMap(([key, item]) => [
        ...mismatches(key, type.keys, child(walk, key)).map(() => `${here}: property "${key}" is not an allowed name`),
        ...mismatches(item, type.values, child(walk, key)),
      ]);
    }
    case "primitive":
      return primitiveMatches(value, type.name) ? [] : [`${here}: ${describe(value)} is not a ${type.name}`];
    case "enum": {
      if (type.members.some((member) => member.value === value)) return [];
      const allowed = type.members.map((member) => JSON.stringify(member.value)).join(", ");
      return [`${here}: ${describe(value)} is not one of ${allowed}`];
    }
    case "array":
      if (!Array.isArray(value)) return [`${here}: ${describe(value)} is not an array`];
      return value.flatMap((item, index) => mismatches(item, type.items, child(walk, index)));
    case "object":
      return objectMismatches(value, type, walk);
    case "union": {
      const results = type.members.map((member) => mismatches(value, member, walk));
      return results.some((result) => result.length === 0) ? [] : [`${here}: matches none of the alternatives`];
    }
    case "intersection":
      return type.members.flatMap((member) => mismatches(value, member, walk));
    case "nullable":
      return value === null ? [] : mismatches(value, type.type, walk);
    case "requiredKeys": {
      // The values are checked by the member that declares them; here only their presence.
      const missing = isJsonObject(value) ? type.keys.filter((key) => !Object.hasOwn(value, key)) : [];
      return missing.map((key) => `${walk.at || "(root)"}: required property "${key}" is missing`);
    }
    case "ref": {
      const target = walk.named.get(type.name);
      return target === undefined ? [] : mismatches(value, target, { ...walk, depth: walk.depth + 1 });
    }
    default:
      return assertNever(type);
  }
}

function objectMismatches(value: unknown, type: Extract<TypeModel, { kind: "object" }>, walk: Walk): string[] {
  if (!isJsonObject(value)) return [`${walk.at || "(root)"}: ${describe(value)} is not an object`];
  const problems: string[] = [];
  for (const property of type.properties) {
    if (!Object.hasOwn(value, property.key)) {
      if (property.required) problems.push(`${walk.at || "(root)"}: required property "${property.key}" is missing`);
      continue;
    }
    problems.push(...mismatches(value[property.key], property.type, child(walk, property.key)));
  }
  const declared = new Set(type.properties.map((property) => property.key));
  for (const key of Object.keys(value).filter((key) => !declared.has(key))) {
    const extra = type.additionalProperties;
    if (extra === "forbidden") problems.push(`${walk.at || "(root)"}: property "${key}" is not allowed`);
    else if (extra !== "unspecified") problems.push(...mismatches(value[key], extra, child(walk, key)));
  }
  return problems;
}

function tupleMismatches(value: unknown, type: Extract<TypeModel, { kind: "tuple" }>, walk: Walk): string[] {
  const here = walk.at === "" ? "(root)" : walk.at;
  if (!Array.isArray(value)) return [`${here}: ${describe(value)} is not an array`];
  if (value.length < type.minItems) return [`${here}: needs at least ${type.minItems} items`];
  if (type.rest === null && value.length > type.items.length) return [`${here}: allows at most ${type.items.length} items`];
  return value.flatMap((item, index) => {
    const itemType = type.items[index] ?? type.rest;
    return itemType === undefined || itemType === null ? [] : mismatches(item, itemType, child(walk, index));
  });
}

function primitiveMatches(value: unknown, name: "string" | "number" | "boolean" | "null"): boolean {
  return name === "null" ? value === null : typeof value === name;
}

function child(walk: Walk, token: string | number): Walk {
  return { ...walk, at: `${walk.at}/${String(token).replaceAll("~", "~0").replaceAll("/", "~1")}` };
}

function describe(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

