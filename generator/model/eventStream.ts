import type { EventStreamModel, NamedTypeDraft, TypeModel } from "./apiModel.js";

/** The fields of one server-sent event (WHATWG HTML, "Server-sent events", interpreting an event stream). */
const eventFields = new Set(["event", "data", "id", "retry"]);

/** One alternative of an event-describing schema: its `data` type and the `event` names it gives (none: any). */
interface EventBranch {
  data: TypeModel;
  names: string[];
}

/**
 * What a `text/event-stream` schema says each yielded event holds. A schema may describe the
 * payload (each event's `data`, the common reading, kept: `undefined`) or the event itself, as
 * Together's does (`oneOf: [{ data: Chunk }, { data: "[DONE]" }]`): an object whose only
 * properties are the event's fields, `data` among them, or a `oneOf`/`anyOf` of such objects.
 * Then `type` is the union of the branches' `data`; a branch that names no event and whose `data`
 * is a string constant is the end-of-stream sentinel, not yielded; branches naming their `event` keep it, to narrow `data`.
 */
export function eventStream(type: TypeModel, types: readonly NamedTypeDraft[]): { type: TypeModel; eventStream: EventStreamModel } | undefined {
  const byName = new Map(types.map((named) => [named.name, named.type]));
  const branches = eventBranches(resolve(type, byName), byName);
  if (branches === undefined) return undefined;
  const sentinels: string[] = [];
  const yielded: EventBranch[] = [];
  for (const branch of branches) {
    const constant = stringConstants(resolve(branch.data, byName));
    // A constant `data` under a named event (`{ event: "ping", data: "ping" }`) is an event like any other.
    if (constant === undefined || branch.names.length > 0) yielded.push(branch);
    else sentinels.push(...constant.filter((value) => !sentinels.includes(value)));
  }
  const named = yielded.some((branch) => branch.names.length > 0);
  return {
    type: unionOf(yielded.map((branch) => branch.data)),
    eventStream: { sentinels, ...(named ? { events: yielded } : {}) },
  };
}

function eventBranches(type: TypeModel, byName: ReadonlyMap<string, TypeModel>): EventBranch[] | undefined {
  if (type.kind === "object") {
    const branch = eventBranch(type, byName);
    return branch === undefined ? undefined : [branch];
  }
  if (type.kind !== "union") return undefined;
  const branches: EventBranch[] = [];
  for (const member of type.members) {
    const resolved = resolve(member, byName);
    const branch = resolved.kind === "object" ? eventBranch(resolved, byName) : undefined;
    if (branch === undefined) return undefined;
    branches.push(branch);
  }
  return branches;
}

function eventBranch(type: Extract<TypeModel, { kind: "object" }>, byName: ReadonlyMap<string, TypeModel>): EventBranch | undefined {
  const data = type.properties.find((property) => property.key === "data");
  if (data === undefined || type.properties.some((property) => !eventFields.has(property.key))) return undefined;
  const event = type.properties.find((property) => property.key === "event");
  const names = event === undefined ? [] : (stringConstants(resolve(event.type, byName)) ?? []);
  return { data: data.type, names };
}

/** The values of an enum (or const) of strings only; anything else is not a constant here. */
function stringConstants(type: TypeModel): string[] | undefined {
  if (type.kind !== "enum") return undefined;
  const values = type.members.map((member) => member.value);
  return values.every((value) => typeof value === "string") ? (values as string[]) : undefined;
}

/** Follows named types to what they declare; a cycle of names stops at its first repeat. */
function resolve(type: TypeModel, byName: ReadonlyMap<string, TypeModel>): TypeModel {
  const seen = new Set<string>();
  let current = type;
  while (current.kind === "ref" && !seen.has(current.name)) {
    seen.add(current.name);
    const target = byName.get(current.name);
    if (target === undefined) return current;
    current = target;
  }
  return current;
}

function unionOf(members: TypeModel[]): TypeModel {
  const unique = members.filter((member, index) => members.findIndex((other) => JSON.stringify(other) === JSON.stringify(member)) === index);
  if (unique.length === 0) return { kind: "never" };
  return unique.length === 1 ? unique[0]! : { kind: "union", members: unique };
}
