import type { TypeModel } from "./apiModel.js";
import { isJsonObject, type JsonObject } from "../load/walkJson.js";
import { isNullSchema } from "./schemaShape.js";

/**
 * A `oneOf`/`anyOf` whose alternatives only list `required` keys
 * (`anyOf: [{required: [a]}, {required: [b]}]`, OpenAI's "`image_url` or `file_id`") says
 * "this same object, with these keys present": an object part becomes the union of its copies
 * with each alternative's keys required (a key it does not declare stays out, as `required`
 * alone does elsewhere). Beside any other part such a choice adds nothing TypeScript can say
 * (each alternative alone is `unknown`) and the choice falls to `choiceParts`, where it is dropped.
 */
export function requiredChoice(schema: JsonObject, base: TypeModel): TypeModel | undefined {
  const object = base.kind === "nullable" ? base.type : base;
  const alternatives = schema["oneOf"] ?? schema["anyOf"];
  const both = schema["oneOf"] !== undefined && schema["anyOf"] !== undefined;
  if (object.kind !== "object" || !Array.isArray(alternatives) || both) return undefined;
  const lists = alternatives.filter((alternative) => !isNullSchema(alternative)).map(requiredOnly);
  if (lists.length === 0 || lists.some((keys) => keys === undefined)) return undefined;
  const variants: TypeModel[] = (lists as string[][]).map((keys) => ({
    ...object,
    properties: object.properties.map((property) => (keys.includes(property.key) ? { ...property, required: true } : property)),
  }));
  const union: TypeModel = { kind: "union", members: variants };
  return base.kind === "nullable" ? { kind: "nullable", type: union } : union;
}

/** The keys an alternative requires when `required` (and documentation) is all it says. */
function requiredOnly(alternative: unknown): string[] | undefined {
  if (!isJsonObject(alternative) || !Array.isArray(alternative["required"])) return undefined;
  const saysMore = Object.keys(alternative).some((key) => !["required", "title", "description"].includes(key));
  return saysMore ? undefined : alternative["required"].filter((key): key is string => typeof key === "string");
}

