/** The default of an exhaustive `switch`: a compile error when a kind is added and not handled, a clear throw if one slips through at run time. */
export function assertNever(value: never): never {
  throw new Error(`unhandled kind: ${JSON.stringify(value)}`);
}
