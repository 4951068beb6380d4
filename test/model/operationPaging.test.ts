import { writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { generateUnformatted } from "../../generator/generate.js";
import { scratchDir } from "../scratchDir.js";

const schemes = path.join(import.meta.dirname, "../fixtures/paging/schemes.yaml");
const pagingOf = async (spec: string, pagination?: Record<string, "off" | "cursor" | "offset" | "page" | "nextUrl" | "link">) => {
  const api = await generateUnformatted(spec, pagination === undefined ? {} : { pagination });
  return Object.fromEntries(api.surface.operations.map((operation) => [operation.name, operation.paging ?? "-"]));
};

describe("paging from the config (clientgen.config.json `pagination`), by METHOD path", () => {
  it("detected by shape when the config says nothing", async () => {
    expect(await pagingOf(schemes)).toEqual({ listContributors: "link", listCursorItems: "cursor", listOffsetItems: "offset", listPageItems: "page", listTags: "-", listUrlItems: "nextUrl" });
  });

  it('"off" leaves a list unpaged; an operation the config does not name is unaffected', async () => {
    expect(await pagingOf(schemes, { "GET /cursor-items": "off", "GET /other": "off" })).toMatchObject({ listCursorItems: "-", listOffsetItems: "offset" });
  });
});

describe("an ambiguous list is left unpaged with a note", () => {
  it("names the operation and the reason", async () => {
    const spec = path.join(await scratchDir("paging-note"), "events.json");
    await writeFile(spec, JSON.stringify({
      openapi: "3.1.0",
      info: { title: "t", version: "1" },
      paths: {
        "/events": {
          get: {
            operationId: "listEvents",
            parameters: [
              { name: "after", in: "query", schema: { type: "string" } },
              { name: "cursor", in: "query", schema: { type: "string" } },
            ],
            responses: { "200": { description: "ok", content: { "application/json": { schema: { type: "object", properties: { data: { type: "array", items: { type: "string" } }, next_cursor: { type: "string" } } } } } } },
          },
        },
      },
    }));
    const api = await generateUnformatted(spec);
    expect(api.surface.operations[0]?.paging).toBeUndefined();
    const notes = api.warnings.filter((warning) => warning.level === "note");
    expect(notes.map((note) => [note.location.pointer, note.message])).toEqual([
      [
        "/paths/~1events/get",
        'GET /events looks like a paged list, but it takes several cursor parameters (after, cursor); it is left unpaged (clientgen.config.json "pagination" can choose a scheme)',
      ],
    ]);
  });
});
