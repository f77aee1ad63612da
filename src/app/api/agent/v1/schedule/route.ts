import { MAX_SCHEDULE_WAIT_SECONDS } from "@/core/agent/schedule-contract";
import { AppError } from "@/core/errors";
import { agentRoute } from "@/server/api/agent-http";
import { scheduleListener } from "@/server/db/schedule-notifications";
import { log } from "@/server/log";
import { checkOwnMachine, longPollSchedule } from "@/server/services/agent-schedule";

export const dynamic = "force-dynamic";

function waitSeconds(url: URL): number {
  const raw = url.searchParams.get("wait");
  if (raw === null) return 0;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value > MAX_SCHEDULE_WAIT_SECONDS) throw new AppError("VALIDATION", `must be whole seconds from 0 to ${MAX_SCHEDULE_WAIT_SECONDS}.`, { field: "wait" });
  return value;
}

/**
 * The machine's schedule for the next 48 h, long-polled: with If-None-Match and `?wait=N` the
 * answer waits up to N seconds for a change and is 304 if none came.
 */
export function GET(request: Request) {
  return agentRoute(request, { authenticated: true }, async ({ agent }) => {
    const url = new URL(request.url);
    checkOwnMachine(agent!, url.searchParams.get("machineId"));
    const wait = waitSeconds(url);
    const outcome = await longPollSchedule(agent!, { ifNoneMatch: request.headers.get("if-none-match"), waitMs: wait * 1000, signal: request.signal }, scheduleListener((err) => log.warn({ err }, "schedule listener lost its connection")), () => new Date());
    if (outcome === "not-modified") return new Response(null, { status: 304, headers: { etag: request.headers.get("if-none-match")! } });
    return Response.json(outcome, { headers: { etag: outcome.etag, "cache-control": "no-store" } });
  });
}
