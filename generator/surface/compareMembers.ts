import { toPropertyKey } from "../naming/identifiers.js";
import { breaksCallers } from "./breaksCallers.js";
import { codeSpan } from "./codeSpan.js";
import type { SurfaceChange } from "./surfaceChange.js";
import { typeTextChange } from "./typeTextChange.js";
import type { TypeSide } from "./typeSides.js";

/** An operation's parameter or an interface's property: what a caller writes or reads by name. */
export interface Member {
  name: string;
  required: boolean;
  type: string;
}

export interface MemberOwner {
  /** Picks the change kinds and the wording. */
  noun: "parameter" | "property";
  /** The operation or type the members belong to. */
  name: string;
  /** Parameters are always "request". */
  side: TypeSide;
  /** Appended to each message, e.g. " (sent in requests)". */
  note: string;
}

/** Members matched by name: removed and changed ones in old order, then added ones in new order. */
export function compareMembers(before: readonly Member[], after: readonly Member[], owner: MemberOwner): SurfaceChange[] {
  const next = new Map(after.map((member) => [member.name, member]));
  const old = new Set(before.map((member) => member.name));
  return [
    ...before.flatMap((member) => {
      const now = next.get(member.name);
      return now === undefined ? [removed(member, owner)] : changed(member, now, owner);
    }),
    ...after.filter((member) => !old.has(member.name)).map((member) => added(member, owner)),
  ];
}

/** Always breaking: callers reading it lose it, callers passing it get an excess-property error. */
function removed(member: Member, owner: MemberOwner): SurfaceChange {
  return change(owner, member, `${owner.noun}-removed`, true, `${owner.noun} ${label(member)} removed`);
}

/** A required member narrows what callers may send; an optional one never breaks. */
function added(member: Member, owner: MemberOwner): SurfaceChange {
  const breaking = member.required && breaksCallers("narrowed", owner.side);
  const presence = member.required ? "required" : "optional";
  return change(owner, member, `${owner.noun}-added`, breaking, `${presence} ${owner.noun} ${label(member)} added`);
}

function changed(before: Member, after: Member, owner: MemberOwner): SurfaceChange[] {
  const changes: SurfaceChange[] = [];
  if (before.required !== after.required) {
    // Required narrows what callers may send; optional widens what they may receive (`T | undefined`).
    const breaking = breaksCallers(after.required ? "narrowed" : "widened", owner.side);
    const presence = after.required ? "required" : "optional";
    changes.push(change(owner, after, `${owner.noun}-${presence}`, breaking, `${owner.noun} ${label(after)} became ${presence}`));
  }
  const direction = typeTextChange(before.type, after.type);
  if (direction !== undefined) {
    const detail = `${owner.noun} ${label(after)} type ${direction}: ${codeSpan(before.type)} → ${codeSpan(after.type)}`;
    changes.push(change(owner, after, `${owner.noun}-type`, breaksCallers(direction, owner.side), detail));
  }
  return changes;
}

function change(owner: MemberOwner, member: Member, kind: SurfaceChange["kind"], breaking: boolean, detail: string): SurfaceChange {
  return { kind, breaking, subject: `${owner.name}.${member.name}`, message: `${codeSpan(owner.name)}: ${detail}${owner.note}` };
}

function label(member: Member): string {
  return codeSpan(toPropertyKey(member.name));
}
