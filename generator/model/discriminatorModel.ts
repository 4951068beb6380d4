import { isJsonObject, type JsonObject } from "../load/walkJson.js";
import type { DiscriminatorModel } from "./apiModel.js";
import type { ModelContext } from "./modelContext.js";

/**
 * The discriminator's value(s) per alternative: from `mapping` when it names the alternative's
 * component; else the values the alternative itself pins the property to (`const` or a
 * string enum, as OpenAI-style specs do); else the component's name (the OpenAPI default).
 * Inline alternatives without a pinned value get none.
 */
export function discriminatorModel(schema: JsonObject, alternatives: unknown[], context: ModelContext): DiscriminatorModel | undefined {
  const discriminator = schema["discriminator"];
  if (!isJsonObject(discriminator) || typeof discriminator["propertyName"] !== "string") return undefined;
  const mapping = isJsonObject(discriminator["mapping"]) ? Object.entries(discriminator["mapping"]) : [];
  const property = discriminator["propertyName"];
  const values = alternatives.map((alternative) => {
    if (!isJsonObject(alternative)) return [];
    const specName = context.componentSpecNames.get(alternative);
    const mapped = mapping.filter(([, target]) => typeof target === "string" && mappingTarget(target) === specName).map(([value]) => value);
    if (mapped.length > 0) return mapped;
    const pinned = pinnedValues(alternative, property);
    if (pinned.length > 0) return pinned;
    return specName === undefined ? [] : [specName];
  });
  return { property, values };
}

/** String values a schema allows for one of its own properties, when it lists them. */
function pinnedValues(schema: JsonObject, property: string): string[] {
  const properties = isJsonObject(schema["properties"]) ? schema["properties"] : {};
  const target = properties[property];
  if (!isJsonObject(target)) return [];
  const listed = target["const"] !== undefined ? [target["const"]] : Array.isArray(target["enum"]) ? target["enum"] : [];
  return listed.every((value): value is string => typeof value === "string") ? listed : [];
}

/** A mapping value is a `$ref`-style pointer or a bare schema name. */
function mappingTarget(target: string): string {
  const prefix = "#/components/schemas/";
  return target.startsWith(prefix) ? decodeURIComponent(target.slice(prefix.length)).replaceAll("~1", "/").replaceAll("~0", "~") : target;
}
