import { isJsonObject, type JsonObject } from "../load/walkJson.js";
import type { DiscriminatorModel } from "./apiModel.js";
import type { ModelContext } from "./modelContext.js";
import { allOfParts, declaredTypes, isNullSchema, requiredKeys } from "./schemaShape.js";

/**
 * The discriminator's value(s) per alternative, first rule that gives one:
 * 1. the single value the alternative fixes for the property (`const`, or an enum of one), itself
 *    or through any of its `allOf` members (OpenAI's `…Resource: allOf: [Base, …]`);
 * 2. the `mapping` keys that name the alternative's component;
 * 3. the string values the alternative lists for the property (an enum of several);
 * 4. the component's name (the OpenAPI default).
 * An alternative that is not an object (OpenAI's string-enum `ToolChoiceOptions`) has no property
 * to carry a tag and gets none, as do inline alternatives without a value of their own. The tag is
 * optional where the alternative does not require the property (OpenAI's `EasyInputMessage`, sent
 * without `type`): a validator accepts such a value, so the type must too.
 * @see https://spec.openapis.org/oas/v3.1.0#discriminator-object
 */
export function discriminatorModel(schema: JsonObject, alternatives: unknown[], context: ModelContext): DiscriminatorModel | undefined {
  const discriminator = schema["discriminator"];
  if (!isJsonObject(discriminator) || typeof discriminator["propertyName"] !== "string") return undefined;
  const mapping = isJsonObject(discriminator["mapping"]) ? Object.entries(discriminator["mapping"]) : [];
  const property = discriminator["propertyName"];
  const values = alternatives.map((alternative) => {
    if (!isJsonObject(alternative) || !mayBeObject(alternative, new Set())) return [];
    const fixed = fixedValue(alternative, property, new Set());
    if (fixed !== undefined) return [fixed];
    const specName = context.componentSpecNames.get(alternative);
    const mapped = mapping.filter(([, target]) => typeof target === "string" && mappingTarget(target) === specName).map(([value]) => value);
    if (mapped.length > 0) return mapped;
    const listed = listedValues(ownProperty(alternative, property));
    if (listed.length > 0) return listed;
    return specName === undefined ? [] : [specName];
  });
  const required = alternatives.map((alternative) => isJsonObject(alternative) && requiredKeys(alternative).has(property));
  return { property, values, required };
}

/** The one string value a schema or any of its `allOf` members allows for `property`, if one does. */
function fixedValue(schema: JsonObject, property: string, seen: Set<object>): string | undefined {
  if (seen.has(schema)) return undefined;
  seen.add(schema);
  const own = singleValue(ownProperty(schema, property), new Set());
  if (own !== undefined) return own;
  for (const part of allOfParts(schema)) {
    const inherited = fixedValue(part, property, seen);
    if (inherited !== undefined) return inherited;
  }
  return undefined;
}

/**
 * `const: x` or `enum: [x]` (a string), also behind `allOf: [{ $ref }]` (a `$ref` with a description)
 * and inside a nullable choice (`anyOf: [{ enum: [x] }, { type: "null" }]`, as 3.1 spells nullable).
 */
function singleValue(schema: JsonObject | undefined, seen: Set<object>): string | undefined {
  if (schema === undefined || seen.has(schema)) return undefined;
  seen.add(schema);
  const listed = listedValues(schema);
  if (listed.length === 1) return listed[0];
  if (listed.length > 1) return undefined;
  const inside = [...allOfParts(schema), ...nonNullAlternative(schema)];
  return inside.map((part) => singleValue(part, seen)).find((value) => value !== undefined);
}

/** The one alternative of a `oneOf`/`anyOf` whose others are all `{ type: "null" }`, if that is its shape. */
function nonNullAlternative(schema: JsonObject): JsonObject[] {
  const choice = Array.isArray(schema["anyOf"]) ? schema["anyOf"] : Array.isArray(schema["oneOf"]) ? schema["oneOf"] : [];
  const others = choice.filter((alternative) => !isNullSchema(alternative));
  return others.length === 1 && isJsonObject(others[0]) ? [others[0]] : [];
}

function ownProperty(schema: JsonObject, property: string): JsonObject | undefined {
  const properties = isJsonObject(schema["properties"]) ? schema["properties"] : {};
  const target = properties[property];
  return isJsonObject(target) ? target : undefined;
}

/**
 * String values a property schema lists (`const` or `enum`); none when any value is not a string.
 * A listed `null` (a nullable enum: OpenAI's `type: { enum: [item_reference, null] }`) is no tag.
 */
function listedValues(schema: JsonObject | undefined): string[] {
  if (schema === undefined) return [];
  const listed = schema["const"] !== undefined ? [schema["const"]] : Array.isArray(schema["enum"]) ? schema["enum"] : [];
  const values = listed.filter((value) => value !== null);
  return values.every((value): value is string => typeof value === "string") ? values : [];
}

/**
 * False only when the schema cannot be an object: it declares types and none is `object`, or it
 * lists values (`enum`/`const`) none of which is an object, or one of its `allOf` members cannot be.
 */
function mayBeObject(schema: JsonObject, seen: Set<object>): boolean {
  if (seen.has(schema)) return true;
  seen.add(schema);
  const types = declaredTypes(schema);
  if (types.length > 0 && !types.includes("object")) return false;
  const listed = schema["const"] !== undefined ? [schema["const"]] : Array.isArray(schema["enum"]) ? schema["enum"] : undefined;
  if (listed !== undefined && !listed.some(isJsonObject)) return false;
  return allOfParts(schema).every((part) => mayBeObject(part, seen));
}

/** A mapping value is a `$ref`-style pointer or a bare schema name. */
function mappingTarget(target: string): string {
  const prefix = "#/components/schemas/";
  return target.startsWith(prefix) ? decodeURIComponent(target.slice(prefix.length)).replaceAll("~1", "/").replaceAll("~0", "~") : target;
}
