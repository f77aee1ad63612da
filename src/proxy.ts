import { NextResponse, type NextRequest } from "next/server";
import { REQUEST_ID_HEADER, requestIdOf } from "@/server/request-id";

/**
 * Every request gets an id (logged by the server, returned to the client) and the security
 * headers. The CSP is built here at run time because form submissions to the sign-in endpoint
 * are redirected to the IdP, whose origin is only known from the runtime environment.
 */
export function proxy(request: NextRequest) {
  const requestId = requestIdOf(request.headers);

  if (isCrossOriginWrite(request)) {
    return NextResponse.json(
      { error: { code: "FORBIDDEN", message: "Cross-origin requests may not change data." } },
      { status: 403, headers: { [REQUEST_ID_HEADER]: requestId } },
    );
  }

  const headers = new Headers(request.headers);
  headers.set(REQUEST_ID_HEADER, requestId);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set(REQUEST_ID_HEADER, requestId);
  for (const [name, value] of Object.entries(securityHeaders())) response.headers.set(name, value);
  return response;
}

/** Browsers send Origin on every state-changing request; API clients with bearer tokens send none. */
function isCrossOriginWrite(request: NextRequest): boolean {
  if (["GET", "HEAD", "OPTIONS"].includes(request.method)) return false;
  const origin = request.headers.get("origin");
  if (!origin) return false;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

function securityHeaders(): Record<string, string> {
  const idpOrigin = process.env.OIDC_ISSUER ? new URL(process.env.OIDC_ISSUER).origin : "";
  const dev = process.env.NODE_ENV === "development";
  const csp = [
    "default-src 'self'",
    // Next's App Router inlines its bootstrap scripts; eval is only needed by the dev server.
    `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws:" : ""}`,
    `form-action 'self' ${idpOrigin}`.trim(),
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join("; ");
  return {
    "Content-Security-Policy": csp,
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    "Cross-Origin-Opener-Policy": "same-origin",
  };
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
