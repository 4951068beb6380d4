import { describe, expect, it } from "vitest";
import type { FileSchema } from "../../generator/load/fileSchema.js";
import { fileSchemaNames } from "../../generator/model/fileSchemaNames.js";

/** Component key -> [hint, folders nearest first]. */
function namesFor(schemas: Record<string, [string | undefined, string[]]>): Record<string, string> {
  const fileSchemas = new Map<string, FileSchema>(
    Object.entries(schemas).map(([key, [hint, folders]]) => [key, { file: key, pointer: "", folders, ...(hint === undefined ? {} : { hint }) }]),
  );
  return Object.fromEntries(fileSchemaNames(fileSchemas));
}

describe("fileSchemaNames", () => {
  it.each([
    ["a lone file keeps its own name", { a: ["droplet", ["models"]] }, { a: "Droplet" }],
    ["a title is a name like any other", { a: ["Snapshot image", ["models"]] }, { a: "SnapshotImage" }],
    [
      "two same-named files: each qualified by the nearest folder that differs",
      { a: ["action", ["models", "shared"]], b: ["action", ["models", "volumes", "resources"]] },
      { a: "SharedAction", b: "VolumesAction" },
    ],
    [
      "a file at the top of the spec folder keeps its name beside a same-named one in a folder",
      { a: ["error", []], b: ["error", ["models"]] },
      { a: "Error", b: "ModelsError" },
    ],
    ["a schema the root names itself gets no name here", { a: [undefined, ["models"]] }, {}],
  ] as const)("%s", (_title, schemas, expected) => {
    expect(namesFor(schemas as unknown as Record<string, [string | undefined, string[]]>)).toEqual(expected);
  });
});
