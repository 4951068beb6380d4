import { generatedMarker } from "../shared/generatedMarker.js";
import type { ApiModel } from "../model/apiModel.js";
import { toLineCommentText } from "./escape.js";

/**
 * The generated-file notice, one string per line; every output file carries it. It names only
 * what rarely changes (the spec's folder or file), so a file whose code did not change stays
 * byte-identical: the hashes and the list of spec files live in api-surface.json alone.
 */
export function generatedNotice(model: ApiModel): string[] {
  return [
    `${generatedMarker} from ${toLineCommentText(model.source)}; api-surface.json records the spec's files and content hash.`,
    "Do not edit: change the spec and run `npm run generate`.",
  ];
}
