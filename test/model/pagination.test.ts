import { describe, expect, it } from "vitest";
import { detectPaging, type PagingDecision, type PagingInput, type QueryParameter } from "../../generator/model/pagination.js";

// Shorthands for the shapes in the rows below.
const str = { type: "string" };
const int = { type: "integer" };
const bool = { type: "boolean" };
const url = { type: "string", format: "uri" };
const item = { type: "object", properties: { id: str, name: str } };
const arrayOf = (items: object = item) => ({ type: "array", items });
const object = (properties: Record<string, object>) => ({ type: "object", properties });
const query = (spec: string): QueryParameter[] =>
  spec
    .split(" ")
    .filter(Boolean)
    .map((entry) => {
      const [wireName, type = "string"] = entry.split(":") as [string, QueryParameter["type"]?];
      return { name: `p_${wireName}`, wireName, type };
    });
const input = (params: string, body: object | undefined, more: Partial<PagingInput> = {}): PagingInput => ({
  method: "GET",
  query: query(params),
  body: body as PagingInput["body"],
  headers: [],
  ...more,
});
const paged = (paging: object): PagingDecision => ({ kind: "paged", paging } as PagingDecision);

// Given the shapes (query parameters by wire name, a 2xx body schema, headers), want the decision.
// Params come back under their params-object name (`p_<wire name>` here).
describe("detectPaging: the schemes real APIs use", () => {
  it.each<[string, PagingInput, PagingDecision]>([
    [
      "Stripe: starting_after + has_more + the last item's id",
      input("email ending_before starting_after limit:integer", object({ data: arrayOf(), has_more: bool, object: str, url: str })),
      paged({ scheme: "cursor", items: ["data"], param: "p_starting_after", lastItemKey: "id", hasMore: ["has_more"] }),
    ],
    [
      "OpenAI: after + last_id + has_more",
      input("after before limit:integer", object({ object: str, data: arrayOf(), first_id: str, last_id: str, has_more: bool })),
      paged({ scheme: "cursor", items: ["data"], param: "p_after", next: ["last_id"], hasMore: ["has_more"] }),
    ],
    [
      "a cursor in a nested object (pagination.next_cursor)",
      input("cursor", object({ items: arrayOf(), pagination: object({ next_cursor: str }) })),
      paged({ scheme: "cursor", items: ["items"], param: "p_cursor", next: ["pagination", "next_cursor"] }),
    ],
    [
      "page_token + next_page_token (Google style)",
      input("pageToken pageSize:integer", object({ results: arrayOf(), nextPageToken: str })),
      paged({ scheme: "cursor", items: ["results"], param: "p_pageToken", next: ["nextPageToken"] }),
    ],
    [
      "pagination.next holding a cursor, not a URL",
      input("after", object({ data: arrayOf(), pagination: object({ next: str }) })),
      paged({ scheme: "cursor", items: ["data"], param: "p_after", next: ["pagination", "next"] }),
    ],
    [
      "Stripe search: a string `page` is a token, with next_page",
      input("query page limit:integer", object({ data: arrayOf(), has_more: bool, next_page: str })),
      paged({ scheme: "cursor", items: ["data"], param: "p_page", next: ["next_page"], hasMore: ["has_more"] }),
    ],
    [
      "offset/limit with a total",
      input("offset:integer limit:integer", object({ items: arrayOf(), total: int })),
      paged({ scheme: "offset", items: ["items"], param: "p_offset", total: ["total"] }),
    ],
    [
      "offset/limit without a total",
      input("skip:integer top:integer", arrayOf()),
      paged({ scheme: "offset", items: [], param: "p_skip" }),
    ],
    [
      "page with per_page, total pages in meta",
      input("page:integer per_page:integer", object({ data: arrayOf(), meta: object({ total_pages: int }) })),
      paged({ scheme: "page", items: ["data"], param: "p_page", total: ["meta", "total_pages"] }),
    ],
    [
      "page with page_size, starting at 0 by its default",
      { ...input("page_size:integer", arrayOf()), query: [{ name: "page", wireName: "page", type: "integer", default: 0 }, ...query("page_size:integer")] },
      paged({ scheme: "page", items: [], param: "page", firstPage: 0 }),
    ],
    [
      "a next-page URL in the body (DRF's next)",
      input("search", object({ count: int, next: url, previous: url, results: arrayOf() })),
      paged({ scheme: "nextUrl", items: ["results"], next: ["next"] }),
    ],
    [
      "next_page_url (Laravel)",
      input("", object({ data: arrayOf(), next_page_url: str })),
      paged({ scheme: "nextUrl", items: ["data"], next: ["next_page_url"] }),
    ],
    [
      "links.next, a URL by its description",
      input("", object({ data: arrayOf(), links: object({ next: { type: "string", description: "URL of the next page" } }) })),
      paged({ scheme: "nextUrl", items: ["data"], next: ["links", "next"] }),
    ],
    [
      "DigitalOcean: a plain string links.pages.next beats page/per_page",
      input("page:integer per_page:integer", object({ droplets: arrayOf(), links: object({ pages: object({ first: str, next: str, last: str }) }), meta: object({ total: int }) })),
      paged({ scheme: "nextUrl", items: ["droplets"], next: ["links", "pages", "next"] }),
    ],
    [
      "HAL's _links.next.href",
      input("", object({ items: arrayOf(), _links: object({ next: object({ href: str }) }) })),
      paged({ scheme: "nextUrl", items: ["items"], next: ["_links", "next", "href"] }),
    ],
    [
      "GitHub: a Link header beats page/per_page; the body is the array",
      input("state page:integer per_page:integer", arrayOf(), { headers: ["Link"] }),
      paged({ scheme: "link", items: [] }),
    ],
    [
      "an object whose array is its only one (GitHub's workflow_runs) with page/per_page",
      input("page:integer per_page:integer", object({ total_count: int, workflow_runs: arrayOf() })),
      paged({ scheme: "page", items: ["workflow_runs"], param: "p_page" }),
    ],
    [
      "the items inside allOf",
      input("cursor", { allOf: [object({ data: arrayOf() }), object({ next_cursor: str })] }),
      paged({ scheme: "cursor", items: ["data"], param: "p_cursor", next: ["next_cursor"] }),
    ],
    [
      "items that are anyOf branches, each with an id (Stripe's external accounts)",
      input("starting_after", object({ data: arrayOf({ anyOf: [item, item] }), has_more: bool })),
      paged({ scheme: "cursor", items: ["data"], param: "p_starting_after", lastItemKey: "id", hasMore: ["has_more"] }),
    ],
  ])("%s", (_case, given, want) => {
    expect(detectPaging(given)).toEqual(want);
  });
});

describe("detectPaging: left alone, and why", () => {
  it.each<[string, PagingInput, PagingDecision]>([
    [
      "a cursor parameter but nothing in the response to continue from",
      input("after", arrayOf()),
      { kind: "left", reason: "it takes the cursor parameter `after` and the response names no next cursor", ambiguous: true },
    ],
    [
      "two cursor parameters",
      input("after cursor", object({ data: arrayOf() })),
      { kind: "left", reason: "it takes several cursor parameters (after, cursor)", ambiguous: true },
    ],
    [
      "offset and page both",
      input("offset:integer page:integer per_page:integer", object({ data: arrayOf() })),
      { kind: "left", reason: "it could page by offset `offset` or by page `page`", ambiguous: true },
    ],
    [
      "a next cursor and a next URL both",
      input("cursor", object({ data: arrayOf(), next_cursor: str, next_url: url })),
      { kind: "left", reason: "it could page by the next-page URL `next_url` or by the cursor `cursor` (from `next_cursor`)", ambiguous: true },
    ],
    [
      "several arrays, none named like items, with a paging parameter",
      input("page:integer per_page:integer", object({ parents: arrayOf(), files: arrayOf() })),
      { kind: "left", reason: "the body holds several arrays and none is named as the items (parents, files)", ambiguous: true },
    ],
    [
      "turned off in the config",
      input("starting_after", object({ data: arrayOf(), has_more: bool }), { forced: "off" }),
      { kind: "left", reason: "paging is turned off in clientgen.config.json", ambiguous: false },
    ],
    [
      "a forced scheme the shape does not offer",
      input("starting_after", object({ data: arrayOf(), has_more: bool }), { forced: "offset" }),
      { kind: "left", reason: "clientgen.config.json asks for offset paging, but the operation's shape offers none", ambiguous: true },
    ],
  ])("%s", (_case, given, want) => {
    expect(detectPaging(given)).toEqual(want);
  });

  it.each<[string, PagingInput, PagingDecision]>([
    ["a list with no sign of paging", input("q", arrayOf()), { kind: "none", list: true }],
    ["a list named data with no sign of paging", input("", object({ object: str, data: arrayOf() })), { kind: "none", list: true }],
    ["a resource with one array that is not named like items", input("expand", object({ id: str, tags: arrayOf(str) })), { kind: "none", list: false }],
    ["a resource with several arrays and nothing about paging", input("", object({ a: arrayOf(), b: arrayOf() })), { kind: "none", list: false }],
    ["a POST", { ...input("cursor", object({ data: arrayOf(), next_cursor: str })), method: "POST" }, { kind: "none", list: false }],
    ["no JSON body", input("cursor", undefined), { kind: "none", list: false }],
    [
      "has_more inside a nested list does not count (Stripe's line_items in a checkout session)",
      input("expand", object({ id: str, a: arrayOf(), b: arrayOf(), line_items: object({ data: arrayOf(), has_more: bool }) })),
      { kind: "none", list: false },
    ],
  ])("not paged: %s", (_case, given, want) => {
    expect(detectPaging(given)).toEqual(want);
  });
});

describe("detectPaging: cycles (dereferenced specs may have them)", () => {
  it("a oneOf cycle and an allOf cycle end, read once", () => {
    const union: Record<string, unknown> = { oneOf: [] };
    (union["oneOf"] as unknown[]).push(union, object({ data: arrayOf() }));
    const members: Record<string, unknown> = { allOf: [] };
    (members["allOf"] as unknown[]).push(members, object({ data: arrayOf(), next_cursor: str }));
    expect(detectPaging(input("cursor", union))).toEqual({ kind: "none", list: false });
    expect(detectPaging(input("cursor", members))).toEqual(paged({ scheme: "cursor", items: ["data"], param: "p_cursor", next: ["next_cursor"] }));
  });
});

describe("detectPaging: forced by the config", () => {
  it("picks the forced scheme where the shape offers several", () => {
    const given = input("offset:integer page:integer per_page:integer", object({ data: arrayOf() }), { forced: "page" });
    expect(detectPaging(given)).toEqual(paged({ scheme: "page", items: ["data"], param: "p_page" }));
  });
});
