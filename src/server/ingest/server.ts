import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { log } from "@/server/log";
import { handleTelemetryPost, TELEMETRY_PATH } from "./telemetry-endpoint";

/**
 * The agents' telemetry endpoint, served on a loopback port by a process of its own (the web app
 * forwards to it: forward.ts). Storing a report costs tens of milliseconds of JavaScript; in the
 * web app's process that time was taken from the pages and the API, whose tail latency rose with
 * the number of agents. Only POST TELEMETRY_PATH is served; the handler is the web app's own.
 */
export async function startIngestServer(port = 0): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    serve(req, res).catch((err) => {
      log.error({ err }, "telemetry ingest failed");
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { code: "INTERNAL", message: "Something went wrong on our side." } }));
    });
  });
  // Longer than the web app keeps an idle connection to it (forward.ts), so the web app closes first.
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((listening, failed) => {
    server.once("error", failed);
    server.listen(port, "127.0.0.1", () => listening());
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}`,
    close: () =>
      new Promise((closed) => {
        server.close(() => closed());
        // Kept-alive connections would otherwise hold the close for a minute.
        server.closeIdleConnections();
      }),
  };
}

async function serve(req: IncomingMessage, res: ServerResponse) {
  if (req.method !== "POST" || req.url !== TELEMETRY_PATH) {
    res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: { code: "NOT_FOUND", message: `Only POST ${TELEMETRY_PATH} is served here.` } }));
    return;
  }
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
  const response = await handleTelemetryPost(new Request(`http://127.0.0.1${TELEMETRY_PATH}`, { method: "POST", headers, body: Buffer.concat(chunks) }));
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(Buffer.from(await response.arrayBuffer()));
}
