import type { NameScope } from "../naming/nameScope.js";
import type { NamedTypeDraft, OperationModel, TypeModel } from "./apiModel.js";
import { reachableNames, requestTypes } from "./reachableNames.js";
import { mapTypeModel, referencedNames, someTypeNode } from "./walkTypeModel.js";

/**
 * `readOnly` properties are never sent and `writeOnly` ones never received. A type that has
 * either (itself or through the types it references) keeps its name for the response side
 * (without writeOnly properties) and gets a `<Name>Input` twin for the request side (without
 * readOnly properties, referencing other Input twins). Operations use the twins for params and bodies.
 */
export function requestResponseViews(
  types: readonly NamedTypeDraft[],
  operations: readonly OperationModel[],
  scope: NameScope,
): { types: NamedTypeDraft[]; operations: OperationModel[] } {
  const inputNames = inputViewNames(types, requestTypes(operations), scope);
  if (inputNames.size === 0) return { types: [...types], operations: [...operations] };
  const toInput = (type: TypeModel) => requestSide(type, inputNames);
  const viewed = types.flatMap((named) => {
    const inputName = inputNames.get(named.name);
    const response = { ...named, type: responseSide(named.type) };
    return inputName === undefined ? [response] : [response, { ...named, name: inputName, type: toInput(named.type) }];
  });
  const viewedOperations = operations.map((operation) => ({
    ...operation,
    parameters: operation.parameters.map((parameter) => ({ ...parameter, type: toInput(parameter.type) })),
    ...(operation.body === undefined
      ? {}
      : { body: { ...operation.body, contents: operation.body.contents.map((content) => ({ ...content, type: toInput(content.type) })) } }),
    responses: operation.responses.map((response) => ({
      ...response,
      type: response.type && responseSide(response.type),
      ...(response.eventStream?.events === undefined
        ? {}
        : { eventStream: { ...response.eventStream, events: response.eventStream.events.map((event) => ({ ...event, data: responseSide(event.data) })) } }),
    })),
  }));
  return { types: viewed, operations: viewedOperations };
}

/**
 * Names needing a twin: types reachable from a request whose properties include readOnly or
 * writeOnly ones, directly or through the types they reference.
 */
function inputViewNames(types: readonly NamedTypeDraft[], roots: TypeModel[], scope: NameScope): Map<string, string> {
  const references = new Map(types.map((named) => [named.name, referencedNames(named.type)]));
  const reachable = reachableNames(types, roots);
  const needsView = new Set(types.filter((named) => someTypeNode(named.type, hasAccessModifier)).map((named) => named.name));
  // Whatever references a type needing a view needs one too: followed backwards from each, once.
  const referrers = new Map<string, string[]>();
  for (const [name, targets] of references) {
    for (const target of targets) referrers.get(target)?.push(name) ?? referrers.set(target, [name]);
  }
  for (const pending = [...needsView]; pending.length > 0; ) {
    for (const referrer of referrers.get(pending.pop()!) ?? []) {
      if (needsView.has(referrer)) continue;
      needsView.add(referrer);
      pending.push(referrer);
    }
  }
  const twins = types.filter((named) => needsView.has(named.name) && reachable.has(named.name));
  return new Map(twins.map((named) => [named.name, scope.claim(`${named.name}Input`)]));
}

function hasAccessModifier(type: TypeModel): boolean {
  return type.kind === "object" && type.properties.some((property) => property.readOnly || property.writeOnly);
}

function requestSide(type: TypeModel, inputNames: Map<string, string>): TypeModel {
  return mapTypeModel(type, (node) => {
    if (node.kind === "ref") return { ...node, name: inputNames.get(node.name) ?? node.name };
    if (node.kind === "intersection") return withoutEmptyMembers(node);
    if (node.kind !== "object") return node;
    return { ...node, properties: node.properties.filter((property) => !property.readOnly) };
  });
}

/** `A & {}` after readOnly properties were dropped from the inline part is just `A`. */
function withoutEmptyMembers(node: Extract<TypeModel, { kind: "intersection" }>): TypeModel {
  const isEmpty = (member: TypeModel) =>
    member.kind === "object" && member.properties.length === 0 && member.additionalProperties === "unspecified";
  const members = node.members.filter((member) => !isEmpty(member));
  if (members.length === node.members.length) return node;
  return members.length === 1 ? members[0]! : { ...node, members };
}

function responseSide(type: TypeModel): TypeModel {
  return mapTypeModel(type, (node) =>
    node.kind === "object" ? { ...node, properties: node.properties.filter((property) => !property.writeOnly) } : node,
  );
}
