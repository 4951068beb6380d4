import type { JsonObject } from "../load/walkJson.js";
import type { NameScope } from "../naming/nameScope.js";
import type { HttpMethod } from "./apiModel.js";
import type { ModelContext } from "./modelContext.js";

export interface Route {
  path: string;
  method: HttpMethod;
  pointer: string;
  pathItem: JsonObject;
  globalSecurity: string[][];
  /** The document's first server URL as written (see `operationServer`). */
  documentServerUrl: string;
}

export interface TypeScope {
  context: ModelContext;
  typePrefix: string;
}

export interface OperationScope extends TypeScope {
  propertyNames: NameScope;
}
