import type { BodySurface, OperationSurface } from "./apiSurface.js";
import { breaksCallers } from "./breaksCallers.js";
import { codeSpan } from "./codeSpan.js";
import { compareMembers } from "./compareMembers.js";
import { matchOperations } from "./matchOperations.js";
import { pagingLabel } from "./pagingLabel.js";
import type { SurfaceChange } from "./surfaceChange.js";
import { typeTextChange } from "./typeTextChange.js";

/** Removed, renamed, moved and changed operations in old order, then added ones in new order. */
export function compareOperations(before: readonly OperationSurface[], after: readonly OperationSurface[]): SurfaceChange[] {
  const matches = matchOperations(before, after);
  const matched = new Set(matches.values());
  return [
    ...before.flatMap((operation) => {
      const now = matches.get(operation);
      return now === undefined ? [removed(operation)] : [...identity(operation, now), ...changed(operation, now)];
    }),
    ...after.filter((operation) => !matched.has(operation)).map(added),
  ];
}

function added(operation: OperationSurface): SurfaceChange {
  return operationChange("operation-added", false, operation.name, `operation ${codeSpan(operation.name)} added (${route(operation)})`);
}

function removed(operation: OperationSurface): SurfaceChange {
  return operationChange("operation-removed", true, operation.name, `operation ${codeSpan(operation.name)} removed (${route(operation)})`);
}

/** A new function name breaks every call; a new route under the same name is invisible to callers. */
function identity(before: OperationSurface, after: OperationSurface): SurfaceChange[] {
  if (before.name !== after.name) {
    const message = `operation ${codeSpan(before.name)} renamed to ${codeSpan(after.name)} (${route(after)})`;
    return [operationChange("operation-renamed", true, after.name, message)];
  }
  if (route(before) === route(after)) return [];
  const message = `operation ${codeSpan(after.name)} now calls ${route(after)} (was ${route(before)})`;
  return [operationChange("operation-moved", false, after.name, message)];
}

function changed(before: OperationSurface, after: OperationSurface): SurfaceChange[] {
  const owner = { noun: "parameter", name: after.name, side: "request", note: "" } as const;
  return [
    ...compareServers(before, after),
    ...compareClassMethods(before, after),
    ...comparePaging(before, after),
    ...compareMembers(before.params, after.params, owner),
    ...compareBodies(before.body, after.body, after.name),
    ...compareResults(before, after),
    ...compareErrors(before, after),
  ];
}

/**
 * Another server is not breaking: calls compile as before, and a client given a `baseUrl`
 * (a proxy, a mock server) sends the operation there either way.
 */
function compareServers(before: OperationSurface, after: OperationSurface): SurfaceChange[] {
  if (before.server === after.server) return [];
  const server = (operation: OperationSurface) => (operation.server === undefined ? "the document's server" : codeSpan(operation.server));
  const message = `operation ${codeSpan(after.name)} now goes to ${server(after)} (was ${server(before)})`;
  return [operationChange("operation-server", false, after.name, message)];
}

/** A method of the client class that moves breaks its callers (a surface from before the class says nothing). */
function compareClassMethods(before: OperationSurface, after: OperationSurface): SurfaceChange[] {
  if (before.classMethod === undefined || after.classMethod === undefined || before.classMethod === after.classMethod) return [];
  const message = `${codeSpan(after.name)}: the client class calls it as ${codeSpan(`client.${after.classMethod}()`)} (was ${codeSpan(`client.${before.classMethod}()`)})`;
  return [operationChange("class-method-moved", true, after.name, message)];
}

/**
 * A list that starts paging breaks nothing (the promise resolves as before). One that stops breaks
 * every `for await` over it; another scheme breaks callers too: code that sets the cursor, offset or
 * page itself, or reads where the next page comes from, now pages differently.
 */
function comparePaging(before: OperationSurface, after: OperationSurface): SurfaceChange[] {
  if (before.paging === after.paging) return [];
  const name = codeSpan(after.name);
  if (before.paging === undefined) return [operationChange("paging-added", false, after.name, `${name}: now ${pagingLabel(after.paging!)}`)];
  const was = pagingLabel(before.paging);
  if (after.paging === undefined) return [operationChange("paging-removed", true, after.name, `${name}: no longer paged (was ${was})`)];
  return [operationChange("paging-scheme", true, after.name, `${name}: now ${pagingLabel(after.paging)} (was ${was})`)];
}

/** A body is a request value: the rules of a parameter, with its own wording. */
function compareBodies(before: BodySurface | undefined, after: BodySurface | undefined, name: string): SurfaceChange[] {
  if (before !== undefined && after !== undefined && before.name === after.name) return bodyChanged(before, after, name);
  return [
    ...(before === undefined ? [] : [operationChange("body-removed", true, name, `${codeSpan(name)}: ${bodyLabel(before)} removed`)]),
    ...(after === undefined ? [] : [bodyAdded(after, name)]),
  ];
}

function bodyChanged(before: BodySurface, after: BodySurface, name: string): SurfaceChange[] {
  const changes: SurfaceChange[] = [];
  if (before.required !== after.required) {
    const presence = after.required ? "required" : "optional";
    changes.push(operationChange(`body-${presence}`, after.required, name, `${codeSpan(name)}: ${bodyLabel(after)} became ${presence}`));
  }
  const direction = typeTextChange(before.type, after.type);
  if (direction !== undefined) {
    const message = `${codeSpan(name)}: ${bodyLabel(after)} type ${direction}: ${codeSpan(before.type)} → ${codeSpan(after.type)}`;
    changes.push(operationChange("body-type", breaksCallers(direction, "request"), name, message));
  }
  return changes;
}

function bodyAdded(after: BodySurface, name: string): SurfaceChange {
  const presence = after.required ? "required" : "optional";
  return operationChange("body-added", after.required, name, `${codeSpan(name)}: ${presence} ${bodyLabel(after)} added`);
}

function bodyLabel(body: BodySurface): string {
  return `request body ${codeSpan(body.name)}`;
}

function compareResults(before: OperationSurface, after: OperationSurface): SurfaceChange[] {
  const direction = typeTextChange(before.result, after.result);
  if (direction === undefined) return [];
  const message = `${codeSpan(after.name)}: result type ${direction}: ${codeSpan(before.result)} → ${codeSpan(after.result)}`;
  return [operationChange("result-type", breaksCallers(direction, "response"), after.name, message)];
}

/**
 * A new error status never breaks: errors reach callers as `unknown` and any status could
 * already arrive at run time. A removed one breaks compiling code: `error.status === 404` on
 * the narrowed error union becomes a comparison TypeScript rejects (no overlap).
 */
function compareErrors(before: OperationSurface, after: OperationSurface): SurfaceChange[] {
  const old = new Set(before.errorStatuses);
  const next = new Set(after.errorStatuses);
  const change = (status: string, what: "added" | "removed") =>
    operationChange(`error-${what}`, what === "removed", after.name, `${codeSpan(after.name)}: error status ${status} ${what}`);
  return [
    ...before.errorStatuses.filter((status) => !next.has(status)).map((status) => change(status, "removed")),
    ...after.errorStatuses.filter((status) => !old.has(status)).map((status) => change(status, "added")),
  ];
}

function operationChange(kind: SurfaceChange["kind"], breaking: boolean, subject: string, message: string): SurfaceChange {
  return { kind, breaking, subject, message };
}

function route(operation: OperationSurface): string {
  return `${operation.method} ${operation.path}`;
}
