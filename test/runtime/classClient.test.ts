// Issue 22: the class runtime's pure parts, table by table: how a method's arguments become the
// function's params, and which class an error from the runtime becomes.
import { describe, expect, it } from "vitest";
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  classError,
  ConflictError,
  functionParams,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  toFile,
  UnprocessableEntityError,
  type CallShape,
} from "../../templates/classClient.js";
import { AbortError, ApiError, ConnectionError, DecodeError, TimeoutError } from "../../templates/runtime.js";

describe("functionParams: positional arguments and the flat object as the function's params", () => {
  it.each<[string, CallShape, unknown[], unknown, Record<string, unknown>]>([
    ["no params", { p: 1 }, [], undefined, {}],
    ["positional", { p: 1, at: ["id"] }, ["e1"], undefined, { id: "e1" }],
    ["two positional", { p: 1, at: ["endpointId", "experimentId"] }, ["e", "x"], {}, { endpointId: "e", experimentId: "x" }],
    ["flat keys renamed", { p: 1, k: { project_id: "projectId", "X-Trace": "xTrace" } }, [], { project_id: "p", "X-Trace": "t" }, { projectId: "p", xTrace: "t" }],
    ["an absent key stays absent", { p: 1, k: { limit: "limit" } }, [], {}, {}],
    ["the rest is the body", { p: 1, k: { dry_run: "dryRun" }, b: ["body", 1, 1] }, [], { dry_run: true, model: "m", n: 2 }, { dryRun: true, body: { model: "m", n: 2 } }],
    ["a required body is sent empty", { p: 1, b: ["body", 1, 1] }, [], undefined, { body: {} }],
    ["an optional body is left out when empty", { p: 1, k: { q: "q" }, b: ["body", 1, 0] }, [], { q: "x" }, { q: "x" }],
    ["a whole body under `body`", { p: 1, b: ["body", 0, 1] }, [], { body: ["a", "b"] }, { body: ["a", "b"] }],
    ["positional and flat together", { p: 1, at: ["id"], k: { projectId: "projectId" }, b: ["body", 1, 0] }, ["i"], { projectId: "p", name: "n" }, { id: "i", projectId: "p", body: { name: "n" } }],
  ])("%s", (_case, shape, positional, flat, want) => {
    expect(functionParams(shape, positional, flat)).toEqual(want);
  });

  it("leaves the caller's object as it was", () => {
    const flat = { project_id: "p", model: "m" };
    functionParams({ p: 1, k: { project_id: "projectId" }, b: ["body", 1, 1] }, [], flat);
    expect(flat).toEqual({ project_id: "p", model: "m" });
  });
});

describe("classError: the runtime's errors as the SDK family's classes", () => {
  const apiError = (status: number) => new ApiError(`GET /x failed with status ${status}`, status, { error: "e" }, new Headers({ "x-request-id": "r" }));
  it.each<[number, Function]>([
    [400, BadRequestError],
    [401, AuthenticationError],
    [403, PermissionDeniedError],
    [404, NotFoundError],
    [409, ConflictError],
    [422, UnprocessableEntityError],
    [429, RateLimitError],
    [500, InternalServerError],
    [502, InternalServerError],
  ])("%s -> %s", (status, Class) => {
    const original = apiError(status);
    const mapped = classError(original) as ApiError;
    expect(mapped).toBeInstanceOf(Class);
    expect(mapped).toBeInstanceOf(ApiError);
    expect([mapped.message, mapped.status, mapped.body, mapped.headers.get("x-request-id"), mapped.cause]).toEqual([original.message, status, { error: "e" }, "r", original]);
  });

  it("a status without a class (418) stays an ApiError, and so does anything not from the runtime", () => {
    const teapot = apiError(418);
    expect(classError(teapot)).toBe(teapot);
    const decode = new DecodeError("bad JSON");
    expect(classError(decode)).toBe(decode);
  });

  // As in the SDK family: a timeout is a connection error, and both, like an abort, are APIErrors with no status.
  it.each<[string, Error, Function, Function]>([
    ["ConnectionError", new ConnectionError("refused"), APIConnectionError, ApiError],
    ["TimeoutError", new TimeoutError("slow"), APIConnectionTimeoutError, APIConnectionError],
    ["AbortError", new AbortError("stopped"), APIUserAbortError, ApiError],
  ])("%s -> %s", (_name, original, Class, Parent) => {
    const mapped = classError(original) as ApiError<number | undefined>;
    expect(mapped).toBeInstanceOf(Class);
    expect(mapped).toBeInstanceOf(Parent);
    expect(mapped).toBeInstanceOf(ApiError);
    expect([mapped.message, mapped.cause, mapped.status]).toEqual([original.message, original, undefined]);
  });

  it("a connection error after the answer's headers keeps its status", () => {
    const cut = Object.assign(new ConnectionError("POST /charges failed: connection error (response cut after status 200)"), { status: 200 });
    const mapped = classError(cut) as APIConnectionError;
    expect(mapped).toBeInstanceOf(APIConnectionError);
    expect(mapped.status).toBe(200);
  });
});

describe("toFile", () => {
  it.each<[string, () => Parameters<typeof toFile>[0]]>([
    ["bytes", () => new TextEncoder().encode("hi!")],
    ["an ArrayBuffer", () => new TextEncoder().encode("hi!").buffer as ArrayBuffer],
    ["a Blob", () => new Blob(["hi!"])],
    ["a stream", () => new Blob(["hi", "!"]).stream()],
    ["an async iterable of chunks", () => (async function* () { yield new TextEncoder().encode("hi"); yield "!"; })()],
    ["a Response", () => new Response("hi!")],
  ])("%s becomes a named File with the given type", async (_case, data) => {
    const file = await toFile(data(), "a.txt", { type: "text/plain" });
    expect([file.name, file.type, await file.text()]).toEqual(["a.txt", "text/plain", "hi!"]);
  });
});
