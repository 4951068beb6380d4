import { describe, expect, it } from "vitest";
import { ts } from "ts-morph";
import {
  isValidIdentifier,
  splitWords,
  toCamelCase,
  toPascalCase,
  toPropertyKey,
  toTypeScriptIdentifier,
} from "../../generator/naming/identifiers.js";
import { createNameScope } from "../../generator/naming/nameScope.js";

describe("splitWords", () => {
  it.each([
    ["deployModel", ["deploy", "Model"]],
    ["HTTPServer", ["HTTP", "Server"]],
    ["x-rate_limit", ["x", "rate", "limit"]],
    ["endpoint_id", ["endpoint", "id"]],
    ["v1.2 beta", ["v1", "2", "beta"]],
  ])("%s", (text, words) => expect(splitWords(text)).toEqual(words));
});

describe("casing", () => {
  it.each([
    ["endpoint_id", "EndpointId", "endpointId"],
    ["X-Request-ID", "XRequestID", "xRequestID"],
    ["HTTPServer", "HTTPServer", "httpServer"],
    ["already camelCase", "AlreadyCamelCase", "alreadyCamelCase"],
    // SCREAMING_SNAKE_CASE is words, not one long acronym (Together's session types)
    ["SESSION_TYPE_TRAINER_AND_GENERATOR", "SessionTypeTrainerAndGenerator", "sessionTypeTrainerAndGenerator"],
    ["IN_PROGRESS", "InProgress", "inProgress"],
    ["HTTP", "HTTP", "http"],
    ["API_KEY", "ApiKey", "apiKey"],
  ])("%s -> %s / %s", (text, pascal, camel) => {
    expect(toPascalCase(text)).toBe(pascal);
    expect(toCamelCase(text)).toBe(camel);
  });
});

describe("toTypeScriptIdentifier", () => {
  it.each([
    ["class", "camel", "class_"],
    ["await", "camel", "await_"],
    ["1abc", "pascal", "_1abc"],
    ["foo-bar", "pascal", "FooBar"],
    ["Ünïcode", "pascal", "Ünïcode"],
    ["😀 smile", "camel", "smile"],
    ["😀", "camel", "_"],
    ["", "pascal", "_"],
    ["it's \"quoted\"", "camel", "itSQuoted"],
  ] as const)("%s (%s) -> %s", (text, casing, expected) => {
    const identifier = toTypeScriptIdentifier(text, casing);
    expect(identifier).toBe(expected);
    expect(isValidIdentifier(identifier)).toBe(true);
  });
});

describe("toPropertyKey", () => {
  it.each([
    ["name", "name"],
    ["display_name", "display_name"],
    ["x-rate-limit", '"x-rate-limit"'],
    ["1st", '"1st"'],
    ['a"b', '"a\\"b"'],
    ["class", "class"],
  ])("%s -> %s", (key, expected) => expect(toPropertyKey(key)).toBe(expected));
});

describe("createNameScope", () => {
  it("suffixes taken names deterministically and honours reserved names", () => {
    const scope = createNameScope(["Promise"]);
    expect([scope.claim("Foo"), scope.claim("Foo"), scope.claim("Foo"), scope.claim("Promise")]).toEqual([
      "Foo",
      "Foo2",
      "Foo3",
      "Promise2",
    ]);
  });

  it("always takes the smallest free suffix, whatever was claimed or locked in between", () => {
    const scope = createNameScope(["Foo4"], new Map([["locked", "Foo6"]]));
    const names = [scope.claim("Foo"), scope.claim("Foo"), scope.claim("Foo3"), scope.claim("Foo"), scope.claim("Foo"), scope.claim("Foo", "locked")];
    expect([...names, scope.claim("Foo"), scope.claim("Foo", "locked")]).toEqual(["Foo", "Foo2", "Foo3", "Foo5", "Foo7", "Foo6", "Foo8", "Foo9"]);
  });

  it("suffixes thousands of equal names in order", () => {
    const scope = createNameScope();
    const names = Array.from({ length: 3000 }, () => scope.claim("Item"));
    expect(names.slice(0, 3)).toEqual(["Item", "Item2", "Item3"]);
    expect(names.at(-1)).toBe("Item3000");
    expect(new Set(names).size).toBe(3000);
  });
});

describe("identifier checks agree with the TypeScript scanner on every ASCII character", () => {
  const ascii = Array.from({ length: 128 }, (_, code) => String.fromCharCode(code));
  it.each(ascii.map((char) => [JSON.stringify(char), char]))("%s", (_label, char) => {
    const start = ts.isIdentifierStart(char.charCodeAt(0), ts.ScriptTarget.ESNext);
    const part = ts.isIdentifierPart(char.charCodeAt(0), ts.ScriptTarget.ESNext);
    expect(toPropertyKey(char)).toBe(start ? char : JSON.stringify(char));
    expect(toPropertyKey(`a${char}`)).toBe(part ? `a${char}` : JSON.stringify(`a${char}`));
    expect(toTypeScriptIdentifier(`x${char}y`, "camel")).toMatch(/^[A-Za-z0-9_$]+$/);
  });
});

