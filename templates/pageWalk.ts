// The walk over a paged list's pages, loaded by paging.ts the first time a program iterates one
// (`for await`, `.pages()`): a program that only awaits the first page never loads it.
import type { RequestOptions } from "./runtime.js";

/** How an operation pages, as the generator read it from the spec. Paths are keys from the body down. */
export interface Paging {
  scheme: "cursor" | "offset" | "page" | "nextUrl" | "link";
  items: readonly string[];
  /** The params property set for the next page: cursor, offset or page number. */
  param?: string;
  /** Where the body holds the next cursor or the next page's URL. */
  next?: readonly string[];
  /** The next cursor is this key of the page's last item. */
  lastItemKey?: string;
  /** A boolean saying whether another page follows. */
  hasMore?: readonly string[];
  /** The number that ends the walk: total items (offset) or total pages (page number). */
  total?: readonly string[];
  firstPage?: number;
}

// The server handed back a cursor or URL it had already given: going on would loop forever.
export class PaginationError extends Error {
  override readonly name = "PaginationError";
}

/** Sends one page request: the caller's params with the next page's cursor, offset or page set, or a whole URL. */
export type PageRequest<Params, Page> = (params: Params, options: RequestOptions, url: string | undefined) => Promise<Page>;

/** What a page's response showed: the Link header and the URL a relative next URL resolves against. */
export type Seen = { headers?: Headers; url?: string };
/** Sends one page, noting what its response showed in `seen`. */
export type SendPage<Params, Page> = (params: Params, url: string | undefined, seen: Seen) => Promise<Page>;
type Next<Params> = { params: Params; url?: string; key: string };

/** One paged call: its first page (already requested), how to send the others, and how to start over from a later page. */
export interface Walk<Params, Page, Item> {
  first: Promise<Page>;
  firstSeen: Seen;
  params: Params;
  paging: Paging;
  sendPage: SendPage<Params, Page>;
  /** The same call from another page on (the client class's getNextPage()). */
  from(params: Params, url: string | undefined): Item;
}

/** The pages from the first, each next one requested when the previous is used up. */
export async function* pagesFrom<Params extends object, Page>(walk: Walk<Params, Page, unknown>): AsyncGenerator<Page> {
  const { paging, sendPage } = walk;
  let page = await walk.first;
  let seen = walk.firstSeen;
  let current = walk.params;
  const given = new Set<string>();
  for (let previous: string | undefined; ; ) {
    yield page;
    const next = nextRequest(paging, page, current, seen);
    if (next === undefined) return;
    if (given.has(next.key)) throw new PaginationError(`the server handed back ${next.key} a second time; stopped to avoid looping`);
    given.add(next.key);
    seen = {};
    current = next.params;
    // Offsets and page numbers are counted here, not handed back: a server that ignores them answers the same page again.
    const counted = paging.scheme === "offset" || paging.scheme === "page";
    previous = counted ? JSON.stringify(page) : undefined;
    page = await sendPage(current, next.url, seen);
    if (counted && JSON.stringify(page) === previous) throw new PaginationError(`the server answered ${next.key} with the page before it; stopped to avoid looping`);
  }
}

/** Every item of every page, in order. */
export async function* itemsFrom<Params extends object, Page, Item>(walk: Walk<Params, Page, unknown>): AsyncGenerator<Item> {
  for await (const page of pagesFrom(walk)) for (const item of itemsOf(walk.paging, page)) yield item as Item;
}

/** Once the first page arrived: the call from the next page on (not yet sent), or undefined after the last. */
export async function nextPageOf<Params extends object, Page, Next>(walk: Walk<Params, Page, Next>): Promise<(() => Next) | undefined> {
  const next = nextRequest(walk.paging, await walk.first, walk.params, walk.firstSeen);
  return next && (() => walk.from(next.params, next.url));
}

function nextRequest<Params extends object>(paging: Paging, page: unknown, params: Params, seen: Seen): Next<Params> | undefined {
  const items = itemsOf(paging, page);
  if (paging.hasMore !== undefined && at(page, paging.hasMore) === false) return undefined;
  switch (paging.scheme) {
    case "link":
      return nextUrl(linkNext(seen.headers?.get("link")), params, seen);
    case "nextUrl":
      return nextUrl(at(page, paging.next!), params, seen);
    case "cursor": {
      const last = items[items.length - 1];
      const cursor = paging.lastItemKey === undefined ? at(page, paging.next!) : at(last, [paging.lastItemKey]);
      if (cursor === undefined || cursor === null || cursor === "") return undefined;
      return withParam(paging, params, cursor, `the cursor ${JSON.stringify(cursor)}`);
    }
    case "offset":
    case "page": {
      // Counted by the client: the end is the total the body gives, else the first empty page (or hasMore, above).
      if (items.length === 0) return undefined;
      const current = (params as Record<string, unknown>)[paging.param!];
      const offset = paging.scheme === "offset";
      const value = (typeof current === "number" ? current : offset ? 0 : (paging.firstPage ?? 1)) + (offset ? items.length : 1);
      const total = paging.total === undefined ? undefined : at(page, paging.total);
      if (typeof total === "number" && (offset ? value >= total : value > total)) return undefined;
      return withParam(paging, params, value, `${paging.scheme} ${value}`);
    }
  }
}

function withParam<Params extends object>(paging: Paging, params: Params, value: unknown, key: string): Next<Params> {
  return { params: { ...params, [paging.param!]: value }, key };
}

// A URL the server gave, resolved against the page it came in; it carries the filters itself.
function nextUrl<Params>(next: unknown, params: Params, seen: Seen): Next<Params> | undefined {
  const href = typeof next === "object" && next !== null ? at(next, ["href"]) : next;
  if (typeof href !== "string" || href === "") return undefined;
  const url = new URL(href, seen.url).href;
  return { params, url, key: `the URL ${url}` };
}

/** RFC 8288: the target of the link whose `rel` lists "next". */
function linkNext(header: string | null | undefined): string | undefined {
  for (const link of header?.match(/<[^>]*>[^,<]*/g) ?? []) {
    const rel = /;\s*rel\s*=\s*(?:"([^"]*)"|([^;\s,]+))/i.exec(link);
    const types = (rel?.[1] ?? rel?.[2] ?? "").toLowerCase().split(/\s+/);
    if (types.includes("next")) return link.slice(1, link.indexOf(">"));
  }
  return undefined;
}

function itemsOf(paging: Paging, page: unknown): unknown[] {
  const items = at(page, paging.items);
  return Array.isArray(items) ? items : [];
}

function at(value: unknown, path: readonly string[]): unknown {
  let found = value;
  for (const key of path) found = typeof found === "object" && found !== null ? (found as Record<string, unknown>)[key] : undefined;
  return found;
}
