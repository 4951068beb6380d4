import {
  StructureKind,
  VariableDeclarationKind,
  type InterfaceDeclarationStructure,
  type PropertySignatureStructure,
  type StatementStructures,
  type OptionalKind,
} from "ts-morph";
import type { EnumMember, NamedTypeModel, PropertyModel, TypeModel } from "../model/apiModel.js";
import { toObjectLiteralKey, toPropertyKey } from "../naming/identifiers.js";
import { toLiteral } from "./escape.js";
import { jsDoc } from "./jsDoc.js";
import { indexSignature, typeExpression } from "./typeExpression.js";

/** models.ts: one declaration per named type, in model order. */
export function modelStatements(types: readonly NamedTypeModel[]): StatementStructures[] {
  return types.flatMap(namedTypeStatements);
}

function namedTypeStatements(named: NamedTypeModel): StatementStructures[] {
  const { type } = named;
  // An object with no declared members reads better (and checks better) as a Record alias than as `{}`.
  const hasMembers = type.kind === "object" && (type.properties.length > 0 || indexSignature(type) !== undefined);
  if (type.kind === "object" && hasMembers) return [interfaceStatement(named, type)];
  if (type.kind === "enum") return enumStatements(named, type.members);
  return [{ kind: StructureKind.TypeAlias, name: named.name, isExported: true, type: typeExpression(type), docs: jsDoc(named.doc) }];
}

function interfaceStatement(
  named: NamedTypeModel,
  type: Extract<TypeModel, { kind: "object" }>,
): InterfaceDeclarationStructure {
  const index = indexSignature(type);
  return {
    kind: StructureKind.Interface,
    name: named.name,
    isExported: true,
    docs: jsDoc(named.doc),
    properties: type.properties.map(propertySignature),
    indexSignatures: index === undefined ? [] : [{ keyName: "key", keyType: "string", returnType: index }],
  };
}

function propertySignature(property: PropertyModel): OptionalKind<PropertySignatureStructure> {
  return {
    name: toPropertyKey(property.key),
    hasQuestionToken: !property.required,
    type: typeExpression(property.type),
    docs: jsDoc(property.doc),
  };
}

/**
 * No TypeScript `enum` (not erasable syntax): a union of the literals, and a
 * const object of the same name holding the values for use at runtime.
 */
function enumStatements(named: NamedTypeModel, members: readonly EnumMember[]): StatementStructures[] {
  const entries = members.map((member) => `${toObjectLiteralKey(member.name)}: ${toLiteral(member.value)},`);
  return [
    { kind: StructureKind.TypeAlias, name: named.name, isExported: true, type: typeExpression(named.type), docs: jsDoc(named.doc) },
    {
      kind: StructureKind.VariableStatement,
      isExported: true,
      declarationKind: VariableDeclarationKind.Const,
      declarations: [{ name: named.name, initializer: `{\n${entries.join("\n")}\n} as const satisfies Record<string, ${named.name}>` }],
    },
  ];
}
