import { agentRoute } from "@/server/api/agent-http";
import { agentConfig } from "@/server/services/agent-config";

export const dynamic = "force-dynamic";

/** The agent's configuration, with an ETag: 304 when the agent already has it. */
export function GET(request: Request) {
  return agentRoute(request, { authenticated: true }, async ({ agent, now }) => {
    const { config, etag } = await agentConfig(agent!, now);
    if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers: { etag } });
    return Response.json(config, { headers: { etag, "cache-control": "no-cache" } });
  });
}
