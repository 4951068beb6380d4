import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadApi } from "../../generator/load/loadApi.js";
import { buildApiModel } from "../../generator/model/buildApiModel.js";

/** The status class is decided once, in the model, and recorded on each response as `success`. */
const rows: [string, { given: string; want: boolean }][] = [
  ["200", { given: "200", want: true }],
  ["201", { given: "201", want: true }],
  ["204 (no body)", { given: "204", want: true }],
  ["the 2XX range", { given: "2XX", want: true }],
  ["a redirect", { given: "302", want: false }],
  ["404", { given: "404", want: false }],
  ["the 4XX range", { given: "4XX", want: false }],
  ["the 5XX range", { given: "5XX", want: false }],
  ["default", { given: "default", want: false }],
];

let dir: string;
let responses: { status: string; success: boolean }[];
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "response-success-"));
  const file = path.join(dir, "spec.json");
  const answer = { description: "x", content: { "application/json": { schema: { type: "string" } } } };
  const document = {
    openapi: "3.1.0",
    info: { title: "t", version: "1" },
    paths: { "/things": { get: { operationId: "getThings", responses: Object.fromEntries(rows.map(([, { given }]) => [given, answer])) } } },
  };
  await writeFile(file, JSON.stringify(document));
  const { model } = buildApiModel(await loadApi(file));
  responses = model.operations[0]!.responses;
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("ResponseModel.success", () => {
  it.each(rows)("%s", (_, { given, want }) => {
    expect(responses.find((response) => response.status === given)?.success).toBe(want);
  });
});
