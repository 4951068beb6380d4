import type { TypeModel } from "../model/apiModel.js";
import { toPropertyKey } from "../naming/identifiers.js";
import { toLiteral, toStringLiteral } from "./escape.js";
import { docComment } from "./jsDoc.js";
import { assertNever } from "../shared/assertNever.js";

/** The single place that spells a model type as TypeScript type syntax. */
export function typeExpression(type: TypeModel): string {
  switch (type.kind) {
    case "unknown":
      return "unknown";
    case "never":
      return "never";
    case "primitive":
      return type.name;
    case "binary":
      return "Blob";
    case "tuple":
      return tupleType(type);
    case "record":
      return `Partial<Record<${typeExpression(type.keys)}, ${typeExpression(type.values)}>>`;
    case "enum":
      return type.members.map((member) => toLiteral(member.value)).join(" | ");
    case "array":
      return `${wrapForArray(type.items)}[]`;
    case "object":
      return objectLiteralType(type);
    case "union":
      return type.members.map((member, index) => discriminatedMember(type, member, index)).join(" | ");
    case "intersection":
      return type.members.map(wrapForIntersection).join(" & ");
    case "nullable":
      return `${wrapForUnion(type.type)} | null`;
    case "requiredKeys":
      return `Required<Pick<${typeExpression(type.type)}, ${type.keys.map(toStringLiteral).join(" | ")}>>`;
    case "ref":
      return type.name;
    default:
      return assertNever(type);
  }
}

function objectLiteralType(type: Extract<TypeModel, { kind: "object" }>): string {
  const members = type.properties.map(
    (property) =>
      `${docComment(property.doc)}${toPropertyKey(property.key)}${property.required ? "" : "?"}: ${typeExpression(property.type)};`,
  );
  const index = indexSignature(type);
  if (index !== undefined) members.push(`[key: string]: ${index};`);
  if (members.length === 0) return type.additionalProperties === "forbidden" ? "Record<string, never>" : "Record<string, unknown>";
  return `{ ${members.join(" ")} }`;
}

/** `[A, B?, ...C[]]`: positions past `minItems` are optional; no rest when `items: false`. */
function tupleType(type: Extract<TypeModel, { kind: "tuple" }>): string {
  const items = type.items.map((item, index) => (index >= type.minItems ? `${wrapForArray(item)}?` : typeExpression(item)));
  if (type.rest !== null) items.push(`...${wrapForArray(type.rest)}[]`);
  return `[${items.join(", ")}]`;
}

/** A discriminated member is pinned to its discriminator value(s), so `switch (x.kind)` narrows. */
function discriminatedMember(union: Extract<TypeModel, { kind: "union" }>, member: TypeModel, index: number): string {
  const values = union.discriminator?.values[index] ?? [];
  if (union.discriminator === undefined || values.length === 0) return wrapForUnion(member);
  const key = `${toPropertyKey(union.discriminator.property)}${union.discriminator.required[index] === false ? "?" : ""}`;
  const pinned = `{ ${key}: ${values.map(toStringLiteral).join(" | ")} }`;
  return `(${wrapForIntersection(member)} & ${pinned})`;
}

/**
 * The index signature type for `additionalProperties`, or undefined when there is none.
 * It must also admit the declared properties' types, or TypeScript rejects the interface.
 */
export function indexSignature(type: Extract<TypeModel, { kind: "object" }>): string | undefined {
  const additional = type.additionalProperties;
  if (additional === "unspecified" || additional === "forbidden") return undefined;
  if (additional.kind === "unknown" || type.properties.length === 0) return typeExpression(additional);
  const optional = type.properties.some((property) => !property.required);
  const members = [additional, ...type.properties.map((property) => property.type)].map(typeExpression);
  const unique = [...new Set([...members, ...(optional ? ["undefined"] : [])])];
  return unique.join(" | ");
}

function wrapForArray(type: TypeModel): string {
  const text = typeExpression(type);
  const needsParens = ["union", "intersection", "nullable"].includes(type.kind) || (type.kind === "enum" && type.members.length > 1);
  return needsParens ? `(${text})` : text;
}

function wrapForUnion(type: TypeModel): string {
  return type.kind === "intersection" ? `(${typeExpression(type)})` : typeExpression(type);
}

function wrapForIntersection(type: TypeModel): string {
  const text = typeExpression(type);
  const needsParens = ["union", "nullable"].includes(type.kind) || (type.kind === "enum" && type.members.length > 1);
  return needsParens ? `(${text})` : text;
}

