import { readFileSync } from "node:fs";
import path from "node:path";
import { ts } from "ts-morph";
import { expect, it } from "vitest";
import { reservedTopLevelNames } from "../../generator/naming/reservedNames.js";

// (pageWalk.ts is only imported by paging.ts, dynamically: no generated file names what it exports)
it.each(["runtime.ts", "paging.ts", "classClient.ts"])("reserves every export of templates/%s, so no generated name can shadow one", (template) => {
  const file = path.join(import.meta.dirname, "../../templates", template);
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.ESNext);
  const exported = source.statements.flatMap((statement) => {
    const modifiers = ts.canHaveModifiers(statement) ? ts.getModifiers(statement) : undefined;
    if (!modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword)) return [];
    if (ts.isVariableStatement(statement)) return statement.declarationList.declarations.map((declaration) => declaration.name.getText(source));
    const name = (statement as { name?: ts.Identifier }).name;
    return name === undefined ? [] : [name.text];
  });
  expect(exported.length).toBeGreaterThan(template === "runtime.ts" ? 20 : 1);
  expect(exported.filter((name) => !reservedTopLevelNames.includes(name))).toEqual([]);
});
