import { splitWords, toPascalCase, toTypeScriptIdentifier } from "./identifiers.js";

/** Where an operation sits in the resource-style client: `client.<resource…>.<method>`. */
export interface ResourcePlace {
  resource: string[];
  method: string;
}

// A path segment that only versions the API (`v1`, `v2beta`) names no resource.
const versionSegment = /^v\d+[a-z0-9]*$/i;

/**
 * The default place of an operation without a map entry, from its method and path alone:
 * literal segments name the resources (versions skipped), and the verb names the method.
 * `GET /endpoints/{id}` -> endpoints.retrieve, `GET /endpoints` -> endpoints.list, `POST` -> create,
 * `PUT`/`PATCH` -> update, `DELETE` -> delete. A `POST` to a literal segment after a parameter is
 * an action on the thing the parameter names: `POST /fine-tunes/{id}/cancel` -> fineTunes.cancel;
 * a Google-style custom verb (`/endpoints/{id}:deployModel`) likewise. Other verbs (`HEAD`) keep their name.
 */
export function defaultResourcePlace(httpMethod: string, path: string): ResourcePlace {
  const raw = path.split("/").filter((segment) => segment !== "");
  const last = raw.at(-1) ?? "";
  const customVerb = /^(.*\})?:([A-Za-z][\w-]*)$/.exec(last);
  const segments = customVerb === null ? raw : [...raw.slice(0, -1), customVerb[1] ?? ""];
  const literal = (segment: string | undefined): boolean => segment !== undefined && segment !== "" && !segment.includes("{");
  const names = segments.filter((segment) => literal(segment) && !versionSegment.test(segment)).map(resourceName);
  if (customVerb !== null) return { resource: names, method: resourceName(customVerb[2]!) };
  const verb = httpMethod.toUpperCase();
  const endsWithParameter = !literal(segments.at(-1));
  const action = verb === "POST" && !endsWithParameter && segments.length >= 2 && !literal(segments.at(-2));
  if (action) return { resource: names.slice(0, -1), method: names.at(-1)! };
  return { resource: names, method: verbMethod(verb, endsWithParameter) };
}

function verbMethod(verb: string, endsWithParameter: boolean): string {
  switch (verb) {
    case "GET":
      return endsWithParameter ? "retrieve" : "list";
    case "POST":
      return "create";
    case "PUT":
    case "PATCH":
      return "update";
    case "DELETE":
      return "delete";
    default:
      return verb.toLowerCase();
  }
}

/** A path segment as a property name: `fine-tunes` -> fineTunes, `chat` -> chat. */
export function resourceName(segment: string): string {
  return toTypeScriptIdentifier(segment, "camel");
}

/** The class of a resource: its path of names in Pascal case (`chat.completions` -> ChatCompletions). */
export function resourceClassName(resource: readonly string[]): string {
  return resource.map((name) => toPascalCase(name)).join("");
}

// Words an API title adds around the vendor's name.
const genericTitleWords = new Set(["api", "apis", "rest", "openapi", "service", "services", "spec", "specification", "public", "http", "the", "v1", "v2", "v3"]);

/** The client class's name from the API title (`Together APIs` -> Together), else from the API's short name. */
export function clientClassName(title: string, apiName: string): string {
  // Whole words first (`APIs` is one word here, not `AP` + `Is`), then their humps.
  const words = title.split(/[^\p{L}\p{N}]+/u).filter((word) => word !== "" && !genericTitleWords.has(word.toLowerCase()) && !/^\d/.test(word));
  const name = words.flatMap((word) => splitWords(word)).map((word) => toPascalCase(word)).join("");
  const chosen = name !== "" ? name : toPascalCase(apiName);
  // A title may hold anything: what is left must still name a class.
  return chosen !== "" && /^[A-Za-z]/.test(chosen) ? toTypeScriptIdentifier(chosen, "pascal") : "Client";
}
