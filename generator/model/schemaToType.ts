import { toJsonPointer } from "../load/jsonPointer.js";
import { isJsonObject, type JsonObject } from "../load/walkJson.js";
import { toPascalCase, toTypeScriptIdentifier } from "../naming/identifiers.js";
import type { AdditionalProperties, DocModel, Literal, PropertyModel, TypeModel } from "./apiModel.js";
import { discriminatorModel } from "./discriminatorModel.js";
import { docModel } from "./docModel.js";
import { enumType } from "./enumType.js";
import { enumMemberScope, warn, type ModelContext } from "./modelContext.js";
import { recordExamples } from "./recordExamples.js";
import { intersectParts } from "./intersectParts.js";
import { requiredChoice } from "./requiredChoice.js";
import { declaredKeys, declaredTypes, isComposed, isNullSchema, requiredKeys } from "./schemaShape.js";
import { warnUnexpressedKeywords } from "./unexpressedKeywords.js";

/** Where a schema stands: its JSON pointer, and the name to give it if it must be hoisted. */
export interface SchemaSite {
  pointer: string;
  /** When set, an inline object or multi-value enum here becomes a named type. */
  nameHint?: string;
  /** An `allOf` member: a key it requires and does not declare may be declared by another member (`allOfType` decides). */
  allOfMember?: true;
}

const unknownType: TypeModel = { kind: "unknown" };

/** The type of a schema that stands somewhere in the spec: a `ref` for components, else converted inline. */
export function schemaToType(schema: unknown, site: SchemaSite, context: ModelContext): TypeModel {
  if (schema === false) return { kind: "never" };
  if (!isJsonObject(schema)) return unknownType;
  const componentName = context.componentNames.get(schema);
  if (componentName !== undefined) return { kind: "ref", name: componentName };
  if (context.inProgress.has(schema)) {
    warn(context, site.pointer, "recursive schema without a component name; typed as unknown at this point");
    return unknownType;
  }
  context.inProgress.add(schema);
  // Hoisted types are declared before the types hoisted from inside them: parents read first.
  const position = context.types.length;
  try {
    const type = convertSchema(schema, site, context);
    if (site.nameHint === undefined) return type;
    return hoist(type, { name: site.nameHint, position, doc: docModel(schema), pointer: site.pointer }, context);
  } finally {
    context.inProgress.delete(schema);
  }
}

/** Converts a schema's own content, never returning a ref to itself (used for components). */
export function convertSchema(schema: JsonObject, site: SchemaSite, context: ModelContext): TypeModel {
  const base = convertIgnoringNull(schema, site, context);
  const type = allowsNull(schema) ? nullable(base) : base;
  recordExamples(schema, site.pointer, type, context);
  return type;
}

/**
 * Each keyword family contributes a part and a value must satisfy them all: the values (`enum`,
 * `const`), else the shape (`type`, `properties`, `items`, `additionalProperties`), the `allOf`
 * members (with the shape among them), then each of the `oneOf`/`anyOf` choices.
 */
function convertIgnoringNull(schema: JsonObject, site: SchemaSite, context: ModelContext): TypeModel {
  warnUnexpressedKeywords(schema, site.pointer, context);
  const values = valuesPart(schema, site, context);
  const shape = values === undefined ? shapePart(schema, site, context) : undefined;
  const members = Array.isArray(schema["allOf"]) ? allOfType(schema, shape, site, context) : shape;
  const base = intersectParts([values, members].filter((part) => part !== undefined));
  const requiring = requiredChoice(schema, base);
  if (requiring !== undefined) return requiring;
  const choices = choiceParts(schema, site, context);
  return intersectParts([choices.length > 0 ? nullNeutral(schema, base) : base, ...choices]);
}

/**
 * An object or array read from `properties`/`items` with no `type` beside it constrains only
 * objects or arrays, so `null` passes it: beside a choice that allows `null`
 * (`anyOf: [X, { type: "null" }]`), the result does too.
 */
function nullNeutral(schema: JsonObject, part: TypeModel): TypeModel {
  const inferred = declaredTypes(schema).length === 0 && (part.kind === "object" || part.kind === "array" || part.kind === "record");
  return inferred ? nullable(part) : part;
}

/** `enum` and `const` list the values exactly: beside them the shape keywords add nothing a literal type lacks. */
function valuesPart(schema: JsonObject, site: SchemaSite, context: ModelContext): TypeModel | undefined {
  if (Array.isArray(schema["enum"])) return enumType(schema["enum"] as Literal[], enumMemberScope(context, site.pointer));
  if (schema["const"] !== undefined) return enumType([schema["const"] as Literal], enumMemberScope(context, site.pointer));
  return undefined;
}

/**
 * What `type`, `properties`, `items` and `additionalProperties` say, or undefined when they say
 * nothing. An object part without properties says nothing beside `allOf`/`oneOf`/`anyOf`: their
 * parts are objects already, and an index signature (or `additionalProperties: false`, which
 * JSON Schema applies to this schema's own properties only) would contradict their members.
 */
function shapePart(schema: JsonObject, site: SchemaSite, context: ModelContext): TypeModel | undefined {
  const shape = shapeType(schema, site, context);
  if (isComposed(schema) && shape?.kind === "object" && shape.properties.length === 0) return undefined;
  return shape;
}

function shapeType(schema: JsonObject, site: SchemaSite, context: ModelContext): TypeModel | undefined {
  const types = declaredTypes(schema).filter((name) => name !== "null");
  if (types.length > 1) return simplifyUnion(types.map((name) => typeByName(name, schema, site, context)));
  if (types.length === 1) return typeByName(types[0]!, schema, site, context);
  if (schema["properties"] !== undefined || schema["additionalProperties"] !== undefined) {
    return objectType(schema, site, context);
  }
  if (schema["items"] !== undefined) return arrayType(schema, site, context);
  if (declaredTypes(schema).includes("null")) return { kind: "primitive", name: "null" };
  return undefined;
}

/** Both nullable spellings: 3.0 `nullable: true` and 3.1 `type: [X, "null"]`. */
function allowsNull(schema: JsonObject): boolean {
  return schema["nullable"] === true || (declaredTypes(schema).includes("null") && declaredTypes(schema).length > 1);
}

function typeByName(name: string, schema: JsonObject, site: SchemaSite, context: ModelContext): TypeModel {
  switch (name) {
    case "string":
      return isBinary(schema) ? { kind: "binary" } : { kind: "primitive", name: "string" };
    case "integer":
    case "number":
      return { kind: "primitive", name: "number" };
    case "boolean":
      return { kind: "primitive", name: "boolean" };
    case "null":
      return { kind: "primitive", name: "null" };
    case "array":
      return arrayType(schema, site, context);
    case "object":
      return objectType(schema, site, context);
    default:
      warn(context, site.pointer, `unknown type "${name}"; typed as unknown`);
      return unknownType;
  }
}

/** 3.0 `format: binary`; 3.1 `contentMediaType` without `contentEncoding` (encoded content is text). */
function isBinary(schema: JsonObject): boolean {
  return schema["format"] === "binary" || (schema["contentMediaType"] !== undefined && schema["contentEncoding"] === undefined);
}

function arrayType(schema: JsonObject, site: SchemaSite, context: ModelContext): TypeModel {
  if (Array.isArray(schema["prefixItems"])) return tupleType(schema, schema["prefixItems"], site, context);
  const itemSite = childSite(site, ["items"], "Item");
  return { kind: "array", items: schemaToType(schema["items"] ?? true, itemSite, context) };
}

/** 3.1 tuples: `prefixItems` positions, then `items` for the rest (`items: false` closes the tuple). */
function tupleType(schema: JsonObject, prefixItems: unknown[], site: SchemaSite, context: ModelContext): TypeModel {
  const items = prefixItems.map((item, index) => schemaToType(item, childSite(site, ["prefixItems", String(index)], `Item${index + 1}`), context));
  const minItems = typeof schema["minItems"] === "number" ? Math.min(schema["minItems"], items.length) : 0;
  const rest = schema["items"] === false ? null : schemaToType(schema["items"] ?? true, childSite(site, ["items"], "Item"), context);
  return { kind: "tuple", items, minItems, rest };
}

function objectType(schema: JsonObject, site: SchemaSite, context: ModelContext): TypeModel {
  const required = new Set(Array.isArray(schema["required"]) ? schema["required"] : []);
  const properties = isJsonObject(schema["properties"]) ? schema["properties"] : {};
  const models = Object.entries(properties).map(([key, propertySchema]) =>
    propertyModel(key, propertySchema, required.has(key), site, context),
  );
  models.push(...requiredUndeclared(schema, required, properties, site));
  const keys = propertyNamesType(schema, site, context);
  if (keys !== undefined && models.length === 0) {
    const values = additionalType(schema, site, context);
    return { kind: "record", keys, values: typeof values === "object" ? values : unknownType };
  }
  return { kind: "object", properties: models, additionalProperties: additionalType(schema, site, context) };
}

/**
 * A key `required` lists that no property declares must still be there (OpenAI's
 * `ResponseAudioDoneEvent` requires `response_id` without describing it): `key: unknown`. Beside
 * `allOf`/`oneOf`/`anyOf`, or as an `allOf` member, another member may declare it: `allOfType`
 * and `requiredChoice` decide those.
 */
function requiredUndeclared(schema: JsonObject, required: Set<unknown>, properties: JsonObject, site: SchemaSite): PropertyModel[] {
  if (isComposed(schema) || site.allOfMember === true) return [];
  const undeclared = [...required].filter((key): key is string => typeof key === "string" && !Object.hasOwn(properties, key));
  return undeclared.map((key) => ({ key, required: true, readOnly: false, writeOnly: false, type: unknownType, doc: {} }));
}

/** `propertyNames` narrows keys in TypeScript only when it lists them (enum or const). */
function propertyNamesType(schema: JsonObject, site: SchemaSite, context: ModelContext): TypeModel | undefined {
  const names = schema["propertyNames"];
  if (!isJsonObject(names) || (names["enum"] === undefined && names["const"] === undefined)) return undefined;
  return schemaToType(names, { pointer: `${site.pointer}/propertyNames` }, context);
}

function propertyModel(
  key: string,
  schema: unknown,
  required: boolean,
  site: SchemaSite,
  context: ModelContext,
): PropertyModel {
  const node = isJsonObject(schema) ? schema : {};
  const isComponent = context.componentNames.has(node);
  return {
    key,
    required,
    readOnly: node["readOnly"] === true,
    writeOnly: node["writeOnly"] === true,
    type: schemaToType(schema, childSite(site, ["properties", key], toPascalCase(key)), context),
    doc: isComponent ? {} : docModel(node, key),
  };
}

/** Extra keys: `additionalProperties`, plus the value types of `patternProperties` (TypeScript cannot match patterns). */
function additionalType(schema: JsonObject, site: SchemaSite, context: ModelContext): AdditionalProperties {
  const additional = schema["additionalProperties"];
  const patterns = isJsonObject(schema["patternProperties"]) ? Object.entries(schema["patternProperties"]) : [];
  const patternTypes = patterns.map(([pattern, value]) =>
    schemaToType(value, { pointer: site.pointer + toJsonPointer(["patternProperties", pattern]) }, context),
  );
  const declared =
    additional === undefined || additional === false
      ? []
      : [additional === true ? unknownType : schemaToType(additional, childSite(site, ["additionalProperties"], "Value"), context)];
  const all = [...patternTypes, ...declared];
  if (all.length === 0) return additional === false ? "forbidden" : "unspecified";
  return all.some((type) => type.kind === "unknown") ? unknownType : simplifyUnion(all);
}

/** The `allOf` members and the schema's own shape after them, each key required where any part requires it. */
function allOfType(schema: JsonObject, shape: TypeModel | undefined, site: SchemaSite, context: ModelContext): TypeModel {
  const parts = schema["allOf"] as unknown[];
  const members = parts.map((part, index) =>
    schemaToType(part, { pointer: `${site.pointer}/allOf/${index}`, allOfMember: true, ...hintIf(parts.length === 1, site) }, context),
  );
  const typed = shape === undefined ? members : [...members, shape];
  const missing = missingRequired(schema);
  const all = [...requireAcrossMembers(typed, missing), ...requiredElsewhere(typed, missing)];
  return intersectParts(all);
}

/**
 * A key one `allOf` member (or the schema itself) requires while the member declaring it leaves it
 * optional is required in the result: an inline declaring member gets the property required, a
 * named one is joined by `Required<Pick<Member, key>>`.
 */
function requireAcrossMembers(members: TypeModel[], missing: MissingRequired[]): TypeModel[] {
  const keys = new Map(missing.map(({ index, keys }) => [index, keys]));
  return members.map((member, index) => {
    const required = keys.get(index);
    if (required === undefined || member.kind !== "object") return member;
    const properties = member.properties.map((property) => (required.includes(property.key) ? { ...property, required: true } : property));
    return { ...member, properties };
  });
}

/** `Required<Pick<…>>` for each named (or composed) member that declares a key another part requires. */
function requiredElsewhere(members: TypeModel[], missing: MissingRequired[]): TypeModel[] {
  return missing
    .filter(({ index }) => members[index]!.kind === "ref" || members[index]!.kind === "intersection")
    .map(({ index, keys }) => ({ kind: "requiredKeys", type: members[index]!, keys }));
}

/** Keys the part at `index` (an `allOf` member, or the schema's own properties after them) must make required. */
interface MissingRequired {
  index: number;
  keys: string[];
}

/** The keys a part declares but leaves optional while another part requires them, by part. */
function missingRequired(schema: JsonObject): MissingRequired[] {
  const members = (schema["allOf"] as unknown[]).map((part) => (isJsonObject(part) ? part : {}));
  const parts = [...members, { properties: schema["properties"] ?? {}, required: schema["required"] ?? [] }];
  const declared = parts.map((part) => declaredKeys(part));
  const required = parts.map((part) => requiredKeys(part));
  const byIndex = new Map<number, string[]>();
  for (const key of new Set(required.flatMap((keys) => [...keys]))) {
    const declaring = declared.flatMap((keys, index) => (keys.has(key) ? [index] : []));
    if (declaring.length === 0 || declaring.some((index) => required[index]!.has(key))) continue;
    byIndex.set(declaring[0]!, [...(byIndex.get(declaring[0]!) ?? []), key]);
  }
  return [...byIndex].map(([index, keys]) => ({ index, keys }));
}

/** A part for each of `oneOf` and `anyOf`: the union of its alternatives. */
function choiceParts(schema: JsonObject, site: SchemaSite, context: ModelContext): TypeModel[] {
  const keywords = (["oneOf", "anyOf"] as const).filter((keyword) => Array.isArray(schema[keyword]));
  return keywords.map((keyword) => unionType({ schema, keyword, alternatives: schema[keyword] as unknown[] }, site, context));
}

function unionType(
  choice: { schema: JsonObject; keyword: "oneOf" | "anyOf"; alternatives: unknown[] },
  site: SchemaSite,
  context: ModelContext,
): TypeModel {
  const { schema, keyword, alternatives } = choice;
  const nonNull = alternatives.filter((member) => !isNullSchema(member));
  const members = alternatives.map((member, index) =>
    schemaToType(member, { pointer: `${site.pointer}/${keyword}/${index}`, ...hintIf(nonNull.length === 1, site) }, context),
  );
  const union = simplifyUnion(members);
  const discriminator = discriminatorModel(schema, nonNull, context);
  const core = union.kind === "nullable" ? union.type : union;
  if (discriminator === undefined || core.kind !== "union" || core.members.length !== nonNull.length) return union;
  const discriminated: TypeModel = { ...core, discriminator };
  return union.kind === "nullable" ? { kind: "nullable", type: discriminated } : discriminated;
}

/** Flattens nested unions and turns a `null` member into the one nullable flag; a union with `unknown` is `unknown`. */
function simplifyUnion(members: TypeModel[]): TypeModel {
  if (members.some((member) => member.kind === "unknown")) return unknownType;
  const flat = members.flatMap((member) => (member.kind === "union" ? member.members : [member]));
  const hasNull = flat.some((member) => member.kind === "primitive" && member.name === "null");
  const rest = flat.filter((member) => !(member.kind === "primitive" && member.name === "null"));
  const core: TypeModel = rest.length === 1 ? rest[0]! : { kind: "union", members: rest };
  if (rest.length === 0) return { kind: "primitive", name: "null" };
  return hasNull ? nullable(core) : core;
}

function nullable(type: TypeModel): TypeModel {
  if (type.kind === "nullable" || type.kind === "unknown") return type;
  if (type.kind === "primitive" && type.name === "null") return type;
  if (type.kind === "enum" && type.members.some((member) => member.value === null)) return type;
  return { kind: "nullable", type };
}

function hintIf(condition: boolean, site: SchemaSite): { nameHint?: string } {
  return condition && site.nameHint !== undefined ? { nameHint: site.nameHint } : {};
}

function childSite(site: SchemaSite, tokens: string[], suffix: string): SchemaSite {
  const pointer = site.pointer + toJsonPointer(tokens);
  return site.nameHint === undefined ? { pointer } : { pointer, nameHint: site.nameHint + suffix };
}

/** Inline objects with properties and multi-value enums become named types, so they can be reused and read. */
function hoist(
  type: TypeModel,
  target: { name: string; position: number; doc: DocModel; pointer: string },
  context: ModelContext,
): TypeModel {
  const inner = type.kind === "nullable" ? type.type : type;
  const worthNaming =
    (inner.kind === "object" && inner.properties.length > 0) || (inner.kind === "enum" && inner.members.length > 1);
  if (!worthNaming) return type;
  // Hints are built from spec names ("Pet" + "x²"): the claimed name must still be an identifier.
  const name = context.scope.claim(toTypeScriptIdentifier(target.name, "pascal"), target.pointer);
  context.types.splice(target.position, 0, { name, type: inner, doc: target.doc, location: context.locate(target.pointer) });
  const ref: TypeModel = { kind: "ref", name };
  return type.kind === "nullable" ? { kind: "nullable", type: ref } : ref;
}


