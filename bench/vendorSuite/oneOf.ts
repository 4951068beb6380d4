/**
 * Prism's "must match exactly one schema in oneOf" names no rule of its own. For such a violation in a
 * JSON request body, this finds the `oneOf` in the spec (the operation by method and path, then the
 * body schema down the violation's location) and counts the branches the value sent there matches
 * (ajv, JSON Schema 2020-12). Several branches matched is a fact about the value: together with the
 * value's keys all written in the test, the test's literal breaks the spec.
 */
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };
type Validate = (value: unknown) => boolean;

const isObject = (value: unknown): value is JsonObject => typeof value === "object" && value !== null && !Array.isArray(value);
const rootId = "https://spec.invalid/vendor-suite.json";

export interface OneOfMatch {
  /** names of the branches the value matches (`x-stainless-variantName`, `title`, or the index) */
  matched: string[];
  branches: number;
  /** the value at the violation's location */
  value: Json;
}

export class OneOfChecker {
  private readonly ajv: { compile(schema: object): Validate };
  private readonly document: JsonObject;

  /** `document`: the spec, parsed */
  constructor(document: unknown) {
    this.document = isObject(document) ? document : {};
    const Ajv = require("ajv/dist/2020").default;
    this.ajv = new Ajv({ strict: false, validateFormats: false, logger: false });
    (this.ajv as unknown as { addSchema(schema: object, key: string): void }).addSchema({ $id: rootId, components: this.document.components ?? {} }, rootId);
  }

  /** undefined when the oneOf cannot be found or the body is not JSON */
  check(method: string, url: string, body: string | undefined, location: string[]): OneOfMatch | undefined {
    const at = location.slice(location.indexOf("body") + 1);
    if (!location.includes("body") || body === undefined) return undefined;
    let value: Json;
    try {
      value = JSON.parse(body) as Json;
    } catch {
      return undefined;
    }
    for (const segment of at) value = (Array.isArray(value) ? value[Number(segment)] : isObject(value) ? value[segment] : undefined) ?? null;

    const schema = this.bodySchema(method, new URL(url).pathname);
    const target = at.reduce<Json | undefined>((node, segment) => this.child(node, segment), schema);
    const oneOf = this.oneOfOf(target);
    if (oneOf === undefined) return undefined;
    const matched = oneOf.flatMap((branch, index) => {
      const validate = this.ajv.compile(this.inlineRefs(branch));
      const name = isObject(branch) ? (branch["x-stainless-variantName"] ?? branch.title) : undefined;
      return validate(value) ? [typeof name === "string" ? name : `#${index}`] : [];
    });
    return { matched, branches: oneOf.length, value };
  }

  private bodySchema(method: string, pathname: string): Json | undefined {
    const paths = isObject(this.document.paths) ? this.document.paths : {};
    // a literal segment beats a template one: `/files/upload` before `/files/{id}`
    const candidates = Object.keys(paths)
      .filter((template) => new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\\?\{[^}]+\\?\}/g, "[^/]+")}$`).test(pathname))
      .sort((a, b) => (a.match(/\{/g)?.length ?? 0) - (b.match(/\{/g)?.length ?? 0));
    for (const template of candidates) {
      const operation = this.resolve((paths[template] as JsonObject)[method.toLowerCase()]);
      const content = isObject(operation) ? this.resolve(operation.requestBody) : undefined;
      const media = isObject(content) && isObject(content.content) ? content.content["application/json"] : undefined;
      if (isObject(media)) return this.resolve(media.schema);
    }
    return undefined;
  }

  /** A property or an array item of a schema, looking through `$ref` and `allOf`. */
  private child(node: Json | undefined, segment: string): Json | undefined {
    for (const schema of this.flatten(node)) {
      if (/^\d+$/.test(segment) && schema.items !== undefined) return this.resolve(schema.items);
      if (isObject(schema.properties) && schema.properties[segment] !== undefined) return this.resolve(schema.properties[segment]);
    }
    return undefined;
  }

  private oneOfOf(node: Json | undefined): Json[] | undefined {
    return this.flatten(node).map((schema) => schema.oneOf).find(Array.isArray);
  }

  /** the schema and its `allOf` members, each resolved */
  private flatten(node: Json | undefined): JsonObject[] {
    const schema = this.resolve(node);
    if (!isObject(schema)) return [];
    return [schema, ...(Array.isArray(schema.allOf) ? schema.allOf.flatMap((member) => this.flatten(member)) : [])];
  }

  private resolve(node: Json | undefined): Json | undefined {
    for (let hops = 0; isObject(node) && typeof node.$ref === "string" && node.$ref.startsWith("#/") && hops < 20; hops++) {
      node = node.$ref
        .slice(2)
        .split("/")
        .map((segment) => segment.replaceAll("~1", "/").replaceAll("~0", "~"))
        .reduce<Json | undefined>((at, segment) => (isObject(at) ? at[segment] : undefined), this.document);
    }
    return node;
  }

  /** `#/components/…` refs of a branch pointed at the copy of the components ajv holds */
  private inlineRefs(node: Json): object {
    return JSON.parse(JSON.stringify(node).replace(/"\$ref":"#\//g, `"$ref":"${rootId}#/`)) as object;
  }
}
