import { toLiteral } from "../emit/escape.js";
import { assertNever } from "../shared/assertNever.js";
import { toPropertyKey } from "../naming/identifiers.js";
import type { ApiSurface, OperationSurface, TypeSurface } from "./apiSurface.js";
import { codeSpan } from "./codeSpan.js";
import { pagingLabel } from "./pagingLabel.js";

/**
 * API.md: the surface in a few lines a reviewer reads first. `notice` is the generated-file
 * notice (it carries the marker the writer looks for), kept in an HTML comment.
 */
export function apiMarkdown(surface: ApiSurface, notice: readonly string[]): string {
  // One line each: a line break in a spec file's name or title must not start a new Markdown block.
  const oneLine = (text: string) => text.replace(/\s+/g, " ").trim();
  return [
    ...notice.map((line) => `<!-- ${oneLine(line).replace(/-(?=-)/g, "- ")} -->`),
    "",
    `# ${oneLine(surface.name)}: ${oneLine(`${surface.title} ${surface.version}`)}`,
    "",
    "## Operations",
    "",
    ...orNone(surface.operations.map(operationLine)),
    "",
    "## Types",
    "",
    ...orNone(surface.types.map(typeLine)),
    "",
  ].join("\n");
}

function orNone(lines: string[]): string[] {
  return lines.length > 0 ? lines : ["None."];
}

/**
 * `` - `getEndpoint(params: { endpointId: string }) => Promise<DedicatedEndpoint>` — GET /endpoints/{endpointId} ``,
 * then `` on `https://api.example.com/v2` `` for an operation with its own server, and `, paged by cursor` for a paged list.
 */
function operationLine(operation: OperationSurface): string {
  const server = operation.server === undefined ? "" : ` on ${codeSpan(operation.server)}`;
  const paging = operation.paging === undefined ? "" : `, ${pagingLabel(operation.paging)}`;
  const classMethod = operation.classMethod === undefined ? "" : `; ${codeSpan(`client.${operation.classMethod}()`)}`;
  return `- ${codeSpan(operationSignature(operation))} — ${operation.method} ${operation.path.replace(/\s+/g, " ")}${server}${paging}${classMethod}`;
}

/** The call as a caller writes it, leaving out the client and per-call options every operation takes. */
function operationSignature(operation: OperationSurface): string {
  const { body } = operation;
  const members = [
    ...operation.params.map((param) => `${param.name}${param.required ? "" : "?"}: ${param.type}`),
    ...(body === undefined ? [] : [`${body.name}${body.required ? "" : "?"}: ${body.type}`]),
    ...(body?.mediaTypeParam === undefined ? [] : [`${body.mediaTypeParam}?: ${body.mediaTypes.map(toLiteral).join(" | ")}`]),
  ];
  const optional = !operation.params.some((param) => param.required) && body?.required !== true;
  const params = members.length === 0 ? "" : `params${optional ? "?" : ""}: { ${members.join("; ")} }`;
  return `${operation.name}(${params}) => Promise<${operation.result}>`;
}

/** Interfaces list their property names (`?` when optional); enums and aliases show their type. */
function typeLine(type: TypeSurface): string {
  switch (type.kind) {
    case "interface": {
      const keys = type.properties.map((property) => `${toPropertyKey(property.name)}${property.required ? "" : "?"}`);
      if (type.indexSignature !== undefined) keys.push("[key: string]");
      return `- ${codeSpan(`${type.name} { ${keys.join(", ")} }`)}`;
    }
    case "enum":
      return `- ${codeSpan(type.name)} = ${codeSpan(type.values.map(toLiteral).join(" | "))}`;
    case "alias":
      return `- ${codeSpan(type.name)} = ${codeSpan(type.type)}`;
    default:
      return assertNever(type);
  }
}
