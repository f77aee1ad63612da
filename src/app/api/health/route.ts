import { databaseHealthy } from "@/server/services/health";

export const dynamic = "force-dynamic";

/** Liveness plus a database round trip, for load balancers and the start script. */
export async function GET() {
  const database = await databaseHealthy();
  return Response.json({ status: database ? "ok" : "degraded", database }, { status: database ? 200 : 503 });
}
