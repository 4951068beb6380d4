import {
  StructureKind,
  VariableDeclarationKind,
  type InterfaceDeclarationStructure,
  type PropertySignatureStructure,
  type StatementStructures,
  type OptionalKind,
  type TypeAliasDeclarationStructure,
} from "ts-morph";
import type { NamedTypeModel, PropertyModel } from "../model/apiModel.js";
import { toObjectLiteralKey, toPropertyKey } from "../naming/identifiers.js";
import { toLiteral } from "./escape.js";
import { jsDoc } from "./jsDoc.js";
import { assertNever } from "../shared/assertNever.js";
import { indexSignature, typeExpression } from "./typeExpression.js";

/** models.ts: one declaration per named type, in model order. */
export function modelStatements(types: readonly NamedTypeModel[]): StatementStructures[] {
  return types.flatMap(namedTypeStatements);
}

function namedTypeStatements(named: NamedTypeModel): StatementStructures[] {
  switch (named.declaration) {
    case "interface":
      return [interfaceStatement(named)];
    case "enum":
      return enumStatements(named);
    case "alias":
      return [aliasStatement(named)];
    default:
      return assertNever(named);
  }
}

function interfaceStatement(named: Extract<NamedTypeModel, { declaration: "interface" }>): InterfaceDeclarationStructure {
  const index = indexSignature(named.type);
  return {
    kind: StructureKind.Interface,
    name: named.name,
    isExported: true,
    docs: jsDoc(named.doc),
    properties: named.type.properties.map(propertySignature),
    indexSignatures: index === undefined ? [] : [{ keyName: "key", keyType: "string", returnType: index }],
  };
}

function aliasStatement(named: NamedTypeModel): TypeAliasDeclarationStructure {
  return { kind: StructureKind.TypeAlias, name: named.name, isExported: true, type: typeExpression(named.type), docs: jsDoc(named.doc) };
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
function enumStatements(named: Extract<NamedTypeModel, { declaration: "enum" }>): StatementStructures[] {
  const entries = named.type.members.map((member) => `${toObjectLiteralKey(member.name)}: ${toLiteral(member.value)},`);
  return [
    aliasStatement(named),
    {
      kind: StructureKind.VariableStatement,
      isExported: true,
      declarationKind: VariableDeclarationKind.Const,
      declarations: [{ name: named.name, initializer: `{\n${entries.join("\n")}\n} as const satisfies Record<string, ${named.name}>` }],
    },
  ];
}
