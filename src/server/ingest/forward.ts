import { Agent, request as httpRequest } from "node:http";
import { restErrorResponse } from "@/server/api/rest/errors";
import { log } from "@/server/log";
import { REQUEST_ID_HEADER, requestIdOf } from "@/server/request-id";
import { TELEMETRY_PATH } from "./telemetry-endpoint";

/** What the ingest process needs of the agent's request; nothing else is passed on. */
const FORWARDED_HEADERS = ["authorization", "content-type"];
const TIMEOUT_MS = 60_000;
/** Connections to the ingest process are kept open between reports; it keeps them longer (server.ts), so it never closes one as it is reused. */
const keepAlive = new Agent({ keepAlive: true, maxSockets: 16, timeout: 30_000 });

/**
 * Hands an agent's report to the telemetry ingest process and its answer back, as it is. Plain
 * node:http, not fetch: the framework wraps fetch (caching, tracing), which cost more than the
 * forwarding itself. When that process does not answer, the agent is told to come back later
 * (503): it keeps the batch in its spool and resends it, and each sample is stored once however
 * often it comes.
 */
export async function forwardTelemetry(request: Request, ingestUrl: string): Promise<Response> {
  const requestId = requestIdOf(request.headers);
  const headers: Record<string, string> = { [REQUEST_ID_HEADER]: requestId };
  for (const name of FORWARDED_HEADERS) {
    const value = request.headers.get(name);
    if (value) headers[name] = value;
  }
  const body = Buffer.from(await request.arrayBuffer());
  try {
    const answer = await post(new URL(TELEMETRY_PATH, ingestUrl), headers, body);
    return new Response(new Uint8Array(answer.body), { status: answer.status, headers: { "content-type": answer.contentType, [REQUEST_ID_HEADER]: requestId } });
  } catch (error) {
    log.error({ requestId, err: error }, "telemetry ingest unreachable");
    return restErrorResponse(503, { code: "UNAVAILABLE", message: "The portal cannot store telemetry right now; keep the batch and send it again shortly.", requestId }, { "Retry-After": "5" });
  }
}

function post(url: URL, headers: Record<string, string>, body: Buffer): Promise<{ status: number; contentType: string; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(url, { method: "POST", agent: keepAlive, headers: { ...headers, "content-length": String(body.length) }, timeout: TIMEOUT_MS }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
      incoming.on("end", () => resolve({ status: incoming.statusCode ?? 502, contentType: incoming.headers["content-type"] ?? "application/json", body: Buffer.concat(chunks) }));
      incoming.on("error", reject);
    });
    outgoing.on("timeout", () => outgoing.destroy(new Error(`no answer within ${TIMEOUT_MS / 1000} s`)));
    outgoing.on("error", reject);
    outgoing.end(body);
  });
}
