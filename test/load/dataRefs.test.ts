import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadApi } from "../../generator/load/loadApi.js";
import { resolveJsonPointer } from "../../generator/load/jsonPointer.js";
import { readDocument } from "../../generator/load/readDocument.js";
import { refParser } from "../../generator/load/refParser.js";

const fixture = path.join(import.meta.dirname, "../fixtures/specs/data-refs-30.yaml");

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "data-refs-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Places in data-refs-30.yaml whose value holds a `$ref` key that is data. */
const dataPlaces = [
  "/x-origin",
  "/paths/x-mirror",
  "/paths/~1groups~1{id}/get/responses/200/content/application~1json/examples/inline/value",
  "/paths/~1groups~1{id}/put/requestBody/content/application~1json/example",
  "/components/schemas/Group/properties/owner/default",
  "/components/schemas/Group/x-links",
  "/components/schemas/Member/example",
  "/components/examples/group/value",
];

describe("a $ref key in data (examples, defaults, extensions) is data, never followed", () => {
  it("the GitHub-like fixture loads: bundled exactly as written, data unchanged after dereferencing", async () => {
    const written = await refParser.parse(fixture);
    const api = await loadApi(fixture);
    expect(api.bundled).toEqual(written);
    for (const pointer of dataPlaces) expect(resolveJsonPointer(api.document, pointer), pointer).toEqual(resolveJsonPointer(written, pointer));
    // Real refs are still followed, and a property named `$ref` stays a property.
    const member = resolveJsonPointer(api.document, "/components/schemas/Member");
    expect(resolveJsonPointer(api.document, "/components/schemas/Group/properties/members/items")).toBe(member);
    expect(resolveJsonPointer(api.document, "/components/schemas/Group/properties/x-creator")).toBe(member);
    expect(resolveJsonPointer(member, "/properties/$ref")).toEqual({ type: "string", format: "uri" });
    expect(resolveJsonPointer(api.document, "/paths/~1groups~1{id}/get/responses/200/content/application~1json/examples/fromComponents")).toBe(
      resolveJsonPointer(api.document, "/components/examples/group"),
    );
  });

  it("in a file reached by a file $ref too (the data's remote and escaping refs are not followed)", async () => {
    const spec = path.join(dir, "multi");
    await mkdir(path.join(spec, "schemas"), { recursive: true });
    await writeFile(
      path.join(spec, "api.yaml"),
      [
        "openapi: 3.0.3",
        "info: {title: Multi, version: '1'}",
        "paths:",
        "  /m:",
        "    get:",
        "      responses:",
        "        '200': {description: ok, content: {application/json: {schema: {$ref: 'schemas/member.yaml'}}}}",
        "",
      ].join("\n"),
    );
    const example = { value: "u1", $ref: "https://data-refs.test/Users/u1", links: [{ $ref: "../../outside.yaml" }] };
    await writeFile(
      path.join(spec, "schemas", "member.yaml"),
      `type: object\nproperties:\n  value: {type: string}\n  $ref: {type: string}\nexample: ${JSON.stringify(example)}\n`,
    );
    const api = await loadApi(spec);
    const schema = "/paths/~1m/get/responses/200/content/application~1json/schema";
    expect(resolveJsonPointer(api.document, `${schema}/example`)).toEqual(example);
    expect(resolveJsonPointer(api.document, `${schema}/properties/$ref`)).toEqual({ type: "string" });
    expect(JSON.stringify(api.bundled)).toContain(JSON.stringify(example));
  });

  it("a document says whether it hid any, so loading restores only when there is something to restore", async () => {
    const read = (file: string) => readDocument(file, { root: path.dirname(file), strict: false });
    expect((await read(fixture)).dataRefsHidden).toBe(true);
    expect((await read(path.join(import.meta.dirname, "../fixtures/specs/basics-30.yaml"))).dataRefsHidden).toBe(false);
  });
});
