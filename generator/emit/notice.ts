import { generatedMarker } from "../shared/generatedMarker.js";
import type { ApiModel } from "../model/apiModel.js";
import { toLineCommentText } from "./escape.js";

/**
 * The generated-file notice, one string per line; every output file carries it. Provenance
 * without timestamps or absolute paths: the spec files, and content hashes of spec and options.
 */
export function generatedNotice(model: ApiModel, optionsHash: string): string[] {
  const sources = model.sourceFiles.map(toLineCommentText).join(", ");
  return [
    `${generatedMarker} from ${sources}.`,
    `Spec content ${model.specHash}, generator options ${optionsHash}.`,
    "Do not edit: change the spec and run `npm run generate`.",
  ];
}
