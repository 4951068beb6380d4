import type { JsonObject } from "../load/walkJson.js";
import type { TypeModel } from "./apiModel.js";
import { exampleValues } from "./docModel.js";
import type { ModelContext } from "./modelContext.js";

/** Keeps each example found on `node` with the type it should satisfy, for checkExamples. */
export function recordExamples(node: JsonObject, pointer: string, type: TypeModel, context: ModelContext): void {
  for (const example of exampleValues(node)) {
    context.examples.push({ location: context.locate(pointer + example.pointer), value: example.value, type });
  }
}
