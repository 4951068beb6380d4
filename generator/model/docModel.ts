import { toJsonPointer } from "../load/jsonPointer.js";
import { isJsonObject, type JsonObject } from "../load/walkJson.js";
import { splitWords } from "../naming/identifiers.js";
import type { DocModel } from "./apiModel.js";

/**
 * Documentation of a schema, parameter or operation. A `title` that only repeats
 * the name in words (FastAPI's `title: Endpoint Id` on `endpoint_id`) is dropped as noise.
 */
export function docModel(node: JsonObject, name?: string): DocModel {
  const doc: DocModel = {};
  const title = text(node["title"]);
  if (title !== undefined && !repeatsName(title, name)) doc.title = title;
  const summary = text(node["summary"]);
  if (summary !== undefined) doc.summary = summary;
  const description = text(node["description"]);
  if (description !== undefined) doc.description = description;
  if (node["deprecated"] === true) doc.deprecated = true;
  const format = text(node["format"]);
  if (format !== undefined) doc.format = format;
  if (node["default"] !== undefined) doc.default = JSON.stringify(node["default"]);
  const constraints = constraintKeywords.filter((keyword) => node[keyword] !== undefined && node[keyword] !== false);
  if (constraints.length > 0) {
    doc.constraints = constraints.map((keyword) => ({ keyword, value: JSON.stringify(node[keyword]) }));
  }
  const examples = exampleValues(node);
  if (examples.length > 0) doc.examples = examples.map((example) => JSON.stringify(example.value));
  return doc;
}

/** Validation keywords TypeScript cannot express, surfaced in JSDoc. */
const constraintKeywords = [
  "minimum",
  "exclusiveMinimum",
  "maximum",
  "exclusiveMaximum",
  "multipleOf",
  "minLength",
  "maxLength",
  "pattern",
  "minItems",
  "maxItems",
  "uniqueItems",
  "minProperties",
  "maxProperties",
] as const;

export interface ExampleValue {
  value: unknown;
  /** JSON pointer of the value relative to the node it was found on. */
  pointer: string;
}

/** `example` (3.0) and `examples` (3.1 schema array, or a media type's or parameter's named map). */
export function exampleValues(node: JsonObject): ExampleValue[] {
  const values: ExampleValue[] = [];
  if (node["example"] !== undefined) values.push({ value: node["example"], pointer: "/example" });
  const examples = node["examples"];
  if (Array.isArray(examples)) {
    examples.forEach((value, index) => values.push({ value, pointer: `/examples/${index}` }));
  } else if (isJsonObject(examples)) {
    for (const [name, example] of Object.entries(examples)) {
      if (isJsonObject(example) && example["value"] !== undefined) {
        values.push({ value: example["value"], pointer: `/examples/${toJsonPointer([name]).slice(1)}/value` });
      }
    }
  }
  return values;
}

function text(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value : undefined;
}

function repeatsName(title: string, name: string | undefined): boolean {
  if (name === undefined) return false;
  const words = (value: string) => splitWords(value).join(" ").toLowerCase();
  return words(title) === words(name);
}
