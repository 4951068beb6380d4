import type { ResourceRoute } from "../shared/resourceRoutes.js";

/** What one `api.md` says: its method routes, and the other `api.md` files it links to. */
export interface ApiMarkdown {
  routes: ResourceRoute[];
  /** Link targets ending in `api.md`, as written (relative to the file). */
  links: string[];
}

// - <code title="post /chat/completions">client.chat.completions.<a href="…">create</a>({ ...params }) -> X</code>
const methodLine = /<code title="([a-z]+) ([^"\s]+)">client\.((?:[A-Za-z_$][\w$]*\.)*)<a [^>]*>([A-Za-z_$][\w$]*)<\/a>\(([^)]*)\)/;
const linkTarget = /\]\(([^)\s]*api\.md)\)|href="([^"]*api\.md)"/g;

/**
 * Reads the method lines of a Stainless-built SDK's `api.md` (pure; `file` only names the lines in
 * messages). A title with a query (`post /responses?beta=true`) keeps it as the route's query.
 */
export function parseApiMarkdown(text: string, file: string): ApiMarkdown {
  const routes: ResourceRoute[] = [];
  const links: string[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    const match = methodLine.exec(line);
    if (match !== null) {
      const [, verb, route, resource, method, args] = match as unknown as [string, string, string, string, string, string];
      routes.push({ ...routeOf(verb, route, resource, method, `${file}:${index + 1}`), positional: leadingNames(args) });
      return;
    }
    for (const link of line.matchAll(linkTarget)) links.push((link[1] ?? link[2])!);
  });
  return { routes, links };
}

function routeOf(verb: string, route: string, resource: string, method: string, where: string): ResourceRoute {
  const [path, search] = splitOnce(route, "?");
  const names = resource.split(".").filter((name) => name !== "");
  const base = { resource: names, method, httpMethod: verb.toUpperCase(), path, origin: "api.md" as const, where };
  if (search === undefined || search === "") return base;
  return { ...base, query: Object.fromEntries(new URLSearchParams(search)) };
}

/** The arguments before the params object: `endpointID, experimentID, { ...params }` -> endpointID, experimentID. */
function leadingNames(args: string): string[] {
  const names: string[] = [];
  for (const arg of args.split(",").map((text) => text.trim())) {
    if (!/^[A-Za-z_$][\w$]*$/.test(arg) || arg === "params" || arg === "body") break;
    names.push(arg);
  }
  return names;
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}
