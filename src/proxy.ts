import { NextResponse, type NextRequest } from "next/server";
import { databaseAway } from "@/server/database-away";
import { DATABASE_AWAY_RETRY_SECONDS, databaseAwayPage } from "@/server/database-away-page";
import { crossOriginRefusal, isCrossOriginWrite, securityHeaders } from "@/server/http-headers";
import { REQUEST_ID_HEADER, requestIdOf } from "@/server/request-id";

/**
 * Every request gets an id (logged by the server, returned to the client) and the security
 * headers. The CSP is built here at run time: its script nonce is fresh for every request (Next
 * reads it from the request's CSP header and puts it on its own scripts), and form submissions to
 * the sign-in endpoint are redirected to the IdP, whose origin is only known from the environment.
 */
export async function proxy(request: NextRequest) {
  const requestId = requestIdOf(request.headers);

  if (isCrossOriginWrite(request)) return crossOriginRefusal({ [REQUEST_ID_HEADER]: requestId });

  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const csp = contentSecurityPolicy(nonce);
  if (isPageRequest(request) && (await databaseAway())) return databaseAwayResponse(request, requestId, csp);
  const headers = new Headers(request.headers);
  headers.set(REQUEST_ID_HEADER, requestId);
  headers.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set(REQUEST_ID_HEADER, requestId);
  response.headers.set("Content-Security-Policy", csp);
  for (const [name, value] of Object.entries(securityHeaders(request, request.nextUrl))) response.headers.set(name, value);
  return response;
}

/** A browser asking for a page to show (not an API call, an asset or a client-side navigation's data). */
function isPageRequest(request: NextRequest): boolean {
  if (request.method !== "GET" && request.method !== "HEAD") return false;
  if (request.nextUrl.pathname.startsWith("/api/")) return false;
  return request.headers.get("accept")?.includes("text/html") ?? false;
}

/** While PostgreSQL is away every page would fail: say so once, with the status that means it. */
function databaseAwayResponse(request: NextRequest, requestId: string, csp: string): NextResponse {
  const response = new NextResponse(databaseAwayPage(request.nextUrl), {
    status: 503,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Retry-After": String(DATABASE_AWAY_RETRY_SECONDS),
      "Cache-Control": "no-store",
      [REQUEST_ID_HEADER]: requestId,
      "Content-Security-Policy": csp,
    },
  });
  for (const [name, value] of Object.entries(securityHeaders(request, request.nextUrl))) response.headers.set(name, value);
  return response;
}

/** Scripts run only with this request's nonce ('strict-dynamic' lets them load Next's chunks). */
function contentSecurityPolicy(nonce: string): string {
  const idpOrigin = process.env.OIDC_ISSUER ? new URL(process.env.OIDC_ISSUER).origin : "";
  const dev = process.env.NODE_ENV === "development";
  return [
    "default-src 'self'",
    // React's development build evaluates code to rebuild server error stacks; production never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Charts and Swagger UI set style attributes; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws:" : ""}`,
    `form-action 'self' ${idpOrigin}`.trim(),
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join("; ");
}

// The tRPC and machine-agent endpoints apply the headers and the cross-origin check themselves
// (src/server/http-headers.ts says why).
export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|api/trpc/|api/agent/).*)"],
};
