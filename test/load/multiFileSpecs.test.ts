import { cp, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import SwaggerParser from "@apidevtools/swagger-parser";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { generate } from "../../generator/generate.js";
import { loadApi } from "../../generator/load/loadApi.js";
import { SpecError } from "../../generator/shared/specError.js";

/** A root document plus resource, model, response, parameter and example files: DigitalOcean's layout. */
const fixture = path.join(import.meta.dirname, "../fixtures/specs/multi-file-30");

let scratch: string;
beforeEach(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), "multi-file-"));
});
afterEach(async () => {
  await rm(scratch, { recursive: true, force: true });
});

/** `export interface X …` and `export type X = …` blocks of models.ts (enum const objects left out), by name. */
function declarations(models: string): Map<string, string> {
  const blocks = models.split(/\n(?=export (?:interface|type|const) )/).filter((block) => /^export (interface|type) /.test(block));
  return new Map(blocks.map((block) => [/^export (?:interface|type) (\w+)/.exec(block)![1]!, block.replace(/^export (?:interface|type) \w+/, "").trim()]));
}

/** Names of declarations whose body another declaration already has. */
function repeatedBodies(models: string): string[] {
  const seen = new Set<string>();
  const repeated: string[] = [];
  for (const [name, body] of declarations(models)) {
    if (seen.has(body)) repeated.push(name);
    seen.add(body);
  }
  return repeated;
}

async function modelsOf(specPath: string, nameLockFile?: string): Promise<{ models: string; lock: string }> {
  const api = await generate(specPath, { nameLock: { file: nameLockFile ?? path.join(scratch, "none.lock.json") } });
  return { models: api.files.find((file) => file.path === "models.ts")!.text, lock: api.nameLock.text };
}

/** Writes `files` (path -> YAML or JSON text) under the scratch folder; returns the first one's path. */
async function writeSpec(files: Record<string, string>): Promise<string> {
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(scratch, file)), { recursive: true });
    await writeFile(path.join(scratch, file), text);
  }
  return path.join(scratch, Object.keys(files)[0]!);
}

const okResponse = (schema: string) =>
  `{ "200": { description: OK, content: { application/json: { schema: { $ref: "${schema}" } } } } }`;

describe("a spec spread over files", () => {
  it("declares each schema file once: no declaration repeats another's body", async () => {
    const { models } = await modelsOf(fixture);
    const total = declarations(models).size;
    const repeated = repeatedBodies(models);
    expect(repeated.length / total, `repeated: ${repeated.join(", ")}`).toBeLessThanOrEqual(0.01);
  });

  it("names a file's schema by its title, its file name or its pointer; same-named files by their folder", async () => {
    const names = [...declarations((await modelsOf(fixture)).models).keys()];
    expect(names).toEqual(
      expect.arrayContaining([
        "Droplet", // resources/droplets/models/droplet.yml
        "SnapshotImage", // resources/images/models/image.yml, `title: Snapshot image`
        "VolumeBase", // volume_schemas.yml#/volume_base
        "SharedAction", // shared/models/action.yml ...
        "VolumesAction", // ... and resources/volumes/models/action.yml
        "Region", // the root's `components/schemas/Region: { $ref: shared/models/region.yml }`
        "PageLinks", // reached only from another model file
        "DropletResponse", // the inline schema of responses/droplet.yml, which two operations use
      ]),
    );
    expect(names.filter((name) => /Droplet\d|Region\d|Action\d/.test(name))).toEqual([]);
  });

  it("keeps every name when the root is reordered and an operation brings a new file of the same name", async () => {
    const copy = path.join(scratch, "multi-file-30");
    await cp(fixture, copy, { recursive: true });
    const lockFile = path.join(scratch, "names.lock.json");
    const before = await modelsOf(copy, lockFile);
    await writeFile(lockFile, before.lock);

    const root = (await SwaggerParser.parse(path.join(copy, "api.yaml"))) as { paths: Record<string, unknown> };
    root.paths = Object.fromEntries(Object.entries(root.paths).reverse());
    root.paths["/v2/images/{image_id}/droplet"] = { get: { operationId: "images_droplet", responses: JSON.parse(
      '{"200": {"description": "OK", "content": {"application/json": {"schema": {"$ref": "resources/images/models/droplet.yml"}}}}}',
    ) } };
    await writeFile(path.join(copy, "api.yaml"), JSON.stringify(root));
    await writeFile(path.join(copy, "resources/images/models/droplet.yml"), "type: object\nproperties:\n  image_id: { type: integer }\n");
    const after = declarations((await modelsOf(copy, lockFile)).models);

    for (const [name, body] of declarations(before.models)) expect([name, after.get(name)]).toEqual([name, body]);
    expect(after.get("ImagesDroplet")).toBe("{\n  image_id?: number;\n}");
  });

  it("gives the same client whatever order the root lists its paths in", async () => {
    const copy = path.join(scratch, "multi-file-30");
    await cp(fixture, copy, { recursive: true });
    const root = (await SwaggerParser.parse(path.join(copy, "api.yaml"))) as { paths: Record<string, unknown> };
    root.paths = Object.fromEntries(Object.entries(root.paths).reverse());
    await writeFile(path.join(copy, "api.yaml"), JSON.stringify(root));
    expect((await modelsOf(copy)).models).toBe((await modelsOf(fixture)).models);
  });

  it("places a pointer into a hoisted schema in the file the schema was written in", async () => {
    const api = await loadApi(fixture);
    const [component] = [...api.fileSchemas].find(([, schema]) => schema.file.endsWith(path.join("shared", "models", "error.yml")))!;
    expect(api.locate(`/components/schemas/${component}/properties/id`)).toEqual({
      file: path.relative(process.cwd(), path.join(fixture, "shared/models/error.yml")),
      pointer: "/properties/id",
    });
  });

  it("declares a schema file that refers to itself once, as a recursive type", async () => {
    const spec = await writeSpec({
      "api.yaml": `openapi: 3.0.3\ninfo: { title: T, version: "1" }\npaths:\n  /tree:\n    get:\n      responses: ${okResponse("models/node.yml")}\n`,
      "models/node.yml": "type: object\nproperties:\n  children:\n    type: array\n    items:\n      $ref: node.yml\n",
    });
    expect([...declarations((await modelsOf(spec)).models)]).toEqual([["Node", "{\n  children?: Node[];\n}"]]);
  });

  it("refuses a $ref to a pointer another file lacks, naming the file and where the $ref stands", async () => {
    const spec = await writeSpec({
      "api.yaml": `openapi: 3.0.3\ninfo: { title: T, version: "1" }\npaths:\n  /x:\n    get:\n      responses: ${okResponse("models.yml#/nope")}\n`,
      "models.yml": "thing: { type: string }\n",
    });
    const error = await loadApi(spec).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SpecError);
    expect((error as SpecError).message).toContain("models.yml#/nope");
    expect((error as SpecError).location).toEqual({
      file: path.relative(process.cwd(), spec),
      pointer: "/paths/~1x/get/responses/200/content/application~1json/schema/$ref",
    });
  });

  it("refuses files that only refer to each other, naming where the cycle closes", async () => {
    const spec = await writeSpec({
      "api.yaml": `openapi: 3.0.3\ninfo: { title: T, version: "1" }\npaths:\n  /x:\n    get:\n      responses: { "200": { $ref: a.yml } }\n`,
      "a.yml": "$ref: b.yml\n",
      "b.yml": "$ref: a.yml\n",
    });
    const error = await loadApi(spec).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SpecError);
    expect((error as SpecError).message).toMatch(/cycle/);
    expect((error as SpecError).location.file).toBe(path.relative(process.cwd(), path.join(scratch, "b.yml")));
  });
});
