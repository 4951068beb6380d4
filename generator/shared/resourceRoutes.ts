/**
 * One method of the resource-style client as a map names it: `client.chat.completions.create`
 * sends `POST /chat/completions`. Maps come from the config (`origin: "config"`) or a
 * Stainless-built SDK's `api.md` (`origin: "api.md"`); both are read before the model decides.
 */
export interface ResourceRoute {
  /** The resource's path of names, [] for a method on the client itself (`client.whoami()`). */
  resource: string[];
  method: string;
  /** Upper case, as the model keys operations: `POST`. */
  httpMethod: string;
  /** The path template as the spec spells it (a map's `{param}` names are matched loosely). */
  path: string;
  /** A query the route title carries (`post /responses?beta=true`), sent with every call. */
  query?: Record<string, string>;
  /** The path parameters the method takes as leading arguments, as the map spells them (`endpointID`); absent: the last one. */
  positional?: string[];
  origin: "config" | "api.md";
  /** Where the entry was written, for messages: `api.md:42`, `/apis/together/resources/chat.completions`. */
  where: string;
}

/** `METHOD path` with every `{param}` written `{}`, so maps that name parameters differently still match. */
export function routeMatchKey(httpMethod: string, path: string): string {
  return `${httpMethod.toUpperCase()} ${path.replace(/\{[^}]*\}/g, "{}")}`;
}
