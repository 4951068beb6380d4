/** Small surfaces written out in tests: defaults for everything a case does not care about. */
import type { ApiSurface, BodySurface, OperationSurface, PropertySurface, TypeSurface } from "../../generator/surface/apiSurface.js";
import type { TypeSide } from "../../generator/surface/typeSides.js";
import type { Literal } from "../../generator/model/apiModel.js";

export function surface(parts: { operations?: OperationSurface[]; types?: TypeSurface[] } = {}): ApiSurface {
  return { name: "pets", title: "Pet API", version: "1.0.0", operations: parts.operations ?? [], types: parts.types ?? [] };
}

export function operation(overrides: Partial<OperationSurface> = {}): OperationSurface {
  return { name: "getPet", method: "GET", path: "/pets/{id}", params: [], result: "Pet", errorStatuses: ["404"], ...overrides };
}

export function body(overrides: Partial<BodySurface> = {}): BodySurface {
  return { name: "body", required: true, type: "PetInput", mediaTypes: ["application/json"], ...overrides };
}

export function param(name: string, required: boolean, type = "string"): { name: string; required: boolean; type: string } {
  return { name, required, type };
}

export function property(name: string, required: boolean, type = "string"): PropertySurface {
  return { name, required, type };
}

export function iface(name: string, side: TypeSide, properties: PropertySurface[], indexSignature?: string): TypeSurface {
  return { kind: "interface", name, side, properties, ...(indexSignature === undefined ? {} : { indexSignature }) };
}

export function enumType(name: string, side: TypeSide, values: Literal[]): TypeSurface {
  return { kind: "enum", name, side, values };
}

export function alias(name: string, side: TypeSide, type: string): TypeSurface {
  return { kind: "alias", name, side, type };
}
