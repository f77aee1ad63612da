import type { Actor } from "@/server/services/actor";
import type { Logger } from "@/server/log";

/**
 * What every procedure sees. The route handler resolves the session (next-auth) and passes the
 * actor in, so routers never import next-auth and tests can build a context by hand.
 */
export interface Context {
  actor: Actor | null;
  requestId: string;
  /** Set when the caller authenticated with a personal API token rather than a browser session. */
  tokenScope?: "read" | "write";
  /** "rest" when the call came through /api/v1, whose JSON carries no bigint (see rest/json.ts). */
  transport?: "rest";
  /** Flags a REST call gave in its query string beside a JSON body, e.g. `dryRun` (rest/endpoints.ts). */
  restFlags?: Readonly<Record<string, boolean>>;
  log: Logger;
}
