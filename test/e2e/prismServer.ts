import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";

export interface MockServer {
  baseUrl: string;
  stop(): Promise<void>;
}

const prismBin = path.join(import.meta.dirname, "../../node_modules/.bin/prism");

/** Starts `prism mock` on a free loopback port for a spec document, and waits until it listens. */
export async function startPrism(document: object): Promise<MockServer> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "prism-"));
  const specFile = path.join(dir, "spec.json");
  await writeFile(specFile, JSON.stringify(document));
  const server = await startPrismOnFile(specFile);
  return {
    baseUrl: server.baseUrl,
    async stop() {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** `prism mock` on a spec file already on disk (a large spec may take longer than 30 s to start on a busy machine). */
export async function startPrismOnFile(specFile: string, startTimeoutMs = 30_000): Promise<MockServer> {
  const port = await freePort();
  const child = spawn(prismBin, ["mock", specFile, "--host", "127.0.0.1", "--port", String(port)], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  await waitForListening(child, startTimeoutMs);
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    async stop() {
      child.kill();
    },
  };
}

function waitForListening(child: ChildProcess, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error(`prism did not start:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("Prism is listening")) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.on("exit", (code) => reject(new Error(`prism exited with ${code}:\n${output}`)));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address !== null ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/** A fetch that records every request URL and response, so tests can see what went over the wire. */
export function recordingFetch(): { fetch: typeof fetch; calls: { url: string; init: RequestInit | undefined; response: Response }[] } {
  const calls: { url: string; init: RequestInit | undefined; response: Response }[] = [];
  const recording: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    calls.push({ url: String(input instanceof Request ? input.url : input), init, response });
    return response;
  };
  return { fetch: recording, calls };
}
