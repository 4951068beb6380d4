import { describe, expect, it } from "vitest";
import { formatReport } from "../../generator/surface/compareSurfaces.js";
import { newClientReport } from "../../generator/surface/formatReport.js";
import type { SurfaceChange } from "../../generator/surface/surfaceChange.js";
import { newClientLine, summaryLines } from "../../generator/surface/summaryLines.js";

const removed: SurfaceChange = {
  kind: "operation-removed",
  breaking: true,
  subject: "getPet",
  message: "operation `getPet` removed (GET /pets/{id})",
};
const added: SurfaceChange = { kind: "type-added", breaking: false, subject: "Cat", message: "type `Cat` added" };

describe("formatReport", () => {
  it("no changes: a heading and one sentence", () => {
    expect(formatReport([], "pets")).toBe("## API changes: pets\n\nNo API surface changes.\n");
  });

  it("breaking changes first, each list under its heading; an empty list is left out", () => {
    expect(formatReport([added, removed], "pets")).toBe(
      [
        "## API changes: pets",
        "",
        "### Breaking",
        "",
        "- operation `getPet` removed (GET /pets/{id})",
        "",
        "### Non-breaking",
        "",
        "- type `Cat` added",
        "",
      ].join("\n"),
    );
    expect(formatReport([added], "pets")).not.toContain("Breaking\n");
  });

  it("a new client: its size, not a list of everything added", () => {
    expect(newClientReport({ newClient: true, operations: 3, types: 1 }, "pets")).toBe("## API changes: pets\n\nNew client: 3 operations, 1 type.\n");
  });
});

describe("summaryLines", () => {
  it("one line per change, prefixed breaking: or change:", () => {
    expect(summaryLines([removed, added], "pets")).toEqual([
      "breaking: pets: operation `getPet` removed (GET /pets/{id})",
      "change: pets: type `Cat` added",
    ]);
    expect(summaryLines([], "pets")).toEqual(["pets: no API surface changes"]);
  });

  it("a new client: one line for the whole API", () => {
    expect(newClientLine({ newClient: true, operations: 1, types: 12 }, "pets")).toBe("pets: new client: 1 operation, 12 types written");
  });
});
