// Issue 21: every paging scheme against a local node:http server serving three pages. The server
// answers a page only when the request carries the cursor, offset, page or URL it handed out and
// the caller's filters; anything else gets a 400 naming what was wrong, so a wrong request fails the test.
import type { IncomingMessage, ServerResponse } from "node:http";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as digitalocean from "../fixtures/clients/multi-file-30/index.js";
import * as github from "../fixtures/clients/paging-github/index.js";
import * as openai from "../fixtures/clients/paging-openai/index.js";
import * as schemes from "../fixtures/clients/paging-schemes/index.js";
import * as stripe from "../fixtures/clients/paging-stripe/index.js";
import { collect, startServer } from "../runtime/helpers.js";

type Received = { url: string; headers: IncomingMessage["headers"] };
const received: Received[] = [];
let server: Awaited<ReturnType<typeof startServer>>;
let base = "";
/**
 * Set by a test: `stuck` hands out the same cursor or URL again; `flaky` answers the second page 503
 * once; `foreign` hands out next URLs on another origin (the same server as `localhost`).
 */
let mode: "normal" | "stuck" | "flaky" | "foreign" = "normal";
let flakyDone = false;

const ids = (prefix: string, page: number) => [`${prefix}${2 * page - 1}`, `${prefix}${2 * page}`];

/** The page (1 to 3) a request asks for, or a message saying what is wrong with it. */
type Route = (query: URLSearchParams, path: string) => { page: number; reply: (page: number) => Reply } | string;
type Reply = { body: unknown; headers?: Record<string, string> };

const routes: Record<string, Route> = {
  "/v1/customers": (query) => {
    if (query.get("email") !== "ann@example.com" || query.get("limit") !== "2") return "filters email and limit not kept";
    const page = mode === "stuck" ? 1 : pageOf(query.get("starting_after"), { cus_2: 2, cus_4: 3 });
    return { page, reply: (n) => ({ body: { object: "list", url: "/v1/customers", has_more: n < 3, data: ids("cus_", n).map(customer) } }) };
  },
  "/repos/octo/hello/issues": (query) => {
    if (query.get("state") !== "open" || query.get("per_page") !== "2" || query.has("page")) return "first page: filters not as given";
    return { page: 1, reply: issuesPage };
  },
  "/repositories/42/issues": (query) => {
    if (query.get("state") !== "open" || query.get("per_page") !== "2") return "filters lost from the Link URL";
    return { page: Number(query.get("page")), reply: issuesPage };
  },
  "/search/repositories": (query) => {
    if (query.get("q") !== "paging language:ts" || query.get("per_page") !== "2") return "filters q and per_page not kept";
    // "stuck": a server that ignores the page number and answers the first page every time
    const page = mode === "stuck" ? 1 : pageOf(query.get("page"), { "2": 2, "3": 3, "4": 4 });
    // GitHub's search declares no Link header: the page number counts up to an empty page.
    return { page, reply: (n) => ({ body: { total_count: 6, incomplete_results: false, items: n === 4 ? [] : ids("repo_", n).map((id) => ({ id: 1, full_name: id })) } }) };
  },
  "/v2/droplets": (query) => {
    if (query.get("tag_name") !== "web" || query.get("per_page") !== "2") return "filters tag_name and per_page not kept";
    const page = pageOf(query.get("page"), { "2": 2, "3": 3 });
    // DigitalOcean: links.pages.next is the next page's full URL, absent on the last page.
    const origin = mode === "foreign" ? base.replace("127.0.0.1", "localhost") : base;
    const next = (n: number) => (n < 3 ? { next: `${origin}/v2/droplets?page=${n + 1}&per_page=2&tag_name=web` } : {});
    return { page, reply: (n) => ({ body: { droplets: ids("", n).map((id) => ({ id: Number(id), name: `droplet-${id}` })), links: { pages: next(n) }, meta: { total: 6 } } }) };
  },
  "/files": (query) => {
    if (query.get("purpose") !== "fine-tune" || query.get("limit") !== "2") return "filters purpose and limit not kept";
    const page = pageOf(query.get("after"), { "file-2": 2, "file-4": 3 });
    return { page, reply: (n) => ({ body: { object: "list", data: ids("file-", n).map(file), first_id: `file-${2 * n - 1}`, last_id: `file-${2 * n}`, has_more: n < 3 } }) };
  },
  "/offset-items": (query) => {
    if (query.get("q") !== "x" || query.get("limit") !== "2") return "filters q and limit not kept";
    const page = pageOf(query.get("offset"), { "2": 2, "4": 3 });
    return { page, reply: (n) => ({ body: { items: items(n), total: 6 } }) };
  },
  "/page-items": (query) => {
    if (query.get("q") !== "x" || query.get("page_size") !== "2") return "filters q and page_size not kept";
    // "stuck": a server that ignores the page number and answers the first page every time
    const page = mode === "stuck" ? 1 : pageOf(query.get("page"), { "2": 2, "3": 3, "4": 4 });
    // No total in this body: the fourth page is empty, and that is the end.
    return { page, reply: (n) => ({ body: n === 4 ? [] : items(n) }) };
  },
  "/url-items": (query) => {
    if (query.get("q") !== "x") return "filter q not kept";
    const page = pageOf(query.get("cursor"), { p2: 2, p3: 3 });
    // The second page's link is absolute, the third's relative to the page it came in.
    const next = (n: number) => (n === 1 ? `${base}/url-items?q=x&cursor=p2` : n === 2 ? "/url-items?q=x&cursor=p3" : null);
    return { page, reply: (n) => ({ body: { results: items(n), links: { next: mode === "stuck" ? `${base}/url-items?q=x&cursor=p2` : next(n) } } }) };
  },
  "/contributors": () => ({ page: 1, reply: () => ({ body: undefined }) }),
  "/cursor-items": (query) => {
    if (query.get("q") !== "x") return "filter q not kept";
    const page = pageOf(query.get("page_token"), { t2: 2, t3: 3 });
    return { page, reply: (n) => ({ body: { data: items(n), meta: { next_page_token: n < 3 ? `t${n + 1}` : null } } }) };
  },
};

/** Page 1 without a cursor; a known cursor's page; 0 (refused) for anything else. */
function pageOf(cursor: string | null, pages: Record<string, number>): number {
  return cursor === null ? 1 : (pages[cursor] ?? 0);
}

function issuesPage(n: number): Reply {
  const at = (page: number, relative = false) => `<${relative ? "" : base}/repositories/42/issues?state=open&per_page=2&page=${page}>`;
  const links = [
    n === 1 ? `${at(2)}; rel="next", ${at(3)}; rel="last"` : "",
    n === 2 ? `${at(1)}; rel="prev first", ${at(3, true)}; rel=next` : "",
    n === 3 ? `${at(2)}; rel="prev", ${at(1)}; rel="first"` : "",
  ];
  const link = mode === "stuck" ? `${at(2)}; rel="next"` : links.join("");
  return { body: ids("issue_", n).map((id, index) => ({ id: 2 * n - 1 + index, node_id: id, title: id })), headers: { link } };
}

const customer = (id: string) => ({ id, object: "customer", created: 1, livemode: false });
const file = (id: string) => ({ id, object: "file", bytes: 1, created_at: 1, filename: `${id}.jsonl`, purpose: "fine-tune", status: "processed" });
const items = (n: number) => ids("item_", n).map((id) => ({ id }));

function serve(req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? "/", base);
  received.push({ url: `${url.pathname}${url.search}`, headers: req.headers });
  const route = routes[url.pathname]?.(url.searchParams, url.pathname);
  const refuse = (message: string) => void res.writeHead(400, { "content-type": "application/json" }).end(JSON.stringify({ message }));
  if (route === undefined) return refuse(`no route ${url.pathname}`);
  if (typeof route === "string") return refuse(route);
  if (route.page < 1) return refuse(`unknown cursor in ${url.search}`);
  if (mode === "flaky" && route.page === 2 && !flakyDone) {
    flakyDone = true;
    res.writeHead(503, { "retry-after-ms": "0" }).end();
    return;
  }
  const reply = route.reply(route.page);
  if (reply.body === undefined) return void res.writeHead(204).end();
  res.writeHead(200, { "content-type": "application/json", ...reply.headers }).end(JSON.stringify(reply.body));
}

beforeAll(async () => {
  server = await startServer(serve);
  base = server.baseUrl;
});
afterAll(() => server.close());
beforeEach(() => {
  received.length = 0;
  mode = "normal";
  flakyDone = false;
});

const urls = () => received.map((request) => request.url);
const settings = () => ({ baseUrl: base, apiKey: "sk-test", maxRetries: 0 });
const stripeClient = () => stripe.createClient(settings());
const githubClient = () => github.createClient(settings());
const openaiClient = () => openai.createClient(settings());
const schemesClient = () => schemes.createClient(settings());
const customers = { email: "ann@example.com", limit: 2 };

describe("each scheme walks three pages, keeping the caller's filters", () => {
  it("cursor from the last item's id, until has_more is false (Stripe's GET /v1/customers)", async () => {
    const found = await collect(stripe.getCustomers(stripeClient(), customers));
    expect(found.map((item) => item.id)).toEqual(["cus_1", "cus_2", "cus_3", "cus_4", "cus_5", "cus_6"]);
    expect(urls()).toEqual([
      "/v1/customers?email=ann%40example.com&limit=2",
      "/v1/customers?email=ann%40example.com&limit=2&starting_after=cus_2",
      "/v1/customers?email=ann%40example.com&limit=2&starting_after=cus_4",
    ]);
    // The client's credential goes with every page.
    expect(received.map((request) => request.headers.authorization)).toEqual(Array(3).fill("Basic " + btoa("sk-test")));
  });

  it("the Link header's rel=next URL, absolute or relative (GitHub's GET /repos/{owner}/{repo}/issues)", async () => {
    const issues = await collect(github.issuesListForRepo(githubClient(), { owner: "octo", repo: "hello", state: "open", perPage: 2 }));
    expect(issues.map((issue) => issue.node_id)).toEqual(["issue_1", "issue_2", "issue_3", "issue_4", "issue_5", "issue_6"]);
    expect(urls()).toEqual([
      "/repos/octo/hello/issues?state=open&per_page=2",
      "/repositories/42/issues?state=open&per_page=2&page=2",
      "/repositories/42/issues?state=open&per_page=2&page=3",
    ]);
  });

  it("page number until an empty page (GitHub's GET /search/repositories, which declares no Link header)", async () => {
    const repos = await collect(github.searchRepos(githubClient(), { q: "paging language:ts", perPage: 2 }));
    expect(repos.map((repo) => repo.full_name)).toEqual(["repo_1", "repo_2", "repo_3", "repo_4", "repo_5", "repo_6"]);
    expect(urls()).toEqual([
      "/search/repositories?q=paging%20language%3Ats&per_page=2",
      "/search/repositories?q=paging%20language%3Ats&per_page=2&page=2",
      "/search/repositories?q=paging%20language%3Ats&per_page=2&page=3",
      "/search/repositories?q=paging%20language%3Ats&per_page=2&page=4",
    ]);
  });

  it("the next-page URL at links.pages.next (DigitalOcean-shaped multi-file-30 fixture)", async () => {
    const client = digitalocean.createClient(settings());
    const droplets = await collect(digitalocean.dropletsList(client, { tagName: "web", perPage: 2 }));
    expect(droplets.map((droplet) => droplet.name)).toEqual(["droplet-1", "droplet-2", "droplet-3", "droplet-4", "droplet-5", "droplet-6"]);
    expect(urls()).toEqual(["/v2/droplets?per_page=2&tag_name=web", "/v2/droplets?page=2&per_page=2&tag_name=web", "/v2/droplets?page=3&per_page=2&tag_name=web"]);
    // The bearer key goes with the server's URLs too: they are on the client's own origin.
    expect(received.map((request) => request.headers.authorization)).toEqual(Array(3).fill("Bearer sk-test"));
  });

  it("a next-page URL on another origin is followed without the API key", async () => {
    mode = "foreign";
    await collect(digitalocean.dropletsList(digitalocean.createClient(settings()), { tagName: "web", perPage: 2 }));
    expect(received.map((request) => [request.headers.host?.split(":")[0], request.headers.authorization])).toEqual([
      ["127.0.0.1", "Bearer sk-test"],
      ["localhost", undefined],
      ["localhost", undefined],
    ]);
  });

  it("cursor from last_id, until has_more is false (OpenAI's GET /files)", async () => {
    const files = await collect(openai.listFiles(openaiClient(), { purpose: "fine-tune", limit: 2 }));
    expect(files.map((found) => found.id)).toEqual(["file-1", "file-2", "file-3", "file-4", "file-5", "file-6"]);
    expect(urls()).toEqual(["/files?purpose=fine-tune&limit=2", "/files?purpose=fine-tune&limit=2&after=file-2", "/files?purpose=fine-tune&limit=2&after=file-4"]);
    expect(received.map((request) => request.headers.authorization)).toEqual(Array(3).fill("Bearer sk-test"));
  });

  it("cursor from a nested next_page_token, until it is null", async () => {
    const found = await collect(schemes.listCursorItems(schemesClient(), { q: "x" }));
    expect(found.map((item) => item.id)).toEqual(["item_1", "item_2", "item_3", "item_4", "item_5", "item_6"]);
    expect(urls()).toEqual(["/cursor-items?q=x", "/cursor-items?q=x&page_token=t2", "/cursor-items?q=x&page_token=t3"]);
  });

  it("offset by the items received, until the total", async () => {
    const found = await collect(schemes.listOffsetItems(schemesClient(), { q: "x", limit: 2 }));
    expect(found.map((item) => item.id)).toEqual(["item_1", "item_2", "item_3", "item_4", "item_5", "item_6"]);
    expect(urls()).toEqual(["/offset-items?q=x&limit=2", "/offset-items?q=x&offset=2&limit=2", "/offset-items?q=x&offset=4&limit=2"]);
  });

  it("page number, until an empty page (the body is the array, with no total)", async () => {
    const found = await collect(schemes.listPageItems(schemesClient(), { q: "x", pageSize: 2 }));
    expect(found.map((item) => item.id)).toEqual(["item_1", "item_2", "item_3", "item_4", "item_5", "item_6"]);
    expect(urls()).toEqual([
      "/page-items?q=x&page_size=2",
      "/page-items?q=x&page=2&page_size=2",
      "/page-items?q=x&page=3&page_size=2",
      "/page-items?q=x&page=4&page_size=2",
    ]);
  });

  it("the next-page URL in the body, absolute then relative, until it is null", async () => {
    const found = await collect(schemes.listUrlItems(schemesClient(), { q: "x" }));
    expect(found.map((item) => item.id)).toEqual(["item_1", "item_2", "item_3", "item_4", "item_5", "item_6"]);
    expect(urls()).toEqual(["/url-items?q=x", "/url-items?q=x&cursor=p2", "/url-items?q=x&cursor=p3"]);
  });
});

describe("the same function, now iterable", () => {
  it("awaited, it resolves to the first page's body, as before, after one request", async () => {
    const page = await stripe.getCustomers(stripeClient(), customers);
    expect(page).toEqual({ object: "list", url: "/v1/customers", has_more: true, data: ["cus_1", "cus_2"].map(customer) });
    expect(urls()).toHaveLength(1);
  });

  it("pages() yields each page's body", async () => {
    const pages = await collect(openai.listFiles(openaiClient(), { purpose: "fine-tune", limit: 2 }).pages());
    expect(pages.map((page) => [page.first_id, page.last_id, page.has_more])).toEqual([
      ["file-1", "file-2", true],
      ["file-3", "file-4", true],
      ["file-5", "file-6", false],
    ]);
  });

  it("fetches a page only when the previous one is used up", async () => {
    const seen: number[] = [];
    for await (const _ of schemes.listCursorItems(schemesClient(), { q: "x" })) seen.push(received.length);
    expect(seen).toEqual([1, 1, 2, 2, 3, 3]);
  });

  it("break stops fetching", async () => {
    for await (const issue of github.issuesListForRepo(githubClient(), { owner: "octo", repo: "hello", state: "open", perPage: 2 })) {
      expect(issue.node_id).toBe("issue_1");
      break;
    }
    expect(urls()).toEqual(["/repos/octo/hello/issues?state=open&per_page=2"]);
  });

  it("a page without a body (a 204, as GitHub's contributors of an empty repository) has no items and ends the walk", async () => {
    expect(await collect(schemes.listContributors(schemesClient(), { perPage: 2 }))).toEqual([]);
    expect(urls()).toEqual(["/contributors?per_page=2"]);
  });

  it("a non-paginated operation returns a plain promise, as before", async () => {
    const call = schemes.listTags(schemesClient());
    expect(Symbol.asyncIterator in call).toBe(false);
    await call.catch(() => undefined); // no /tags route: a 400, which does not matter here
  });
});

describe("per-call options apply to every page", () => {
  it("headers go with each page request", async () => {
    await collect(stripe.getCustomers(stripeClient(), customers, { headers: { "x-trace": "t-1" } }));
    expect(received.map((request) => request.headers["x-trace"])).toEqual(["t-1", "t-1", "t-1"]);
  });

  it("a page request is retried like any call", async () => {
    mode = "flaky";
    const found = await collect(schemes.listOffsetItems(schemesClient(), { q: "x", limit: 2 }, { maxRetries: 1 }));
    expect(found).toHaveLength(6);
    expect(urls()).toEqual([
      "/offset-items?q=x&limit=2",
      "/offset-items?q=x&offset=2&limit=2",
      "/offset-items?q=x&offset=2&limit=2",
      "/offset-items?q=x&offset=4&limit=2",
    ]);
  });

  it("onResponse sees every page's response", async () => {
    const statuses: string[] = [];
    await collect(schemes.listUrlItems(schemesClient(), { q: "x" }, { onResponse: (response) => statuses.push(new URL(response.url).search) }));
    expect(statuses).toEqual(["?q=x", "?q=x&cursor=p2", "?q=x&cursor=p3"]);
  });

  it("an abort stops mid-iteration with AbortError", async () => {
    const controller = new AbortController();
    const seen: string[] = [];
    const walk = async () => {
      for await (const found of openai.listFiles(openaiClient(), { purpose: "fine-tune", limit: 2 }, { signal: controller.signal })) {
        seen.push(found.id);
        controller.abort();
      }
    };
    await expect(walk()).rejects.toBeInstanceOf(openai.AbortError);
    expect(seen).toEqual(["file-1", "file-2"]);
    expect(urls()).toHaveLength(1);
  });
});

describe("a server handing back what it already gave", () => {
  it("a repeated cursor ends iteration with PaginationError", async () => {
    mode = "stuck";
    const error = await collect(stripe.getCustomers(stripeClient(), customers)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(stripe.PaginationError);
    expect((error as Error).message).toBe('the server handed back the cursor "cus_2" a second time; stopped to avoid looping');
    expect(urls()).toEqual(["/v1/customers?email=ann%40example.com&limit=2", "/v1/customers?email=ann%40example.com&limit=2&starting_after=cus_2"]);
  });

  it("a page number the server ignores (the same page again) ends iteration with PaginationError", async () => {
    mode = "stuck";
    const error = await collect(schemes.listPageItems(schemesClient(), { q: "x", pageSize: 2 })).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(schemes.PaginationError);
    expect((error as Error).message).toBe("the server answered page 2 with the page before it; stopped to avoid looping");
    expect(urls()).toEqual(["/page-items?q=x&page_size=2", "/page-items?q=x&page=2&page_size=2"]);
  });

  it("a repeated URL ends iteration with PaginationError", async () => {
    mode = "stuck";
    const error = await collect(github.issuesListForRepo(githubClient(), { owner: "octo", repo: "hello", state: "open", perPage: 2 })).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(github.PaginationError);
    expect((error as Error).message).toBe(`the server handed back the URL ${base}/repositories/42/issues?state=open&per_page=2&page=2 a second time; stopped to avoid looping`);
  });
});
