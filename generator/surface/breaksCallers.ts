import { assertNever } from "../shared/assertNever.js";
import type { TypeSide } from "./typeSides.js";
import type { TypeDirection } from "./typeTextChange.js";

/**
 * Whether a type admitting fewer ("narrowed") or more ("widened") values breaks callers, given
 * which way its values travel. Callers write request values: fewer accepted values can reject
 * what they send. Callers read response values: more possible values can reach code that does
 * not handle them (exhaustive switches, `Record<Enum, …>` maps, reads of now-optional fields).
 * A type travelling both ways, or used by no operation (callers may use it either way), breaks
 * in both directions. A change that is neither narrowing nor widening always breaks.
 */
export function breaksCallers(direction: TypeDirection, side: TypeSide): boolean {
  switch (direction) {
    case "changed":
      return true;
    case "narrowed":
      return side !== "response";
    case "widened":
      return side !== "request";
    default:
      return assertNever(direction);
  }
}

/** The side to judge a type by when it may have moved: every way its values travel before or after. */
export function mergeSides(before: TypeSide, after: TypeSide): TypeSide {
  const request = [before, after].some((side) => side === "request" || side === "both");
  const response = [before, after].some((side) => side === "response" || side === "both");
  if (request && response) return "both";
  if (request) return "request";
  return response ? "response" : "unused";
}
