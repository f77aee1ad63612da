import { log as appLog, type Logger } from "@/server/log";
import type { Actor } from "@/server/services/actor";

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
  /** The request's clock, read once when it arrived: every use-case of the request is judged at this instant. */
  now: Date;
}

/**
 * The one way a context is made, for the web app's tRPC route, the REST API, server components
 * and tests alike: the request's time is read here and nowhere else on the request path.
 */
export function requestContext(fields: Omit<Context, "log" | "now"> & { log?: Logger; now?: Date }): Context {
  return { ...fields, log: fields.log ?? appLog, now: fields.now ?? new Date() };
}
