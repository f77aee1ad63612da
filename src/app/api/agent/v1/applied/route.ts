import { appliedIn } from "@/core/agent/schedule-contract";
import { agentRoute } from "@/server/api/agent-http";
import { recordApplied } from "@/server/services/agent-schedule";

export const dynamic = "force-dynamic";

/** What the agent applied on its machine (or would have, in warn mode), shown on the machine page. */
export function POST(request: Request) {
  return agentRoute(request, { authenticated: true, input: appliedIn }, async ({ agent, input, now }) => Response.json(await recordApplied(agent!, input, now)));
}
