// Type-level tests on OpenAI's own spec (the vendored excerpt in test/fixtures/vendor/openai), compiled
// by test/typecheck.test.ts. Each `@ts-expect-error` fails the compile if its line stops being an error.
import type * as O from "../fixtures/clients/vendor-openai/models.js";

// A union branch whose tag comes from an allOf member (BetaFunctionToolCallOutput) takes that tag.
const functionOutput: O.BetaItemResource = { type: "function_call_output", id: "fc_1", status: "completed", call_id: "call_1", output: "42" };
function outputOf(item: O.BetaItemResource): string | undefined {
  // The tag narrows to the branch.
  return item.type === "function_call_output" && typeof item.output === "string" ? item.output : undefined;
}
// @ts-expect-error the component's name is not the tag
const byComponentName: O.BetaItemResource = { type: "BetaFunctionToolCallOutputResource", id: "fc_1", status: "completed", call_id: "call_1", output: "42" };
// @ts-expect-error the function call output's body under another branch's tag
const wrongTag: O.BetaItemResource = { type: "computer_call_output", id: "fc_1", status: "completed", call_id: "call_1", output: "42" };

// An input message resource as the API returns it, in and out of the union.
const message: O.BetaInputMessageResource = { id: "msg_1", type: "message", role: "user", content: [] };
const messageItem: O.BetaItemResource = { id: "msg_1", type: "message", role: "user", content: [] };
// @ts-expect-error `type` is required: the second allOf member requires what BetaInputMessage declares
const untyped: O.BetaInputMessageResource = { id: "msg_1", role: "user", content: [] };

// tool_choice: the string modes, which the vendor's SDK sends, and an object branch.
const none: O.ToolChoiceParam = "none";
const forced: O.ToolChoiceParam = { type: "function", name: "get_weather" };
// @ts-expect-error not one of the modes
const sometimes: O.ToolChoiceParam = "sometimes";

// An input item as OpenAI's own SDK sends it: a message without `type`, which its schema does not require.
const easy: O.BetaInputItem = { role: "user", content: "Hello" };
const easyTagged: O.BetaInputItem = { type: "message", role: "user", content: "Hello" };
const reference: O.BetaInputItem = { id: "msg_1" };
function isReference(item: O.BetaInputItem): boolean {
  // the optional tag still narrows
  return item.type === "item_reference" && typeof item.id === "string";
}
// @ts-expect-error an easy message's tag, if given, is `message`
const easyMistagged: O.BetaInputItem = { type: "input_text", role: "user", content: "Hello" };

export { easy, easyTagged, reference, isReference, easyMistagged, functionOutput, outputOf, byComponentName, wrongTag, message, messageItem, untyped, none, forced, sometimes };
