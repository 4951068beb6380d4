import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, it } from "vitest";
import { copyDir, listNames, makeTempDir, removeDir, repoRoot, runCli, snapshotDir, writeText } from "../cli/helpers.js";

/*
 * Two versions of the Cerebras spec folder, both named cerebras/ so they are the same API:
 * v1 = the bundled spec plus an optional request property `region`;
 * v2 = v1 without retrieve-endpoint-status.yaml (getEndpointStatus and its types are gone),
 *      with `region` required (breaking) and an optional response property `queued_at` (not breaking).
 */
let root: string | undefined;

beforeAll(async () => {
  root = await makeTempDir("surface");
});

afterAll(async () => {
  await removeDir(root);
});

async function specVersions(dir: string): Promise<{ v1: string; v2: string }> {
  const v1 = path.join(dir, "v1", "cerebras");
  const v2 = path.join(dir, "v2", "cerebras");
  await copyDir(path.join(repoRoot, "specs", "cerebras"), v1);
  const deploy = await readFile(path.join(v1, "deploy-model-to-endpoint.yaml"), "utf8");
  const withRegion = replaceOnce(
    deploy,
    "    EndpointDeployModelRequest:\n      properties:\n",
    "        region:\n          type: string\n",
  );
  await writeText(v1, "deploy-model-to-endpoint.yaml", withRegion);
  await copyDir(v1, v2);
  const regionRequired = replaceOnce(withRegion, "      required:\n        - model\n", "        - region\n");
  const queuedAt = replaceOnce(
    regionRequired,
    "    EndpointDeployResponse:\n      properties:\n",
    "        queued_at:\n          type: integer\n",
  );
  await writeText(v2, "deploy-model-to-endpoint.yaml", queuedAt);
  await removeDir(path.join(v2, "retrieve-endpoint-status.yaml"));
  return { v1, v2 };
}

/** `text` with `insert` added right after the one occurrence of `after`. */
function replaceOnce(text: string, after: string, insert: string): string {
  if (text.split(after).length !== 2) throw new Error(`expected exactly one ${JSON.stringify(after)}`);
  return text.replace(after, after + insert);
}

const removedOperation = "breaking: cerebras: operation `getEndpointStatus` removed (GET /management/v1/endpoints/{endpoint_id})";
const regionRequired = "breaking: cerebras: `EndpointDeployModelRequest`: property `region` became required (sent in requests)";
const queuedAtAdded = "change: cerebras: `EndpointDeployResponse`: optional property `queued_at` added (received in responses)";

describe.concurrent("surface changes from the CLI", () => {
  it("generate prints each change classified, --report writes Markdown, --fail-on-breaking exits 1 after writing", async ({ expect }) => {
    const { v1, v2 } = await specVersions(path.join(root!, "generate"));
    const out = path.join(root!, "generate", "out");

    // First generation: no api-surface.json yet, so one summary line, and a report saying so; exit 0.
    const firstReport = path.join(root!, "generate", "first-report.md");
    const first = await runCli(["--spec", v1, "--out", out, "--fail-on-breaking", "--report", firstReport]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^cerebras: new client: 2 operations, 6 types written$/m);
    expect(first.stdout).not.toMatch(/^(breaking|change):/m);
    expect(await readFile(firstReport, "utf8")).toMatch(/^## API changes: cerebras\n\nNew client: 2 operations, 6 types\.\n$/);
    expect(await listNames(out)).toContain("api-surface.json");

    const report = path.join(root!, "generate", "report.md");
    const second = await runCli(["--spec", v2, "--out", out, "--fail-on-breaking", "--report", report]);
    expect(second.code, second.stderr).toBe(1);
    const lines = second.stdout.split("\n");
    for (const line of [removedOperation, regionRequired, queuedAtAdded]) expect(lines).toContain(line);
    expect(lines.filter((line) => line.startsWith("breaking:")).every((line) => !line.includes("queued_at"))).toBe(true);
    expect(second.stderr).not.toMatch(/^error:/m);

    // Written despite the exit code: the new client and its surface replaced the old ones.
    const apiMd = await readFile(path.join(out, "API.md"), "utf8");
    expect(apiMd).not.toContain("getEndpointStatus");
    expect(apiMd).toContain("`EndpointDeployModelRequest { region, model }`");
    expect(await readFile(path.join(out, "api-surface.json"), "utf8")).not.toContain("getEndpointStatus");

    const markdown = await readFile(report, "utf8");
    expect(markdown.startsWith("## API changes: cerebras\n")).toBe(true);
    const [breaking, compatible] = markdown.split("### Non-breaking");
    expect(breaking).toContain("### Breaking");
    expect(breaking).toContain("- operation `getEndpointStatus` removed");
    expect(breaking).toContain("- `EndpointDeployModelRequest`: property `region` became required (sent in requests)");
    expect(compatible).toContain("- `EndpointDeployResponse`: optional property `queued_at` added (received in responses)");
  }, 180_000);

  it("diff <old-spec> <new-spec> prints the Markdown report and writes nothing", async ({ expect }) => {
    const dir = path.join(root!, "diff");
    const { v1, v2 } = await specVersions(dir);
    const before = await snapshotDir(dir);
    const generatedBefore = await listNames(path.join(repoRoot, "generated"));

    const result = await runCli(["diff", v1, v2]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.startsWith("## API changes: cerebras\n\n### Breaking\n\n")).toBe(true);
    expect(result.stdout).toContain("- operation `getEndpointStatus` removed (GET /management/v1/endpoints/{endpoint_id})\n");
    expect(result.stdout).toContain("- `EndpointDeployModelRequest`: property `region` became required (sent in requests)\n");
    expect(result.stdout).toMatch(/### Non-breaking\n\n(- .*\n)*- `EndpointDeployResponse`: optional property `queued_at` added/);
    // No summary lines: diff prints the report only.
    expect(result.stdout).not.toMatch(/^(breaking|change):/m);

    expect(await snapshotDir(dir)).toEqual(before);
    expect(await listNames(path.join(repoRoot, "generated"))).toEqual(generatedBefore);
  }, 180_000);
});
