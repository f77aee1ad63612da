import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "@/server/api/root";
import { currentActor } from "@/server/auth/session";
import { log } from "@/server/log";
import { requestIdOf } from "@/server/request-id";

function handler(req: Request) {
  const requestId = requestIdOf(req.headers);
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: async () => ({ actor: await currentActor(), requestId, log }),
    responseMeta: () => ({ headers: new Headers({ "x-request-id": requestId }) }),
  });
}

export { handler as GET, handler as POST };
