import { describe, expect, it } from "vitest";
import { warningLines, type SpecWarning } from "../../generator/shared/specError.js";

const at = (pointer: string, message: string, level?: "note"): SpecWarning => ({ location: { file: "spec.yaml", pointer }, message, ...(level ? { level } : {}) });

describe("warningLines", () => {
  it("prints every warning with its place while a message repeats at most three times", () => {
    const warnings = [at("/a", "one"), at("/b", "two"), at("/c", "one"), at("/d", "kept", "note")];
    expect(warningLines(warnings)).toEqual([
      "warning: spec.yaml#/a: one",
      "warning: spec.yaml#/b: two",
      "warning: spec.yaml#/c: one",
      "note: spec.yaml#/d: kept",
    ]);
  });

  it("shows the first three places of a message repeated 150 times and counts the rest, so other warnings stay visible", () => {
    const repeated = Array.from({ length: 150 }, (_, index) => at(`/paths/${index}/get/requestBody`, "a GET request cannot carry a body"));
    const lines = warningLines([...repeated.slice(0, 100), at("/info", "something else"), ...repeated.slice(100)]);
    expect(lines).toEqual([
      "warning: spec.yaml#/paths/0/get/requestBody: a GET request cannot carry a body",
      "warning: spec.yaml#/paths/1/get/requestBody: a GET request cannot carry a body",
      "warning: spec.yaml#/paths/2/get/requestBody: a GET request cannot carry a body",
      "warning: spec.yaml#/info: something else",
      "warning: spec.yaml: 147 more places (150 in all): a GET request cannot carry a body",
    ]);
  });
});
