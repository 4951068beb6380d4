import type { JSDocStructure, JSDocTagStructure, OptionalKind } from "ts-morph";
import type { DocModel } from "../model/apiModel.js";
import { toDocText } from "./escape.js";

/** JSDoc for a declaration, or none when the spec says nothing about it. */
export function jsDoc(doc: DocModel, extraTags: OptionalKind<JSDocTagStructure>[] = []): OptionalKind<JSDocStructure>[] {
  const paragraphs = [doc.summary, doc.title, doc.description].filter((text): text is string => text !== undefined);
  const tags = [...docTags(doc), ...extraTags];
  if (paragraphs.length === 0 && tags.length === 0) return [];
  const description = toDocText(unique(paragraphs).join("\n\n"));
  // A trailing newline puts a blank line between the text and the tags.
  return [{ description: tags.length > 0 && description !== "" ? `${description}\n` : description, tags }];
}

/** The same documentation as a comment string, for members inside inline object types. */
export function docComment(doc: DocModel): string {
  const [structure] = jsDoc(doc);
  if (structure === undefined) return "";
  const tags = (structure.tags ?? []).map((tag) => `@${tag.tagName}${tag.text === undefined ? "" : ` ${String(tag.text)}`}`);
  const lines = [...(structure.description ? String(structure.description).split("\n") : []), ...tags.flatMap((tag) => tag.split("\n"))];
  if (lines.length === 1) return `/** ${lines[0]} */\n`;
  return `/**\n${lines.map((line) => ` * ${line}`.trimEnd()).join("\n")}\n */\n`;
}

function docTags(doc: DocModel): OptionalKind<JSDocTagStructure>[] {
  const tags: OptionalKind<JSDocTagStructure>[] = [];
  if (doc.format !== undefined) tags.push({ tagName: "format", text: toDocText(doc.format) });
  for (const constraint of doc.constraints ?? []) tags.push({ tagName: constraint.keyword, text: toDocText(constraint.value) });
  if (doc.default !== undefined) tags.push({ tagName: "default", text: toDocText(doc.default) });
  for (const example of doc.examples ?? []) tags.push({ tagName: "example", text: toDocText(example) });
  if (doc.deprecated === true) tags.push({ tagName: "deprecated" });
  return tags;
}

function unique(texts: string[]): string[] {
  return texts.filter((text, index) => texts.indexOf(text) === index);
}
