import { isJsonObject, type JsonObject } from "../load/walkJson.js";
import type { PagingScheme, PagingSetting } from "../shared/pagingSchemes.js";
import type { PagingModel } from "./apiModel.js";

/**
 * Decides, from shapes alone, whether a list operation pages and how (issue 21). Pure: the caller
 * hands over the query parameters, the success body's schema and the response's header names.
 * Names count only as the names of parameters and fields (`after`, `next_cursor`, `has_more`),
 * never the operation's own name.
 */
export interface PagingInput {
  method: string;
  query: QueryParameter[];
  /** The one 2xx JSON body schema (dereferenced); undefined when there is none or several differ. */
  body: JsonObject | undefined;
  /** Header names the 2xx response declares. */
  headers: string[];
  /** From the config: force a scheme, or turn paging off. */
  forced?: PagingSetting | undefined;
}

export interface QueryParameter {
  /** The property of the params object (what the runtime sets), and the name on the wire (what is matched). */
  name: string;
  wireName: string;
  type: "integer" | "string" | "other";
  default?: unknown;
}

export type PagingDecision =
  | { kind: "paged"; paging: PagingModel }
  /** A list whose paging is unclear or switched off; `ambiguous` ones deserve a note. */
  | { kind: "left"; reason: string; ambiguous: boolean }
  /** Not a list, or a list with no sign of paging. */
  | { kind: "none"; list: boolean };

const cursorParams = names("after starting_after start_after cursor page_token next_page_token next_token continuation_token continuation marker start_cursor page_cursor next_cursor after_id");
const offsetParams = names("offset skip start_index");
const pageParams = names("page page_number page_num page_no");
const pageSizeParams = names("per_page page_size limit size max_results page_limit");
const nextCursorFields = names("next_cursor next_page_token next_token next_page_cursor end_cursor continuation_token next_marker last_id after next_page");
const nextUrlFields = names("next_url next_page_url next_link next_page_link next_href");
const hasMoreFields = names("has_more has_next has_next_page has_more_results more");
const nextOnly = names("next");
const linkHolders = names("links _links link");
const totalItemFields = names("total total_count total_items total_results");
const totalPageFields = names("total_pages page_count last_page num_pages");
const knownItemFields = names("data items results records entries list values elements objects content rows hits nodes");

/** The whole decision: items first, then the schemes the shape supports, then one of them or none. */
export function detectPaging(input: PagingInput): PagingDecision {
  if (input.method !== "GET" || input.body === undefined) return { kind: "none", list: false };
  const items = itemsPath(input.body);
  const evidence = pagingEvidence(input);
  // An object with an array that is not named like items is a resource, unless something says it pages.
  if (items === undefined || (!items.named && !evidence)) return { kind: "none", list: false };
  if (items.path === undefined) return left(`the body holds several arrays and none is named as the items (${arrayKeys(input.body).join(", ")})`, true);
  if (input.forced === "off") return left("paging is turned off in clientgen.config.json", false);
  const candidates = candidateSchemes(input, items.path);
  if (input.forced !== undefined) return forcedScheme(input.forced, candidates);
  return chooseScheme(candidates, input);
}

/** A paging parameter, a Link header, or a has-more flag or next link in the body. */
function pagingEvidence(input: PagingInput): boolean {
  const families = [cursorParams, offsetParams, pageParams];
  if (input.query.some((parameter) => families.some((family) => family.has(normalize(parameter.wireName))))) return true;
  if (input.headers.some((name) => name.toLowerCase() === "link")) return true;
  const body = input.body ?? {};
  return [hasMoreFields, nextCursorFields, nextUrlFields, nextOnly].some((family) => findField(body, family, () => true) !== undefined);
}

function candidateSchemes(input: PagingInput, items: string[]): PagingModel[] {
  const body = input.body ?? {};
  const hasMore = findField(body, hasMoreFields, isBoolean);
  const more = hasMore === undefined ? {} : { hasMore };
  const found: PagingModel[] = [];
  if (input.headers.some((name) => name.toLowerCase() === "link")) found.push({ scheme: "link", items });
  const nextUrl = findField(body, nextUrlFields, isUrlish) ?? bareNextUrl(body);
  if (nextUrl !== undefined) found.push({ scheme: "nextUrl", items, next: nextUrl });
  const cursor = cursorParam(input.query);
  if (isOne(cursor)) {
    const next = findField(body, nextCursorFields, isCursor) ?? bareNextCursor(body);
    if (next !== undefined && !(next.join() === "last_id" && hasMore === undefined)) found.push({ scheme: "cursor", items, param: cursor, next, ...more });
    else if (hasMore !== undefined && itemHasId(input.body, items)) found.push({ scheme: "cursor", items, param: cursor, lastItemKey: "id", hasMore });
  }
  const offset = onlyParam(input.query, offsetParams, true);
  if (isOne(offset)) found.push({ scheme: "offset", items, param: offset, ...more, ...total(body, totalItemFields) });
  const page = onlyParam(input.query, pageParams, true);
  if (isOne(page) && onlyParam(input.query, pageSizeParams, true) !== undefined) {
    const start = input.query.find((parameter) => parameter.name === page)?.default;
    const first = typeof start === "number" && start !== 1 ? { firstPage: start } : {};
    found.push({ scheme: "page", items, param: page, ...more, ...total(body, totalPageFields), ...first });
  }
  return found;
}

/** The count that ends a client-counted walk: total items (offset) or total pages (page number). */
function total(body: JsonObject, family: Set<string>): { total?: string[] } {
  const found = findField(body, family, (schema) => types(schema).includes("integer") || types(schema).includes("number"));
  return found === undefined ? {} : { total: found };
}

/**
 * What the server hands back (a Link header, a URL, a cursor) beats what the client computes
 * (offset, page number): GitHub declares `page` and a Link header, and the header is the truth.
 */
function chooseScheme(candidates: PagingModel[], input: PagingInput): PagingDecision {
  const link = candidates.find((candidate) => candidate.scheme === "link");
  if (link !== undefined) return { kind: "paged", paging: link };
  const served = candidates.filter((candidate) => candidate.scheme === "nextUrl" || candidate.scheme === "cursor");
  const computed = candidates.filter((candidate) => candidate.scheme === "offset" || candidate.scheme === "page");
  for (const group of [served, computed]) {
    if (group.length === 1) return { kind: "paged", paging: group[0]! };
    if (group.length > 1) return left(`it could page by ${group.map((paging) => describeScheme(paging, input.query)).join(" or by ")}`, true);
  }
  const cursor = cursorParam(input.query);
  if (cursor === "several") return left(`it takes several cursor parameters (${matching(input.query, cursorParams).join(", ")})`, true);
  if (cursor !== undefined) return left(`it takes the cursor parameter \`${wireName(cursor, input.query)}\` and the response names no next cursor`, true);
  return { kind: "none", list: true };
}

function forcedScheme(forced: PagingScheme, candidates: PagingModel[]): PagingDecision {
  const chosen = candidates.find((candidate) => candidate.scheme === forced);
  if (chosen !== undefined) return { kind: "paged", paging: chosen };
  return left(`clientgen.config.json asks for ${forced} paging, but the operation's shape offers none`, true);
}

function left(reason: string, ambiguous: boolean): PagingDecision {
  return { kind: "left", reason, ambiguous };
}

/** The scheme in a sentence, parameters by their names on the wire (as the spec's reader knows them). */
function describeScheme(paging: PagingModel, query: QueryParameter[]): string {
  const param = wireName(paging.param ?? "", query);
  switch (paging.scheme) {
    case "link":
      return "the Link header";
    case "nextUrl":
      return `the next-page URL \`${paging.next!.join(".")}\``;
    case "cursor":
      return `the cursor \`${param}\` (${paging.next ? `from \`${paging.next.join(".")}\`` : `the last item's \`${paging.lastItemKey}\``})`;
    case "offset":
    case "page":
      return `${paging.scheme} \`${param}\``;
  }
}

/**
 * The body itself when it is an array; else its one array property, or the one named like items
 * (`named`: either way the body reads as a list). `path` is undefined when several arrays compete.
 */
function itemsPath(body: JsonObject): { path: string[] | undefined; named: boolean } | undefined {
  if (isArraySchema(body)) return { path: [], named: true };
  const arrays = arrayKeys(body);
  const named = arrays.filter((key) => knownItemFields.has(normalize(key)));
  if (arrays.length === 0) return undefined;
  if (arrays.length === 1) return { path: arrays, named: named.length === 1 };
  return named.length === 1 ? { path: named, named: true } : { path: undefined, named: false };
}

function arrayKeys(body: JsonObject | undefined): string[] {
  return properties(body ?? {})
    .filter(([, schema]) => isArraySchema(schema))
    .map(([key]) => key);
}

function itemHasId(body: JsonObject | undefined, items: string[]): boolean {
  const array = items.length === 0 ? body : properties(body ?? {}).find(([key]) => key === items[0])?.[1];
  return isJsonObject(array?.["items"]) && hasStringId(array["items"]);
}

/** Every branch counts: Stripe's external accounts are `anyOf` bank accounts and cards, each with an `id`. */
function hasStringId(item: JsonObject, seen = new Set<JsonObject>()): boolean {
  if (properties(item).some(([key, schema]) => key === "id" && isString(schema))) return true;
  if (seen.has(item)) return false;
  seen.add(item);
  const choices = branches(item);
  return choices.length > 0 && choices.every((branch) => hasStringId(branch, seen));
}

/** The one query parameter of a family with the right type; "several" when more than one matches. */
function onlyParam(query: QueryParameter[], family: Set<string>, integerOnly: boolean): string | "several" | undefined {
  const found = query.filter((parameter) => family.has(normalize(parameter.wireName)) && (!integerOnly || parameter.type === "integer"));
  if (found.length > 1) return "several";
  return found[0]?.name;
}

/** A cursor by name, or a `page` that takes a string: an opaque token, not a number (Stripe's search). */
function cursorParam(query: QueryParameter[]): string | "several" | undefined {
  const named = onlyParam(query, cursorParams, false);
  const stringPage = query.filter((parameter) => pageParams.has(normalize(parameter.wireName)) && parameter.type === "string");
  if (stringPage.length === 0) return named;
  return named === undefined && stringPage.length === 1 ? stringPage[0]!.name : "several";
}

function wireName(name: string, query: QueryParameter[]): string {
  return query.find((parameter) => parameter.name === name)?.wireName ?? name;
}

function isOne(found: string | undefined): found is string {
  return found !== undefined && found !== "several";
}

function matching(query: QueryParameter[], family: Set<string>): string[] {
  return query.filter((parameter) => family.has(normalize(parameter.wireName))).map((parameter) => parameter.wireName);
}

/**
 * The one field of a family at the top of the body or inside one of its objects
 * (`pagination.next_cursor`, `meta.next_page_token`, `paging.next.after`), up to three keys deep,
 * never inside an object that holds an array (Stripe's `line_items` list inside a checkout session).
 */
function findField(schema: JsonObject, family: Set<string>, accepts: (schema: JsonObject, key: string) => boolean, depth = 0): string[] | undefined {
  const found: string[][] = [];
  for (const [key, child] of properties(schema)) {
    if (family.has(normalize(key)) && accepts(child, key)) found.push([key]);
    else if (depth < 2 && isPagingObject(child)) {
      const inner = findField(child, family, accepts, depth + 1);
      if (inner !== undefined) found.push([key, ...inner]);
    }
  }
  return found.length === 1 ? found[0] : undefined;
}

/** `next` holding a URL, or any string `next` inside `links` (DigitalOcean's `links.pages.next`), or HAL's `_links.next.href`. */
function bareNextUrl(body: JsonObject): string[] | undefined {
  const url = findField(body, nextOnly, isUrlish);
  if (url !== undefined) return url;
  const linked = findField(body, nextOnly, isString);
  if (linked !== undefined && underLinks(linked)) return linked;
  const hal = findField(body, nextOnly, hrefObject);
  return hal === undefined ? undefined : [...hal, "href"];
}

/** `next` (as in `pagination.next`) holding a cursor rather than a URL. */
function bareNextCursor(body: JsonObject): string[] | undefined {
  const next = findField(body, nextOnly, isCursor);
  return next === undefined || underLinks(next) ? undefined : next;
}

function underLinks(path: string[]): boolean {
  return path.slice(0, -1).some((key) => linkHolders.has(normalize(key)));
}

function isCursor(schema: JsonObject, key: string): boolean {
  return isString(schema) && !isUrlish(schema, key);
}

function hrefObject(schema: JsonObject): boolean {
  return properties(schema).some(([key, child]) => key === "href" && isString(child));
}

/** A string that says it is a URL: by format, by its name, or by its description. */
function isUrlish(schema: JsonObject, key: string): boolean {
  if (!isString(schema)) return false;
  if (schema["format"] === "uri" || schema["format"] === "url" || /url|link|href/i.test(key)) return true;
  return typeof schema["description"] === "string" && /\b(url|uri|link)\b/i.test(schema["description"]);
}

/** An object's properties, its `allOf` members' included (first declaration wins; an `allOf` cycle counts once). */
function properties(schema: JsonObject, visited = new Set<JsonObject>()): [string, JsonObject][] {
  if (visited.has(schema)) return [];
  visited.add(schema);
  const own = isJsonObject(schema["properties"]) ? Object.entries(schema["properties"]) : [];
  const members = Array.isArray(schema["allOf"]) ? schema["allOf"].filter(isJsonObject).flatMap((member) => properties(member, visited)) : [];
  const keys = new Set<string>();
  return [...own, ...members].filter((entry): entry is [string, JsonObject] => {
    if (!isJsonObject(entry[1]) || keys.has(entry[0])) return false;
    keys.add(entry[0]);
    return true;
  });
}

/** The schema's `type`s, else its `anyOf`/`oneOf` branches' (a cycle of branches, as a spec may have, counts once). */
function types(schema: JsonObject, seen = new Set<JsonObject>()): unknown[] {
  const type = schema["type"];
  if (Array.isArray(type)) return type;
  if (type !== undefined) return [type];
  if (seen.has(schema)) return [];
  seen.add(schema);
  return branches(schema).flatMap((branch) => types(branch, seen));
}

function branches(schema: JsonObject): JsonObject[] {
  const list = Array.isArray(schema["anyOf"]) ? schema["anyOf"] : Array.isArray(schema["oneOf"]) ? schema["oneOf"] : [];
  return list.filter(isJsonObject);
}

function isArraySchema(schema: JsonObject): boolean {
  return types(schema).includes("array") && isJsonObject(schema["items"]);
}

/** An object that may hold paging fields (`pagination`, `meta`, `links`): one holding an array is a list or a resource of its own. */
function isPagingObject(schema: JsonObject): boolean {
  const children = properties(schema);
  return children.length > 0 && !children.some(([, child]) => isArraySchema(child));
}

function isString(schema: JsonObject): boolean {
  return types(schema).includes("string");
}

function isBoolean(schema: JsonObject): boolean {
  return types(schema).includes("boolean");
}

function normalize(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, "");
}

function names(list: string): Set<string> {
  return new Set(list.split(" ").map(normalize));
}
