import { describe, expect, it } from "vitest";
import type { ApiSurface, TypeSurface } from "../../generator/surface/apiSurface.js";
import { compareSurfaces } from "../../generator/surface/compareSurfaces.js";
import type { ChangeKind } from "../../generator/surface/surfaceChange.js";
import { alias, body, enumType, iface, operation, param, property, surface } from "./surfaceBuilders.js";

type Expected = [kind: ChangeKind, breaking: boolean][];
type Case = [change: string, before: ApiSurface, after: ApiSurface, expected: Expected];

const withOperations = (...operations: Parameters<typeof operation>[0][]) => surface({ operations: operations.map(operation) });
const withTypes = (...types: TypeSurface[]) => surface({ types });

const operationCases: Case[] = [
  ["nothing changed", withOperations({}), withOperations({}), []],
  ["operation added", withOperations(), withOperations({}), [["operation-added", false]]],
  ["operation removed", withOperations({}), withOperations(), [["operation-removed", true]]],
  [
    "operation renamed (same GET path, new function name)",
    withOperations({}),
    withOperations({ name: "fetchPet" }),
    [["operation-renamed", true]],
  ],
  [
    "operation moved (same function, new path)",
    withOperations({}),
    withOperations({ path: "/v2/pets/{id}" }),
    [["operation-moved", false]],
  ],
  [
    "operation given a server of its own (Together's /videos on …/v2)",
    withOperations({}),
    withOperations({ server: "https://api.together.xyz/v2" }),
    [["operation-server", false]],
  ],
  [
    "operation's own server changed",
    withOperations({ server: "https://api.together.xyz/v2" }),
    withOperations({ server: "https://{region}.together.xyz/v3" }),
    [["operation-server", false]],
  ],
  [
    "operation back on the document's server",
    withOperations({ server: "https://api.together.xyz/v2" }),
    withOperations({}),
    [["operation-server", false]],
  ],
  [
    "method of the client class moved (a place edited in the map): breaks `client.pets.retrieve(…)`",
    withOperations({ classMethod: "pets.retrieve" }),
    withOperations({ classMethod: "animals.pets.get" }),
    [["class-method-moved", true]],
  ],
  ["a surface from before the client class: nothing to compare", withOperations({}), withOperations({ classMethod: "pets.retrieve" }), []],
  [
    "stream twin removed: the twin sharing the route is removed, not renamed into the plain one",
    withOperations({ name: "chat", method: "POST", path: "/chat" }, { name: "chatStream", method: "POST", path: "/chat" }),
    withOperations({ name: "chat", method: "POST", path: "/chat" }),
    [["operation-removed", true]],
  ],
  ["required parameter added", withOperations({}), withOperations({ params: [param("id", true)] }), [["parameter-added", true]]],
  ["optional parameter added", withOperations({}), withOperations({ params: [param("limit", false)] }), [["parameter-added", false]]],
  ["optional parameter removed", withOperations({ params: [param("limit", false)] }), withOperations({}), [["parameter-removed", true]]],
  [
    "parameter became required",
    withOperations({ params: [param("limit", false)] }),
    withOperations({ params: [param("limit", true)] }),
    [["parameter-required", true]],
  ],
  [
    "parameter became optional",
    withOperations({ params: [param("limit", true)] }),
    withOperations({ params: [param("limit", false)] }),
    [["parameter-optional", false]],
  ],
  [
    "parameter type widened",
    withOperations({ params: [param("sort", false, '"asc"')] }),
    withOperations({ params: [param("sort", false, '"asc" | "desc"')] }),
    [["parameter-type", false]],
  ],
  [
    "parameter type narrowed",
    withOperations({ params: [param("sort", false, '"asc" | "desc"')] }),
    withOperations({ params: [param("sort", false, '"asc"')] }),
    [["parameter-type", true]],
  ],
  [
    "parameter type changed",
    withOperations({ params: [param("id", true, "string")] }),
    withOperations({ params: [param("id", true, "number")] }),
    [["parameter-type", true]],
  ],
  ["required body added", withOperations({}), withOperations({ body: body() }), [["body-added", true]]],
  ["optional body added", withOperations({}), withOperations({ body: body({ required: false }) }), [["body-added", false]]],
  ["body removed", withOperations({ body: body() }), withOperations({}), [["body-removed", true]]],
  [
    "body became required",
    withOperations({ body: body({ required: false }) }),
    withOperations({ body: body() }),
    [["body-required", true]],
  ],
  [
    "body became optional",
    withOperations({ body: body() }),
    withOperations({ body: body({ required: false }) }),
    [["body-optional", false]],
  ],
  [
    "body type widened",
    withOperations({ body: body() }),
    withOperations({ body: body({ type: "PetInput | Blob" }) }),
    [["body-type", false]],
  ],
  [
    "body type narrowed",
    withOperations({ body: body({ type: "PetInput | Blob" }) }),
    withOperations({ body: body() }),
    [["body-type", true]],
  ],
  [
    "result type widened (callers may receive what they do not handle)",
    withOperations({}),
    withOperations({ result: "Pet | undefined" }),
    [["result-type", true]],
  ],
  ["result type narrowed", withOperations({ result: "Pet | undefined" }), withOperations({}), [["result-type", false]]],
  ["result union reordered", withOperations({ result: "Pet | Cat" }), withOperations({ result: "Cat | Pet" }), []],
  ["error status added", withOperations({}), withOperations({ errorStatuses: ["404", "429"] }), [["error-added", false]]],
  ["error status removed", withOperations({ errorStatuses: ["404", "429"] }), withOperations({}), [["error-removed", true]]],
  ["list now paged (the promise resolves as before)", withOperations({}), withOperations({ paging: "cursor" }), [["paging-added", false]]],
  ["list no longer paged (every for await over it breaks)", withOperations({ paging: "link" }), withOperations({}), [["paging-removed", true]]],
  ["list paged by another scheme", withOperations({ paging: "page" }), withOperations({ paging: "link" }), [["paging-scheme", true]]],
  ["list paged by the same scheme", withOperations({ paging: "cursor" }), withOperations({ paging: "cursor" }), []],
];

const request = (...properties: ReturnType<typeof property>[]) => surface({ types: [iface("PetInput", "request", properties)] });
const response = (...properties: ReturnType<typeof property>[]) => surface({ types: [iface("Pet", "response", properties)] });
const both = (...properties: ReturnType<typeof property>[]) => surface({ types: [iface("Pet", "both", properties)] });

const propertyCases: Case[] = [
  ["request property added as required", request(), request(property("name", true)), [["property-added", true]]],
  ["request property added as optional", request(), request(property("tag", false)), [["property-added", false]]],
  ["request property made required", request(property("tag", false)), request(property("tag", true)), [["property-required", true]]],
  ["request property made optional", request(property("tag", true)), request(property("tag", false)), [["property-optional", false]]],
  [
    "request property removed (excess-property error for callers passing it)",
    request(property("tag", false)),
    request(),
    [["property-removed", true]],
  ],
  [
    "request property type widened",
    request(property("age", true, "number")),
    request(property("age", true, "number | string")),
    [["property-type", false]],
  ],
  [
    "request property type narrowed",
    request(property("age", true, "number | string")),
    request(property("age", true, "number")),
    [["property-type", true]],
  ],
  ["response property removed", response(property("tag", true)), response(), [["property-removed", true]]],
  ["response property added as required", response(), response(property("tag", true)), [["property-added", false]]],
  ["response property added as optional", response(), response(property("tag", false)), [["property-added", false]]],
  [
    "response property made optional (callers now get undefined)",
    response(property("tag", true)),
    response(property("tag", false)),
    [["property-optional", true]],
  ],
  ["response property made required", response(property("tag", false)), response(property("tag", true)), [["property-required", false]]],
  [
    "response property type widened",
    response(property("age", true, "number")),
    response(property("age", true, "number | null")),
    [["property-type", true]],
  ],
  [
    "response property type narrowed",
    response(property("age", true, "number | null")),
    response(property("age", true, "number")),
    [["property-type", false]],
  ],
  ["property of a type sent and received added as required", both(), both(property("name", true)), [["property-added", true]]],
  [
    "property of a type sent and received made optional",
    both(property("name", true)),
    both(property("name", false)),
    [["property-optional", true]],
  ],
  [
    "index signature added",
    surface({ types: [iface("Tags", "response", [property("a", true)])] }),
    surface({ types: [iface("Tags", "response", [property("a", true)], "string")] }),
    [["property-added", false]],
  ],
  [
    "index signature removed",
    surface({ types: [iface("Tags", "request", [property("a", true)], "string")] }),
    surface({ types: [iface("Tags", "request", [property("a", true)])] }),
    [["property-removed", true]],
  ],
];

const status = (side: Parameters<typeof enumType>[1], values: string[]) => surface({ types: [enumType("Status", side, values)] });

const typeCases: Case[] = [
  [
    "enum value added to a request type (what callers sent is still valid)",
    status("request", ["a"]),
    status("request", ["a", "b"]),
    [["enum-value-added", false]],
  ],
  [
    "enum value added to a response type (exhaustive switches miss it)",
    status("response", ["a"]),
    status("response", ["a", "b"]),
    [["enum-value-added", true]],
  ],
  ["enum value added to a type sent and received", status("both", ["a"]), status("both", ["a", "b"]), [["enum-value-added", true]]],
  [
    "enum value added to a type no operation uses (judged both ways)",
    status("unused", ["a"]),
    status("unused", ["a", "b"]),
    [["enum-value-added", true]],
  ],
  ["enum value removed from a request type", status("request", ["a", "b"]), status("request", ["a"]), [["enum-value-removed", true]]],
  ["enum value removed from a response type", status("response", ["a", "b"]), status("response", ["a"]), [["enum-value-removed", false]]],
  ["enum reordered", status("response", ["a", "b"]), status("response", ["b", "a"]), []],
  [
    "a request-only type now also received: judged by both sides",
    status("request", ["a"]),
    status("response", ["a", "b"]),
    [["enum-value-added", true]],
  ],
  [
    "alias widened on the request side",
    withTypes(alias("Id", "request", "string")),
    withTypes(alias("Id", "request", "string | number")),
    [["type-text", false]],
  ],
  [
    "alias widened on the response side",
    withTypes(alias("Id", "response", "string")),
    withTypes(alias("Id", "response", "string | number")),
    [["type-text", true]],
  ],
  [
    "alias narrowed on the response side",
    withTypes(alias("Id", "response", "string | number")),
    withTypes(alias("Id", "response", "string")),
    [["type-text", false]],
  ],
  [
    "alias changed (no subset either way)",
    withTypes(alias("Id", "response", "string")),
    withTypes(alias("Id", "response", "number")),
    [["type-text", true]],
  ],
  [
    "alias widened to unknown on the request side",
    withTypes(alias("Meta", "request", "Record<string, string>")),
    withTypes(alias("Meta", "request", "unknown")),
    [["type-text", false]],
  ],
  ["type added", withTypes(), withTypes(alias("Id", "response", "string")), [["type-added", false]]],
  ["type removed", withTypes(alias("Id", "response", "string")), withTypes(), [["type-removed", true]]],
  [
    "type changed kind",
    withTypes(alias("Id", "response", '"a" | "b"')),
    withTypes(enumType("Id", "response", ["a", "b"])),
    [["type-kind", true]],
  ],
];

describe("compareSurfaces classifies each change for a caller", () => {
  it.each([...operationCases, ...propertyCases, ...typeCases])("%s", (_change, before, after, expected) => {
    const changes = compareSurfaces(before, after);
    expect(changes.map((change) => [change.kind, change.breaking])).toEqual(expected);
  });

  it("names the subject and says what changed, in old order then additions", () => {
    const before = surface({
      operations: [operation({ params: [param("limit", false)] })],
      types: [iface("PetInput", "request", [property("tag", false)])],
    });
    const after = surface({
      operations: [operation({ params: [param("limit", true)] }), operation({ name: "listPets", path: "/pets", result: "Pet[]" })],
      types: [iface("PetInput", "request", [property("tag", true)])],
    });
    expect(compareSurfaces(before, after).map((change) => [change.subject, change.message])).toEqual([
      ["getPet.limit", "`getPet`: parameter `limit` became required"],
      ["listPets", "operation `listPets` added (GET /pets)"],
      ["PetInput.tag", "`PetInput`: property `tag` became required (sent in requests)"],
    ]);
  });

  it("says where an operation now goes, and where it went", () => {
    const onDocument = withOperations({});
    const onV2 = withOperations({ server: "https://api.together.xyz/v2" });
    expect(compareSurfaces(onDocument, onV2).map((change) => change.message)).toEqual([
      "operation `getPet` now goes to `https://api.together.xyz/v2` (was the document's server)",
    ]);
    expect(compareSurfaces(onV2, onDocument).map((change) => change.message)).toEqual([
      "operation `getPet` now goes to the document's server (was `https://api.together.xyz/v2`)",
    ]);
  });
});
