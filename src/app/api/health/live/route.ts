export const dynamic = "force-dynamic";

/**
 * Liveness only: the process answers, whatever the database does. A stopped database must not
 * get the app restarted (it recovers by itself), and the load benchmark uses this as its baseline.
 */
export function GET() {
  return Response.json({ status: "ok" });
}
