import { telemetryIn } from "@/core/agent/contract";
import { agentRoute } from "@/server/api/agent-http";
import { ingestTelemetry } from "@/server/services/telemetry-ingest";

export const dynamic = "force-dynamic";

/** A batch of samples; idempotent by (machine credential, sequence number). The ingest refuses a revoked credential itself. */
export function POST(request: Request) {
  return agentRoute(request, { authenticated: true, refusesRevokedItself: true, input: telemetryIn }, async ({ agent, input, now }) => Response.json(await ingestTelemetry(agent!, input, now)));
}
