import { enrollIn } from "@/core/agent/contract";
import { agentRoute } from "@/server/api/agent-http";
import { enrollAgent } from "@/server/services/agent-enrollment";

export const dynamic = "force-dynamic";

/** A one-time enrollment code in, the machine's credential out (201). */
export function POST(request: Request) {
  return agentRoute(request, { authenticated: false, input: enrollIn }, async ({ input, now }) => Response.json(await enrollAgent(input, now), { status: 201 }));
}
