import type { Actor } from "@/server/services/actor";
import type { Logger } from "@/server/log";

/**
 * What every procedure sees. The route handler resolves the session (next-auth) and passes the
 * actor in, so routers never import next-auth and tests can build a context by hand.
 */
export interface Context {
  actor: Actor | null;
  requestId: string;
  log: Logger;
}
