import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { generate, type GeneratedApi } from "../../generator/generate.js";

const vendor = path.join(import.meta.dirname, "../fixtures/vendor/openai/openapi.yaml");
let models = "";

beforeAll(async () => {
  const api: GeneratedApi = await generate(vendor);
  models = api.files.find((file) => file.path === "models.ts")!.text;
});

/** The statement declaring `name` in models.ts: from `export type name =` to the next blank line, doc comment or statement. */
function declaration(name: string): string {
  const lines = models.split("\n");
  const start = lines.findIndex((line) => line.startsWith(`export type ${name} =`));
  const end = lines.findIndex((line, index) => index > start && (line === "" || line.startsWith("/**") || line.startsWith("export ")));
  return lines.slice(start, end).join("\n");
}

// OpenAI's public spec (test/fixtures/vendor/openai): the types issue 19 names, and input items, as generated.
describe("OpenAI's spec (vendored excerpt)", () => {
  it.each([
    [
      "a branch's tag is the value its allOf member fixes (function_call_output, not the component's name)",
      "BetaItemResource",
      [
        "export type BetaItemResource =",
        '  | (BetaInputMessageResource & { type: "message" })',
        '  | (BetaOutputMessage & { type: "message" })',
        '  | (BetaFileSearchToolCall & { type: "file_search_call" })',
        '  | (BetaComputerToolCall & { type: "computer_call" })',
        '  | (BetaComputerToolCallOutputResource & { type: "computer_call_output" })',
        '  | (BetaWebSearchToolCall & { type: "web_search_call" })',
        '  | (BetaFunctionToolCallResource & { type: "function_call" })',
        '  | (BetaFunctionToolCallOutputResource & { type: "function_call_output" })',
        '  | (BetaAgentMessage & { type: "agent_message" })',
        '  | (BetaMultiAgentCall & { type: "multi_agent_call" })',
        '  | (BetaMultiAgentCallOutput & { type: "multi_agent_call_output" })',
        '  | (BetaToolSearchCall & { type: "tool_search_call" })',
        '  | (BetaToolSearchOutput & { type: "tool_search_output" })',
        '  | (BetaAdditionalTools & { type: "additional_tools" })',
        '  | (BetaReasoningItem & { type: "reasoning" })',
        '  | (BetaProgram & { type: "program" })',
        '  | (BetaProgramOutput & { type: "program_output" })',
        '  | (BetaCompactionBody & { type: "compaction" })',
        '  | (BetaImageGenToolCall & { type: "image_generation_call" })',
        '  | (BetaCodeInterpreterToolCall & { type: "code_interpreter_call" })',
        '  | (BetaLocalShellToolCall & { type: "local_shell_call" })',
        '  | (BetaLocalShellToolCallOutput & { type: "local_shell_call_output" })',
        '  | (BetaFunctionShellCall & { type: "shell_call" })',
        '  | (BetaFunctionShellCallOutput & { type: "shell_call_output" })',
        '  | (BetaApplyPatchToolCall & { type: "apply_patch_call" })',
        '  | (BetaApplyPatchToolCallOutput & { type: "apply_patch_call_output" })',
        '  | (BetaMCPListTools & { type: "mcp_list_tools" })',
        '  | (BetaMCPApprovalRequest & { type: "mcp_approval_request" })',
        '  | (BetaMCPApprovalResponseResource & { type: "mcp_approval_response" })',
        '  | (BetaMCPToolCall & { type: "mcp_call" })',
        '  | (BetaCustomToolCallResource & { type: "custom_tool_call" })',
        '  | (BetaCustomToolCallOutputResource & { type: "custom_tool_call_output" });',
      ],
    ],
    [
      "a key one allOf member requires and another declares is required (type)",
      "BetaInputMessageResource",
      [
        "export type BetaInputMessageResource = BetaInputMessage & {",
        "  /** The unique ID of the message input. */",
        "  id: string;",
        '} & Required<Pick<BetaInputMessage, "type">>;',
      ],
    ],
    [
      "a branch that does not require its tag takes it as optional (BetaEasyInputMessage, sent without type); a nullable enum's value is the tag",
      "BetaInputItem",
      [
        "export type BetaInputItem =",
        '  | (BetaEasyInputMessage & { type?: "message" })',
        "  | BetaItem",
        '  | (BetaCompactionTriggerItemParam & { type: "compaction_trigger" })',
        '  | (BetaItemReferenceParam & { type?: "item_reference" })',
        '  | (BetaProgramItemParam & { type: "program" })',
        '  | (BetaProgramOutputItemParam & { type: "program_output" });',
      ],
    ],
    [
      "a union without a discriminator pins nothing (ToolChoiceParam at f85dbe2; its string branch stays plain)",
      "ToolChoiceParam",
      [
        "export type ToolChoiceParam =",
        "  | ToolChoiceOptions",
        "  | ToolChoiceAllowed",
        "  | ToolChoiceTypes",
        "  | ToolChoiceFunction",
        "  | ToolChoiceMCP",
        "  | ToolChoiceCustom",
        "  | SpecificProgrammaticToolCallingParam",
        "  | SpecificApplyPatchParam",
        "  | SpecificFunctionShellParam;",
      ],
    ],
  ])("%s: %s", (_case, given, want) => {
    expect(declaration(given)).toBe(want.join("\n"));
  });

  // The type-level tests (test/types/openai.types.ts) compile against this file.
  it("generates the pinned models.ts", async () => {
    await expect(models).toMatchFileSnapshot(path.join(import.meta.dirname, "../fixtures/clients/vendor-openai/models.ts"));
  });
});
