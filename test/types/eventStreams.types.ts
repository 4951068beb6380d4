import { chatStream, createClient, listPages, watchRun } from "../fixtures/clients/events-31/index.js";

const client = createClient({ apiKey: "sk" });

export async function read(): Promise<string[]> {
  const seen: string[] = [];
  // Together's shape: the schema describes the event, so `data` is the chunk and the "[DONE]" branch is no event.
  for await (const event of await chatStream(client, { body: { prompt: "Hi" } })) {
    seen.push(event.data.text);
    // @ts-expect-error the chunk is the data, not an event holding one
    void event.data.data;
    const sentinel: "[DONE]" extends typeof event.data ? true : false = false;
    void sentinel;
  }
  // Branches naming their event: checking `event` narrows `data`.
  for await (const event of await watchRun(client, { id: "run-1" })) {
    if (event.event === "progress") seen.push(String(event.data.percent));
    else {
      const outcome: "done" | "failed" = event.event;
      seen.push(outcome, event.data.status);
      // @ts-expect-error an outcome has no percent
      void event.data.percent;
    }
    // @ts-expect-error no branch names this event
    if (event.event === "started") continue;
  }
  // A payload with a `data` field of its own stays the payload.
  for await (const event of await listPages(client)) seen.push(...event.data.data.map((chunk) => chunk.text));
  return seen;
}
