import { toLiteral } from "../emit/escape.js";
import { assertNever } from "../shared/assertNever.js";
import type { TypeSurface } from "./apiSurface.js";
import { breaksCallers, mergeSides } from "./breaksCallers.js";
import { codeSpan } from "./codeSpan.js";
import { compareMembers } from "./compareMembers.js";
import type { SurfaceChange } from "./surfaceChange.js";
import type { TypeSide } from "./typeSides.js";
import { typeTextChange } from "./typeTextChange.js";

/** Removed and changed named types in old order, then added ones in new order. */
export function compareTypes(before: readonly TypeSurface[], after: readonly TypeSurface[]): SurfaceChange[] {
  const next = new Map(after.map((type) => [type.name, type]));
  const old = new Set(before.map((type) => type.name));
  return [
    ...before.flatMap((type) => {
      const now = next.get(type.name);
      return now === undefined ? [typeChange("type-removed", true, type.name, `type ${codeSpan(type.name)} removed`)] : changed(type, now);
    }),
    ...after
      .filter((type) => !old.has(type.name))
      .map((type) => typeChange("type-added", false, type.name, `type ${codeSpan(type.name)} added`)),
  ];
}

function changed(before: TypeSurface, after: TypeSurface): SurfaceChange[] {
  // Judged by every way the type travels, before or after: a type newly sent in requests is held to request rules.
  const side = mergeSides(before.side, after.side);
  if (before.kind !== after.kind) {
    return [
      typeChange(
        "type-kind",
        true,
        after.name,
        `type ${codeSpan(after.name)} changed from ${before.kind} to ${after.kind}${sideNote(side)}`,
      ),
    ];
  }
  switch (after.kind) {
    case "interface":
      return compareInterfaces(before as typeof after, after, side);
    case "enum":
      return compareEnums(before as typeof after, after, side);
    case "alias":
      return compareAliases(before as typeof after, after, side);
    default:
      return assertNever(after);
  }
}

type Interface = Extract<TypeSurface, { kind: "interface" }>;

function compareInterfaces(before: Interface, after: Interface, side: TypeSide): SurfaceChange[] {
  const owner = { noun: "property", name: after.name, side, note: sideNote(side) } as const;
  return [...compareMembers(before.properties, after.properties, owner), ...compareIndexSignatures(before, after, side)];
}

/** An index signature admits extra keys: gaining one never breaks; losing one breaks callers using such keys. */
function compareIndexSignatures(before: Interface, after: Interface, side: TypeSide): SurfaceChange[] {
  const subject = `${after.name}[key: string]`;
  const label = `${codeSpan(after.name)}: index signature`;
  const { indexSignature: old } = before;
  const { indexSignature: now } = after;
  if (old === now) return [];
  if (old === undefined)
    return [typeChange("property-added", false, subject, `${label} ${codeSpan(`[key: string]: ${now}`)} added${sideNote(side)}`)];
  if (now === undefined)
    return [typeChange("property-removed", true, subject, `${label} ${codeSpan(`[key: string]: ${old}`)} removed${sideNote(side)}`)];
  const direction = typeTextChange(old, now);
  if (direction === undefined) return [];
  const message = `${label} type ${direction}: ${codeSpan(old)} → ${codeSpan(now)}${sideNote(side)}`;
  return [typeChange("property-type", breaksCallers(direction, side), subject, message)];
}

type Enum = Extract<TypeSurface, { kind: "enum" }>;

/**
 * A new value widens the type: harmless for values callers send (what they sent before is still
 * valid), breaking for values they receive (an exhaustive `switch` or a `Record<Enum, …>` no
 * longer covers every value). A removed value narrows it: breaking for values callers send
 * (code sending it stops compiling), harmless for values they receive.
 */
function compareEnums(before: Enum, after: Enum, side: TypeSide): SurfaceChange[] {
  const old = new Set(before.values.map(toLiteral));
  const next = new Set(after.values.map(toLiteral));
  const value = (literal: string, what: string) => `${codeSpan(after.name)}: value ${codeSpan(literal)} ${what}${sideNote(side)}`;
  return [
    ...[...old]
      .filter((literal) => !next.has(literal))
      .map((literal) => typeChange("enum-value-removed", breaksCallers("narrowed", side), after.name, value(literal, "removed"))),
    ...[...next]
      .filter((literal) => !old.has(literal))
      .map((literal) => typeChange("enum-value-added", breaksCallers("widened", side), after.name, value(literal, "added"))),
  ];
}

type Alias = Extract<TypeSurface, { kind: "alias" }>;

function compareAliases(before: Alias, after: Alias, side: TypeSide): SurfaceChange[] {
  const direction = typeTextChange(before.type, after.type);
  if (direction === undefined) return [];
  const message = `type ${codeSpan(after.name)} ${direction}: ${codeSpan(before.type)} → ${codeSpan(after.type)}${sideNote(side)}`;
  return [typeChange("type-text", breaksCallers(direction, side), after.name, message)];
}

function typeChange(kind: SurfaceChange["kind"], breaking: boolean, subject: string, message: string): SurfaceChange {
  return { kind, breaking, subject, message };
}

/** Says which way the type travels, since that decides whether the change breaks. */
function sideNote(side: TypeSide): string {
  switch (side) {
    case "request":
      return " (sent in requests)";
    case "response":
      return " (received in responses)";
    case "both":
      return " (sent and received)";
    case "unused":
      return " (used by no operation)";
    default:
      return assertNever(side);
  }
}
