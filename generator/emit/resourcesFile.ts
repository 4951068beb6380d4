import type { ApiModel, ResourceMethodModel } from "../model/apiModel.js";
import { createNameScope } from "../naming/nameScope.js";
import { classErrorNames } from "../naming/reservedNames.js";
import { resourceClassName } from "../naming/resourceNames.js";
import { compareOrdinal } from "../shared/compareOrdinal.js";
import { toDocText, toStringLiteral } from "./escape.js";
import { docComment } from "./jsDoc.js";

/**
 * resources.ts: a class per resource (deepest first) and the client class, each method calling the
 * operation's function through classClient.ts. Operations come in as a namespace (`ops.`), so no
 * resource class name can meet a function or type name.
 */
export function resourcesFileStatements(model: ApiModel): string[] {
  const client = model.resourceClient;
  const resources = resourcePaths(client.methods);
  const classNames = resourceClassNames(resources, client.className);
  const classes = resources
    .filter((path) => path.length > 0)
    .sort((a, b) => b.length - a.length || compareOrdinal(a.join("."), b.join(".")))
    .map((path) => resourceClass(path, resources, client.methods, classNames));
  const declarations = [...classes, clientClass(model, resources, classNames)];
  return [...imports(declarations), ...declarations];
}

const classClientValues = ["APIResource", "BaseClient", "withFiles", ...classErrorNames];
const classClientTypes = ["APIPromise", "CallOptions", "ClassClientOptions", "ItemOf", "PagePromise", "Stream", "StreamItem", "Uploads"];

/** What the declarations use, so no import goes unused. */
function imports(declarations: readonly string[]): string[] {
  const text = declarations.join("\n");
  const used = (name: string) => new RegExp(`\\b${name}\\b`).test(text);
  const values = classClientValues.filter(used).sort(compareOrdinal);
  const types = classClientTypes.filter(used).sort(compareOrdinal).map((name) => `type ${name}`);
  return [
    `import { ${[...values, ...types].join(", ")} } from "./classClient.js";`,
    `import { createClient } from "./client.js";`,
    ...(text.includes("ops.") ? [`import * as ops from "./operations.js";`] : []),
  ];
}

/** Each resource's class name, unique in the file (`s1.items` and `s1Items` both want `S1ItemsResource`), claimed in path order. */
function resourceClassNames(resources: readonly string[][], clientName: string): Map<string, string> {
  const scope = createNameScope([clientName, "ops", "createClient", ...classClientValues, ...classClientTypes]);
  return new Map(resources.filter((path) => path.length > 0).map((path) => [path.join("."), scope.claim(`${resourceClassName(path)}Resource`)]));
}

/** Every resource path with a method or a child, the client itself ([]) first. */
function resourcePaths(methods: readonly ResourceMethodModel[]): string[][] {
  const keys = new Set<string>([""]);
  for (const method of methods) for (let depth = 1; depth <= method.resource.length; depth++) keys.add(method.resource.slice(0, depth).join("."));
  return [...keys].sort(compareOrdinal).map((key) => (key === "" ? [] : key.split(".")));
}

function resourceClass(path: string[], resources: string[][], methods: readonly ResourceMethodModel[], classNames: Map<string, string>): string {
  const members = [...childFields(path, resources, "this._client", classNames), ...ownMethods(path, methods)];
  return `\nexport class ${classNames.get(path.join("."))} extends APIResource {\n${members.join("\n")}\n}`;
}

function childFields(path: string[], resources: string[][], client: string, classNames: Map<string, string>): string[] {
  return resources
    .filter((child) => child.length === path.length + 1 && path.every((name, index) => child[index] === name))
    .map((child) => {
      const name = classNames.get(child.join("."));
      return `  ${child.at(-1)}: ${name} = new ${name}(${client});`;
    });
}

function ownMethods(path: string[], methods: readonly ResourceMethodModel[]): string[] {
  return methods.filter((method) => method.resource.join(".") === path.join(".")).map(methodText);
}

function clientClass(model: ApiModel, resources: string[][], classNames: Map<string, string>): string {
  const name = model.resourceClient.className;
  const statics = classErrorNames.map((error) => `  static get ${error}(): typeof ${error} {\n    return ${error};\n  }`);
  const doc = `/**\n * The ${toDocLine(model.title)} client, resource by resource (\`new ${name}().<resource>.<method>(…)\`).\n *\n * The API key comes from \`options.apiKey\`, or else from the ${model.apiKeyEnvVar} environment variable.\n */\n`;
  const members = [
    ...childFields([], resources, "this", classNames),
    `  constructor(options: ClassClientOptions = {}) {\n    super(options, createClient);\n  }`,
    ...ownMethods([], model.resourceClient.methods),
    // Getters, not static fields: a getter runs nothing when the module loads, so no bundler can
    // take the class for a side effect and keep it in a program that imports only functions.
    ...statics,
  ];
  return `\n${doc}export class ${name} extends BaseClient {\n${members.join("\n")}\n}`;
}

// The title on one line of the class's JSDoc, escaped as every doc text is (no `*/`, no tag).
function toDocLine(text: string): string {
  return toDocText(text).replace(/\s+/g, " ");
}

/** One method: its overloads (a stream switch has three), then the body that calls the function. */
function methodText(method: ResourceMethodModel): string {
  const doc = indent(docComment(method.doc));
  const positional = method.positional.map((name) => `${safeName(name)}: ops.${method.paramsTypeName}[${toStringLiteral(name)}]`);
  const flat = flatType(method, method.paramsTypeName);
  const paramsArg = flat === undefined ? [] : [`params${method.paramsRequired ? "" : "?"}: ${flat}`];
  const signature = (params: string[], result: string): string => `  ${method.method}(${[...positional, ...params, "options?: CallOptions"].join(", ")}): ${result}`;
  const shape = shapeLiteral(method);
  const posArg = `[${method.positional.map(safeName).join(", ")}]`;
  const flatArg = flat === undefined ? "undefined" : "params";
  const target = method.resource.length === 0 ? "this" : "this._client";
  // A body that may go as multipart gets withFiles: bytes and streams where a file goes become files.
  const prepare = method.body?.uploads && flat !== undefined ? ", withFiles" : "";
  const call = (fn: string, kind: "_call" | "_stream") => `${target}.${kind}(ops.${fn}, ${shape}, ${posArg}, ${flatArg}, options${kind === "_call" ? prepare : ""})`;
  const result = resultType(method);
  if (method.stream === undefined || flat === undefined) {
    // An operation that only streams gives a Stream, as a twin's `stream: true` does.
    const kind = method.streams === undefined ? "_call" : "_stream";
    return `${doc}${signature(paramsArg, result)} {\n    return ${call(method.operation, kind)} as ${result};\n  }`;
  }
  const stream = method.stream;
  const switchKey = toStringLiteral(stream.switch);
  const twinFlat = flatType(method, stream.paramsTypeName) ?? "{}";
  const streamResult = `APIPromise<Stream<StreamItem<ops.${stream.resultTypeName}, ${stream.items === "events" ? "true" : "false"}>>>`;
  const both = `APIPromise<ops.${method.resultTypeName} | Stream<StreamItem<ops.${stream.resultTypeName}, ${stream.items === "events" ? "true" : "false"}>>>`;
  const overloads = [
    `${signature(paramsArg, result)};`,
    `${signature([`params: ${twinFlat} & { ${switchKey}: true }`], streamResult)};`,
    `${signature([`params${method.paramsRequired ? "" : "?"}: Omit<${flat}, ${switchKey}> & { ${switchKey}?: boolean | null }`], both)};`,
  ];
  const implementation = [
    `  ${method.method}(${[...positional.map((text) => text.replace(/:.*/, ": unknown")), "params?: object", "options?: CallOptions"].join(", ")}): APIPromise<unknown> {`,
    `    return (params as Record<string, unknown> | undefined)?.[${switchKey}] === true`,
    `      ? ${call(stream.operation, "_stream")}`,
    `      : ${call(method.operation, "_call")};`,
    `  }`,
  ];
  return `${doc}${overloads.join("\n")}\n${implementation.join("\n")}`;
}

function resultType(method: ResourceMethodModel): string {
  const result = `ops.${method.resultTypeName}`;
  if (method.streams !== undefined) return `APIPromise<Stream<StreamItem<${result}, ${method.streams === "events" ? "true" : "false"}>>>`;
  return method.paged ? `PagePromise<${result}, ItemOf<ReturnType<typeof ops.${method.operation}>>>` : `APIPromise<${result}>`;
}

/** The flat params object's type, spelled from the function's params type; undefined when there is nothing to give. */
function flatType(method: ResourceMethodModel, paramsTypeName: string | undefined): string | undefined {
  if (paramsTypeName === undefined) return undefined;
  const from = (name: string) => `ops.${paramsTypeName}[${toStringLiteral(name)}]`;
  const members = method.parameters.map((parameter) => `${propertyKey(parameter.key)}${parameter.required ? "" : "?"}: ${from(parameter.name)}`);
  const body = method.body;
  if (body !== undefined && !body.spread) members.push(`body${body.required ? "" : "?"}: ${from(body.name)}`);
  const parts = [...(members.length > 0 ? [`{ ${members.join("; ")} }`] : [])];
  if (body?.spread) parts.push(`NonNullable<${from(body.name)}>`);
  if (parts.length === 0) return undefined;
  // A multipart body's files may be given as bytes, a stream or a Response too: the class makes them files.
  return body?.uploads ? `Uploads<${parts.join(" & ")}>` : parts.join(" & ");
}

function shapeLiteral(method: ResourceMethodModel): string {
  const entries: string[] = [];
  if (method.paramsTypeName !== undefined) entries.push("p: 1");
  if (method.positional.length > 0) entries.push(`at: [${method.positional.map(toStringLiteral).join(", ")}]`);
  if (method.parameters.length > 0) entries.push(`k: { ${method.parameters.map((parameter) => `${propertyKey(parameter.key)}: ${toStringLiteral(parameter.name)}`).join(", ")} }`);
  if (method.body !== undefined) entries.push(`b: [${toStringLiteral(method.body.name)}, ${method.body.spread ? 1 : 0}, ${method.body.required ? 1 : 0}]`);
  if (method.query !== undefined) entries.push(`q: ${JSON.stringify(method.query)}`);
  if (method.stream?.items === "events" || method.streams === "events") entries.push("e: 1");
  return `{ ${entries.join(", ")} }`;
}

function propertyKey(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? key : toStringLiteral(key);
}

// A parameter name that is a reserved word cannot name an argument.
function safeName(name: string): string {
  return /^(break|case|catch|class|const|continue|debugger|default|delete|do|else|enum|export|extends|false|finally|for|function|if|import|in|instanceof|new|null|return|super|switch|this|throw|true|try|typeof|var|void|while|with|yield|let|static|implements|interface|package|private|protected|public|await|arguments|eval|options|params)$/.test(name)
    ? `${name}_`
    : name;
}

function indent(comment: string): string {
  return comment === "" ? "" : comment.split("\n").map((line) => (line === "" ? line : `  ${line}`)).join("\n");
}
