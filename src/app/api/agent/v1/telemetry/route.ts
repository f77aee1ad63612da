import { env } from "@/server/env";
import { forwardTelemetry } from "@/server/ingest/forward";
import { handleTelemetryPost } from "@/server/ingest/telemetry-endpoint";

export const dynamic = "force-dynamic";

/** Stored by the ingest process when the launcher runs one (RIGSHARE_INGEST_URL), here otherwise. */
export function POST(request: Request) {
  const ingestUrl = env().RIGSHARE_INGEST_URL;
  return ingestUrl ? forwardTelemetry(request, ingestUrl) : handleTelemetryPost(request);
}
