import { TRPCError } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { MAX_BATCH_SIZE } from "@/trpc/batch-limit";
import { crossOriginRefusal, isCrossOriginWrite, withApiHeaders } from "@/server/http-headers";
import { log } from "@/server/log";
import { requestIdOf } from "@/server/request-id";
import type { Actor } from "@/server/services/actor";
import { rateLimited, takeRequests } from "@/server/services/rate-limit";
import { MAX_BODY_BYTES, tooLargeMessage } from "./body-limit";
import { requestContext, type Context } from "./context";
import { appErrorOf, toTRPCError } from "./error-map";
import { withKeptAnswerBytes } from "./kept-answer-bytes";
import { appRouter } from "./root";

/** Throws a domain error (the database is away: UNAVAILABLE, 503) as its mapped tRPC error. */
async function mapped<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const appError = appErrorOf(error);
    throw appError ? toTRPCError(appError) : error;
  }
}

/**
 * The web app's tRPC endpoint. `resolveActor` reads the session (next-auth in the route handler;
 * tests pass a person directly). A batch may carry at most MAX_BATCH_SIZE calls, and each call of
 * a signed-in person takes one request from their rate-limit bucket, the same kind of bucket an
 * API token has, so one person cannot slow the portal for everyone through the web app either.
 */
export function handleTrpcRequest(req: Request, resolveActor: () => Promise<Actor | null>, now = () => new Date()): Promise<Response> | Response {
  const requestId = requestIdOf(req.headers);
  // The proxy does not run for this endpoint (src/server/http-headers.ts): its check and headers are here.
  if (isCrossOriginWrite(req)) return withApiHeaders(crossOriginRefusal({}), req, requestId);
  if (Number(req.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) {
    const error = new TRPCError({ code: "PAYLOAD_TOO_LARGE", message: tooLargeMessage() });
    return withApiHeaders(Response.json({ error: { message: error.message, code: -32600, data: { code: error.code, httpStatus: 413 } } }, { status: 413 }), req, requestId);
  }
  let retryAfter: number | undefined;
  const answer = withKeptAnswerBytes(req, () => fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    maxBatchSize: MAX_BATCH_SIZE,
    createContext: async ({ info }): Promise<Context> => {
      const at = now();
      const actor = await mapped(resolveActor);
      if (actor) {
        const subject = { userId: actor.id };
        const rate = await mapped(() => takeRequests(subject, at, Math.max(1, info.calls.length)));
        if (!rate.allowed) {
          retryAfter = rate.retryAfterSeconds;
          log.info({ requestId, userId: actor.id, calls: info.calls.length }, "trpc rate limited");
          throw toTRPCError(rateLimited(subject, rate));
        }
      }
      return requestContext({ actor, requestId, now: at });
    },
    responseMeta: () => (retryAfter === undefined ? {} : { headers: new Headers({ "Retry-After": String(retryAfter) }) }),
  }));
  return answer.then((response) => withApiHeaders(response, req, requestId));
}

