import { createClient, createVideo, type ClientOptions } from "../fixtures/clients/servers-31/index.js";

// Server variables are set once, on the client, as the text that goes into the URL.
const client = createClient({ serverVariables: { port: "8080", host: "localhost" } });
void createVideo(client, { body: { prompt: "a cat" } });
// Explicit `undefined` is accepted, as for every other client option (`process.env.X`).
const fromEnv: ClientOptions = { serverVariables: undefined };
void createClient(fromEnv);
// @ts-expect-error a variable's value is URL text: a port is written "8080"
createClient({ serverVariables: { port: 8080 } });
// @ts-expect-error the client reads them, never changes them
client.serverVariables["port"] = "1";
