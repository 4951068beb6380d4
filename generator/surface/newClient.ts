/** A client written where none was before: nothing to compare with, so only its size is told. */
export interface NewClient {
  newClient: true;
  operations: number;
  types: number;
}

/** `3 operations, 1 type` */
export function newClientSize(client: NewClient): string {
  const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;
  return `${count(client.operations, "operation")}, ${count(client.types, "type")}`;
}
