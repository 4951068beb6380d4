import { formatLocation, SpecError } from "../shared/specError.js";

/** A spec error names its file and place; --debug gives the stack instead. */
export function describeError(error: unknown, debug: boolean): string {
  if (debug && error instanceof Error) return error.stack ?? error.message;
  if (error instanceof SpecError) return `error: ${formatLocation(error.location)}: ${error.message}`;
  return `error: ${error instanceof Error ? error.message : String(error)}`;
}
