import { AppError } from "@/core/errors";
import { ERROR_MAP } from "@/server/api/error-map";
import { restErrorResponse } from "@/server/api/rest/errors";
import { fleetMetrics } from "@/server/services/fleet-metrics";
import { authenticateToken } from "@/server/services/tokens";

export const dynamic = "force-dynamic";

/** Prometheus scrape endpoint for the fleet; `authorization: Bearer rs_…` with any personal API token (read scope is enough). */
export async function GET(request: Request) {
  try {
    const token = /^Bearer\s+(\S+)$/i.exec(request.headers.get("authorization") ?? "")?.[1];
    if (!token) throw new AppError("UNAUTHORIZED", "Send an API token: Authorization: Bearer rs_… (Prometheus: `authorization: { credentials: rs_… }`).");
    await authenticateToken(token, new Date());
    const { contentType, body } = await fleetMetrics(new Date());
    return new Response(body, { headers: { "content-type": contentType, "cache-control": "no-store" } });
  } catch (error) {
    if (error instanceof AppError) return restErrorResponse(ERROR_MAP[error.code].http, { code: error.code, message: error.message });
    throw error;
  }
}
