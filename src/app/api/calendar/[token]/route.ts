import { calendarFeed } from "@/server/services/calendar";

/** A secret calendar feed (no session: calendar apps cannot sign in); the token is the credential. */
export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const ics = await calendarFeed(token.replace(/\.ics$/, ""), new Date());
  if (ics === null) return new Response("Unknown or regenerated calendar link.\n", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  return new Response(ics, { headers: { "content-type": "text/calendar; charset=utf-8", "cache-control": "private, max-age=300" } });
}
