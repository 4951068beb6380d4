import { StructureKind, VariableDeclarationKind, type StatementStructures } from "ts-morph";
import type { ApiModel, SecuritySchemeModel } from "../model/apiModel.js";
import { toObjectLiteralKey } from "../naming/identifiers.js";
import { toDocText, toStringLiteral } from "./escape.js";

/** client.ts: `createClient` with this API's defaults (server, API key variable, security schemes). */
export function clientStatements(model: ApiModel): StatementStructures[] {
  const schemes = model.securitySchemes.map((scheme) => `${toObjectLiteralKey(scheme.key)}: ${schemeLiteral(scheme)}`);
  const defaults = [
    "baseUrl: defaultBaseUrl",
    `apiKeyEnvVar: ${toStringLiteral(model.apiKeyEnvVar)}`,
    `securitySchemes: { ${schemes.join(", ")} }`,
  ];
  return [
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: "./runtime.js",
      namedImports: ["configureClient", { name: "Client", isTypeOnly: true }, { name: "ClientOptions", isTypeOnly: true }],
    },
    {
      kind: StructureKind.VariableStatement,
      leadingTrivia: "\n",
      isExported: true,
      declarationKind: VariableDeclarationKind.Const,
      docs: ["The spec's first server; pass `baseUrl` to `createClient` to use another."],
      declarations: [{ name: "defaultBaseUrl", initializer: toStringLiteral(model.defaultBaseUrl) }],
    },
    {
      kind: StructureKind.Function,
      name: "createClient",
      isExported: true,
      docs: [
        toDocText(
          `A client for ${model.title} ${model.version}.\n\nThe API key comes from \`options.apiKey\`, ` +
            `or else from the ${model.apiKeyEnvVar}\nenvironment variable where \`process.env\` exists.`,
        ),
      ],
      parameters: [{ name: "options", type: "ClientOptions", initializer: "{}" }],
      returnType: "Client",
      statements: [`return configureClient(options, { ${defaults.join(", ")} });`],
    },
  ];
}

function schemeLiteral(scheme: SecuritySchemeModel): string {
  if (scheme.type === "http") return `{ type: "http", scheme: ${toStringLiteral(scheme.scheme)} }`;
  return `{ type: "apiKey", in: ${toStringLiteral(scheme.in)}, name: ${toStringLiteral(scheme.parameterName)} }`;
}
