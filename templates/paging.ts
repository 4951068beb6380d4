// Auto-pagination, shipped beside runtime.ts in clients whose spec has a list that pages.
// Only paginated operations import it, so a bundle of other operations leaves it out; the walk
// itself (pageWalk.ts) is loaded the first time a program iterates, so awaiting alone stays small.
import type { RequestOptions } from "./runtime.js";
import type { PageRequest, Paging, Seen, SendPage, Walk } from "./pageWalk.js";
export { PaginationError, type PageRequest, type Paging } from "./pageWalk.js";

/**
 * What a paginated operation returns: the promise of its first page (awaited, exactly the
 * operation's result), also async-iterable over the items of every page, fetched one page at a
 * time as the items run out. `pages()` iterates over the pages' bodies instead.
 */
export interface Paged<Page, Item> extends Promise<Page>, AsyncIterable<Item> {
  pages(): AsyncIterable<Page>;
  /** Once this page arrived: how to fetch the next one (called, it sends the request), or undefined after the last. */
  nextPage(): Promise<(() => Paged<Page, Item>) | undefined>;
}

export function paged<Params extends object, Page, Item>(
  params: Params,
  options: RequestOptions | undefined,
  paging: Paging,
  send: PageRequest<Params, Page>,
  firstUrl?: string,
): Paged<Page, Item> {
  // The caller's options for every page, plus what the Link header and a relative URL need from the response.
  const sendPage: SendPage<Params, Page> = (pageParams, url, seen) =>
    send(pageParams, { ...options, onResponse: (response) => (Object.assign(seen, response), options?.onResponse?.(response)) }, url);
  const firstSeen: Seen = {};
  const first = sendPage(params, firstUrl, firstSeen);
  const walk: Walk<Params, Page, Paged<Page, Item>> = { first, firstSeen, params, paging, sendPage, from: (next, url) => paged(next, options, paging, send, url) };
  const load = () => import("./pageWalk.js");
  return Object.assign(first, {
    async *pages() {
      yield* (await load()).pagesFrom(walk);
    },
    async *[Symbol.asyncIterator]() {
      yield* (await load()).itemsFrom<Params, Page, Item>(walk);
    },
    // The client class's getNextPage(): one page at a time, from the page the caller holds.
    nextPage: async () => (await load()).nextPageOf(walk),
  });
}
