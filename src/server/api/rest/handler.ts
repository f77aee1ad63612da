import { isFrozenObject, oncePerFrozenValue } from "@/core/deep-freeze";
import { AppError } from "@/core/errors";
import { log } from "@/server/log";
import { REQUEST_ID_HEADER, requestIdOf } from "@/server/request-id";
import { RATE_LIMIT, rateLimited, takeRequests } from "@/server/services/rate-limit";
import { authenticateToken } from "@/server/services/tokens";
import { MAX_BODY_BYTES, tooLargeMessage } from "../body-limit";
import { requestContext } from "../context";
import { ERROR_MAP } from "../error-map";
import { REST_BASE_PATH } from "./document";
import { dispatchRest } from "./dispatch";
import { restErrorResponse } from "./errors";


const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** The JSON text of an answer a service keeps for many requests, written once (core/deep-freeze.ts). */
const frozenJson = oncePerFrozenValue((body) => JSON.stringify(body));

/**
 * One REST request: a bearer token (never a cookie session, so CSRF does not apply), the token's
 * rate limit, then the tRPC procedure behind the path, with errors in the REST shape.
 */
export async function handleRestRequest(req: Request, now = new Date()): Promise<Response> {
  const requestId = requestIdOf(req.headers);
  // Answers are personal and current: no browser or proxy may keep a copy.
  const headers: Record<string, string> = { [REQUEST_ID_HEADER]: requestId, "Cache-Control": "no-store" };
  const refuse = (error: AppError, extra: Record<string, string> = {}, status = ERROR_MAP[error.code].http) =>
    restErrorResponse(status, { code: error.code, message: error.message, field: error.field, requestId }, { ...headers, ...extra });

  const token = BEARER.exec(req.headers.get("authorization") ?? "")?.[1];
  if (!token) {
    return refuse(new AppError("UNAUTHORIZED", "Send a personal API token: `Authorization: Bearer rs_…`. Create one on your profile page."), { "WWW-Authenticate": 'Bearer realm="rigshare"' });
  }
  let auth: Awaited<ReturnType<typeof authenticateToken>>;
  try {
    auth = await authenticateToken(token, now);
  } catch (error) {
    if (!(error instanceof AppError)) {
      log.error({ requestId, err: error }, "rest authentication failed");
      return restErrorResponse(500, { code: "INTERNAL", message: `Something went wrong on our side. Quote request id ${requestId} when you report it.`, requestId }, headers);
    }
    log.info({ requestId, code: error.code }, "rest token refused");
    return refuse(error, error.code === "UNAUTHORIZED" ? { "WWW-Authenticate": 'Bearer realm="rigshare", error="invalid_token"' } : {});
  }

  const subject = { tokenId: auth.tokenId };
  let rate: Awaited<ReturnType<typeof takeRequests>>;
  try {
    rate = await takeRequests(subject, now);
  } catch (error) {
    if (error instanceof AppError) return refuse(error);
    throw error;
  }
  headers["X-RateLimit-Limit"] = String(RATE_LIMIT.capacity);
  headers["X-RateLimit-Remaining"] = String(rate.remaining);
  if (!rate.allowed) {
    log.info({ requestId, tokenId: auth.tokenId }, "rest rate limited");
    return refuse(rateLimited(subject, rate), { "Retry-After": String(rate.retryAfterSeconds) });
  }

  const sized = await withBoundedBody(req);
  if (!sized) return refuse(new AppError("VALIDATION", tooLargeMessage(), { field: "body" }), {}, 413);

  const ctx = requestContext({ actor: auth.actor, tokenScope: auth.scope, requestId, transport: "rest", now });
  let outcome: Awaited<ReturnType<typeof dispatchRest>>;
  try {
    outcome = await dispatchRest(sized, new URL(req.url).pathname.slice(REST_BASE_PATH.length), ctx);
  } catch (error) {
    if (error instanceof AppError) return refuse(error);
    throw error;
  }
  if ("body" in outcome) {
    if (isFrozenObject(outcome.body)) return new Response(frozenJson(outcome.body), { status: outcome.status, headers: { ...headers, "Content-Type": "application/json" } });
    return Response.json(outcome.body, { status: outcome.status, headers });
  }
  if (outcome.status >= 500 && outcome.error.code === "INTERNAL") log.error({ requestId, path: new URL(req.url).pathname }, "rest request failed");
  return restErrorResponse(outcome.status, outcome.error, headers);
}

/**
 * The request with its body read once, or null when the body is too large. An empty body is an
 * empty JSON object, so `curl -X POST …/release` works without `-d '{}'`.
 */
async function withBoundedBody(req: Request): Promise<Request | null> {
  if (req.method === "GET" || req.method === "HEAD" || req.method === "DELETE") return req;
  if (Number(req.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) return null;
  const body = await req.text();
  if (Buffer.byteLength(body) > MAX_BODY_BYTES) return null;
  const headers = new Headers(req.headers);
  if (body.trim() === "") headers.set("content-type", "application/json");
  return new Request(req.url, { method: req.method, headers, body: body.trim() === "" ? "{}" : body });
}
