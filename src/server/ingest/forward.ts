import { restErrorResponse } from "@/server/api/rest/errors";
import { log } from "@/server/log";
import { REQUEST_ID_HEADER, requestIdOf } from "@/server/request-id";
import { TELEMETRY_PATH } from "./telemetry-endpoint";

/** What the ingest process needs of the agent's request; nothing else is passed on. */
const FORWARDED_HEADERS = ["authorization", "content-type", REQUEST_ID_HEADER];

/**
 * Hands an agent's report to the telemetry ingest process and its answer back, as it is. When
 * that process does not answer, the agent is told to come back later (503): it keeps the batch
 * in its spool and resends it, and the ingest stores each sample once however often it comes.
 */
export async function forwardTelemetry(request: Request, ingestUrl: string): Promise<Response> {
  const requestId = requestIdOf(request.headers);
  const headers = new Headers({ [REQUEST_ID_HEADER]: requestId });
  for (const name of FORWARDED_HEADERS) {
    const value = request.headers.get(name);
    if (value && name !== REQUEST_ID_HEADER) headers.set(name, value);
  }
  try {
    const answer = await fetch(new URL(TELEMETRY_PATH, ingestUrl), { method: "POST", headers, body: await request.arrayBuffer(), signal: AbortSignal.timeout(60_000) });
    return new Response(answer.body, { status: answer.status, headers: { "content-type": answer.headers.get("content-type") ?? "application/json", [REQUEST_ID_HEADER]: requestId } });
  } catch (error) {
    log.error({ requestId, err: error }, "telemetry ingest unreachable");
    return restErrorResponse(503, { code: "UNAVAILABLE", message: "The portal cannot store telemetry right now; keep the batch and send it again shortly.", requestId }, { "Retry-After": "5" });
  }
}
