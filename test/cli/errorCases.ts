/**
 * Specs the CLI must refuse: each is written into its own folder and run with a
 * copy of a valid generated client in --out (see generate.test.ts).
 */
import type { ExpectStatic } from "vitest";
import { petSpec } from "./helpers.js";

export interface ErrorCase {
  title: string;
  /** Fixture files, relative to the case's folder. */
  files: Record<string, string>;
  /** The `--spec` argument, relative to the case's folder; its base name must be in the message. */
  spec: string;
  /** Further CLI arguments. */
  args?: string[];
  /** Further requirements on the one error line. */
  message: (line: string, expect: ExpectStatic) => void;
}

export const errorCases: ErrorCase[] = [
  {
    title: "invalid YAML: the message has :<line>:<col>",
    // Line 4 is indented one space too far.
    files: { "bad-yaml.yaml": 'openapi: 3.0.3\ninfo:\n  title: T\n   version: "1"\npaths: {}\n' },
    spec: "bad-yaml.yaml",
    message: (line, expect) => expect(line).toMatch(/bad-yaml\.yaml:4:\d+\b/),
  },
  {
    title: "an empty file",
    files: { "empty.yaml": "" },
    spec: "empty.yaml",
    message: (line, expect) => expect(line).toMatch(/empty/i),
  },
  {
    title: "a YAML document that is not OpenAPI",
    files: { "shopping.yaml": "name: shopping list\nitems:\n  - milk\n  - eggs\n" },
    spec: "shopping.yaml",
    message: (line, expect) => expect(line).toMatch(/not (a valid |an )?openapi/i),
  },
  {
    title: 'swagger: "2.0" is refused clearly',
    files: { "swagger2.yaml": 'swagger: "2.0"\ninfo: {title: T, version: "1"}\npaths: {}\n' },
    spec: "swagger2.yaml",
    message: (line, expect) => {
      expect(line).toMatch(/swagger 2\.0/i);
      expect(line).toMatch(/not supported|unsupported/i);
    },
  },
  {
    title: "openapi: 4.0.0",
    files: { "openapi4.yaml": 'openapi: 4.0.0\ninfo: {title: T, version: "1"}\npaths: {}\n' },
    spec: "openapi4.yaml",
    message: (line, expect) => {
      expect(line).toContain("4.0.0");
      expect(line).toMatch(/not supported|unsupported/i);
    },
  },
  {
    title: "a dangling $ref: the missing target and the pointer where the $ref stands",
    files: { "dangling.yaml": petSpec().replace('"#/components/schemas/Pet"', '"#/components/schemas/Missing"') },
    spec: "dangling.yaml",
    message: (line, expect) => {
      expect(line).toContain("#/components/schemas/Missing");
      expect(line).toContain("/paths/~1pets~1{id}/get/responses/200/content/application~1json/schema");
    },
  },
  {
    title: "with --strict, a structurally invalid spec (response description: 3): a JSON pointer",
    files: { "bad-structure.yaml": petSpec().replace("description: The pet", "description: 3") },
    spec: "bad-structure.yaml",
    args: ["--strict"],
    message: (line, expect) => expect(line).toContain("/paths/~1pets~1{id}/get/responses/200/description"),
  },
  {
    title: "a $ref to ../outside.yaml, outside the spec folder, is refused",
    files: {
      "outside.yaml": "Pet:\n  type: object\n  properties:\n    name: {type: string}\n",
      "spec/escape.yaml": petSpec().replace('"#/components/schemas/Pet"', '"../outside.yaml#/Pet"'),
    },
    spec: "spec/escape.yaml",
    message: (line, expect) => {
      expect(line).toMatch(/refused/i);
      expect(line).toContain("outside");
    },
  },
];
