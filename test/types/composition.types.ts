// Type-level tests: compiled by test/typecheck.test.ts. Each `@ts-expect-error` fails the
// compile if the line it marks stops being an error, so rejections are tested as much as acceptance.
import type * as M31 from "../fixtures/clients/composition-31/models.js";
import type * as M30 from "../fixtures/clients/composition-30/models.js";

// allOf: all members' properties are required where the members require them.
const both: M31.NamedAndTimestamped = { name: "n", created: 1, note: "x" };
// @ts-expect-error created (from Timestamped) is required
const missing: M31.NamedAndTimestamped = { name: "n" };
const both30: M30.NamedAndTimestamped = { name: "n", created: 1 };

// allOf with a single $ref plus description is just the referenced type.
const wrapper: M31.Wrapper = { inner: { name: "n" } };
// @ts-expect-error inner must be a Named
const badWrapper: M31.Wrapper = { inner: { created: 1 } };

// oneOf / anyOf
const text: M31.StringOrNumber = "a";
const number: M31.StringOrNumber = 1;
// @ts-expect-error booleans are neither alternative
const neither: M31.StringOrNumber = true;
const shape: M31.AnyShape = { created: 1 };

// discriminator with mapping: the tag narrows, and only mapped values are allowed
function describe(pet: M31.Pet): string {
  switch (pet.petType) {
    case "cat":
      return String(pet.meows);
    case "dog":
    case "puppy":
      return String(pet.barks);
  }
}
const cat: M31.Pet = { petType: "cat", meows: true };
// @ts-expect-error "cow" is not a mapped value
const cow: M31.Pet = { petType: "cow", meows: true };
// @ts-expect-error a dog's tag with a cat's body
const mixed: M31.Pet = { petType: "dog", meows: true };

// discriminator without mapping: the component names are the values
const byName: M30.PetByName = { petType: "Dog", barks: 2 };
// @ts-expect-error lower-case is not the component name
const wrongCase: M30.PetByName = { petType: "dog", barks: 2 };

// discriminator without mapping, alternatives pinning their own value (enum / const)
function speaker(message: M31.Message): string {
  return message.role === "system" ? `system: ${message.content}` : `user: ${message.content}`;
}
const system: M31.Message = { role: "system", content: "be brief" };
// @ts-expect-error "assistant" is no alternative's role
const assistant: M31.Message = { role: "assistant", content: "hi" };

// discriminator over a string branch and an object branch (OpenAI's ToolChoiceParam as issue 19 quotes
// it): the string takes no tag, the object takes the value it fixes
const toolChoiceMode: M31.ToolChoice = "none";
const toolChoiceFunction: M31.ToolChoice = { type: "function", name: "f" };
// @ts-expect-error not one of the modes
const toolChoiceOther: M31.ToolChoice = "sometimes";
// @ts-expect-error the component's name is not the function branch's tag
const toolChoiceByName: M31.ToolChoice = { type: "ToolChoiceFunction", name: "f" };

// an optional tuple position holding a union
const pair: M31.Pair[] = [["a"], ["a", null], ["a", "b"]];
// @ts-expect-error the tuple is closed at two items
const triple: M31.Pair = ["a", "b", "c"];

export { speaker, system, assistant, pair, triple, toolChoiceMode, toolChoiceFunction, toolChoiceOther, toolChoiceByName };
export { both, missing, both30, wrapper, badWrapper, text, number, neither, shape, describe, cat, cow, mixed, byName, wrongCase };
