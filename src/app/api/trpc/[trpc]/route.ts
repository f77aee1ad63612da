import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appErrorOf, toTRPCError } from "@/server/api/error-map";
import { appRouter } from "@/server/api/root";
import { currentActor } from "@/server/auth/session";
import { log } from "@/server/log";
import { requestIdOf } from "@/server/request-id";

/**
 * Resolving the session reads the user row, before any procedure runs; a domain error there (the
 * database is away: UNAVAILABLE) is answered with its mapped code, 503, not as an internal error.
 */
async function sessionActor() {
  try {
    return await currentActor();
  } catch (error) {
    const appError = appErrorOf(error);
    throw appError ? toTRPCError(appError) : error;
  }
}

function handler(req: Request) {
  const requestId = requestIdOf(req.headers);
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: async () => ({ actor: await sessionActor(), requestId, log }),
    responseMeta: () => ({ headers: new Headers({ "x-request-id": requestId }) }),
  });
}

export { handler as GET, handler as POST };
