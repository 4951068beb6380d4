/**
 * What a node of an OpenAPI document is, as far as bundling files cares: a schema (a `$ref` there
 * names a type), a map or list of schemas, a discriminator mapping (values are refs too), plain
 * data (`example`, `default`, `enum`: a `$ref` key there is data, never followed), or any other
 * OpenAPI object (a `$ref` there stands for a response, parameter, example, … and is inlined).
 */
export type RefPosition = "schema" | "schemaMap" | "discriminator" | "mapping" | "data" | "components" | "other";

/** Keys of a schema whose value is a schema (or, for an array value, a list of them). JSON Schema 2020-12 and 3.0's subset. */
const subschemaKeys = new Set([
  "items",
  "additionalProperties",
  "not",
  "allOf",
  "anyOf",
  "oneOf",
  "prefixItems",
  "contains",
  "if",
  "then",
  "else",
  "propertyNames",
  "additionalItems",
  "unevaluatedItems",
  "unevaluatedProperties",
  "contentSchema",
]);

/** Keys of a schema whose value maps names to schemas. */
const schemaMapKeys = new Set(["properties", "patternProperties", "$defs", "definitions", "dependentSchemas"]);

/**
 * Keys outside schemas whose value is an instance, not OpenAPI structure (`value` of an Example
 * Object). Narrower than dataRefs.ts's list on purpose: this walk does not tell a Responses map from
 * other objects, and there `default` is a response. Data `$ref`s are hidden before this walk anyway.
 */
const dataKeys = new Set(["example", "value"]);

export function childPosition(position: RefPosition, key: string): RefPosition {
  switch (position) {
    case "schema":
      if (subschemaKeys.has(key)) return "schema";
      if (schemaMapKeys.has(key)) return "schemaMap";
      return key === "discriminator" ? "discriminator" : "data";
    case "schemaMap":
      return "schema";
    case "discriminator":
      return key === "mapping" ? "mapping" : "data";
    case "mapping":
    case "data":
      return "data";
    case "components":
      return key === "schemas" ? "schemaMap" : "other";
    case "other":
      if (key === "schema") return "schema";
      if (key === "components") return "components";
      return dataKeys.has(key) ? "data" : "other";
    default: {
      const unknownPosition: never = position;
      throw new Error(`unknown position ${String(unknownPosition)}`);
    }
  }
}
