// OpenAPI 3.2 streams described by `itemSchema` (test/fixtures/specs/events-32.yaml), compiled by
// test/typecheck.test.ts. Each `@ts-expect-error` fails the compile if its line stops being an error.
import { chat, createClient, tailLogs, ticks } from "../fixtures/clients/events-32/index.js";

const client = createClient({ apiKey: "sk" });

export async function read(): Promise<string[]> {
  const seen: string[] = [];
  for await (const event of await chat(client, { body: { prompt: "Hi" } })) {
    // `data` is the JSON its contentSchema names, narrowed by the event's name
    if (event.event === "delta") seen.push(event.data.text);
    else seen.push(String(event.data.tokens));
    // the "[END]" sentinel ends the stream and is never an event
    const sentinel: "[END]" extends typeof event.data ? true : false = false;
    void sentinel;
    // @ts-expect-error the data is parsed JSON, not the text on the wire
    void event.data.length;
  }
  // JSON lines: each line is the item schema's value
  for await (const entry of await tailLogs(client)) seen.push(`${entry.level}: ${entry.message}`);
  // data without a contentSchema stays text
  for await (const event of await ticks(client)) seen.push(event.data.toUpperCase());
  return seen;
}
