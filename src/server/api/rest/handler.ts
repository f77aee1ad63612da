import { createOpenApiFetchHandler } from "trpc-to-openapi";
import { AppError } from "@/core/errors";
import { log } from "@/server/log";
import { REQUEST_ID_HEADER, requestIdOf } from "@/server/request-id";
import { authenticateToken } from "@/server/services/tokens";
import type { Context } from "../context";
import { ERROR_MAP } from "../error-map";
import { appRouter } from "../root";
import { REST_BASE_PATH } from "./document";
import { restErrorResponse, toRestError } from "./errors";
import { RATE_LIMIT, takeRequest } from "./rate-limit";

/** Import documents carry years of slice history; nothing else comes close. */
const MAX_BODY_BYTES = 32 * 1024 * 1024;

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * One REST request: a bearer token (never a cookie session, so CSRF does not apply), the token's
 * rate limit, then the tRPC procedure behind the path, with errors in the REST shape.
 */
export async function handleRestRequest(req: Request, now = new Date()): Promise<Response> {
  const requestId = requestIdOf(req.headers);
  const headers: Record<string, string> = { [REQUEST_ID_HEADER]: requestId };
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

  const rate = takeRequest(auth.tokenId, now);
  headers["X-RateLimit-Limit"] = String(RATE_LIMIT.capacity);
  headers["X-RateLimit-Remaining"] = String(rate.remaining);
  if (!rate.allowed) {
    log.info({ requestId, tokenId: auth.tokenId }, "rest rate limited");
    const limit = `${RATE_LIMIT.capacity} at once, then ${RATE_LIMIT.perMinute} a minute`;
    return refuse(new AppError("RATE_LIMITED", `Too many requests with this API token (${limit}). Retry in ${rate.retryAfterSeconds} s.`), { "Retry-After": String(rate.retryAfterSeconds) });
  }

  const sized = await withBoundedBody(withoutPrototypeKeys(req));
  if (!sized) return refuse(new AppError("VALIDATION", `The body is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB.`, { field: "body" }), {}, 413);

  const ctx: Context = { actor: auth.actor, tokenScope: auth.scope, requestId, log, transport: "rest" };
  const response = await createOpenApiFetchHandler({ endpoint: REST_BASE_PATH, router: appRouter, req: sized, createContext: () => ctx });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  if (response.ok) return response;
  const { status, error } = toRestError(await response.json(), requestId);
  if (status >= 500 && error.code === "INTERNAL") log.error({ requestId, path: new URL(req.url).pathname }, "rest request failed");
  return restErrorResponse(status, error, headers);
}

/**
 * trpc-to-openapi collects query parameters in a plain object, where `?constructor=…` or
 * `?__proto__=…` meet Object.prototype and crash it. No endpoint has such a parameter, and unknown
 * ones are ignored anyway, so they are dropped.
 */
function withoutPrototypeKeys(req: Request): Request {
  const url = new URL(req.url);
  const odd = [...url.searchParams.keys()].filter((key) => key in Object.prototype);
  if (odd.length === 0) return req;
  for (const key of odd) url.searchParams.delete(key);
  return new Request(url, req);
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
