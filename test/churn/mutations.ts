/** Small spec changes applied to test/fixtures/specs/basics-31.yaml, as a vendor update would. */
export const mutations: Record<string, (spec: string) => string> = {
  "add an operation": (spec) =>
    spec.replace(
      "components:\n",
      [
        "  /things:",
        "    get:",
        "      operationId: list_things_things_get",
        "      responses:",
        '        "200":',
        "          description: All things",
        "          content:",
        "            application/json:",
        '              schema: { type: array, items: { $ref: "#/components/schemas/Thing" } }',
        "components:",
        "",
      ].join("\n"),
    ),
  "remove an operation": (spec) => spec.replace(/    put:\n[\s\S]*?(?=components:)/, ""),
  "add a property": (spec) =>
    spec.replace("        id: { type: string }\n", "        id: { type: string }\n        colour: { type: string }\n"),
  "remove a property": (spec) =>
    spec.replace(/        meta:\n          type: object\n          additionalProperties: \{ type: string \}\n/, ""),
  "add an enum value": (spec) => spec.replace("enum: [small, large]", "enum: [small, medium, large]"),
  "reorder components": (spec) => {
    const [head, components] = spec.split("  schemas:\n") as [string, string];
    const blocks = components.split(/\n(?=    \w+:\n)/);
    return `${head}  schemas:\n${[...blocks].reverse().map((block) => block.replace(/\n*$/, "\n")).join("")}`;
  },
  "reorder paths": (spec) => spec.replace(/    get:\n([\s\S]*?)    put:\n([\s\S]*?)(?=components:)/, "    put:\n$2    get:\n$1"),
  "rename an operationId": (spec) => spec.replace("operationId: read_thing_things__thing_id__get", "operationId: fetchThing"),
};
