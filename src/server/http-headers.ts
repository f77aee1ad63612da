import { REQUEST_ID_HEADER } from "./request-id";

/**
 * What every answer carries, and the one check every state-changing request passes. Pages and
 * most of the API get both from the proxy (src/proxy.ts). The tRPC and machine-agent endpoints
 * skip the proxy and apply them here: for a POST, Next.js buffers and copies the body for the
 * proxy, which cost a decision about 1.5 ms of the server's 5 (issue 18), and these endpoints need
 * none of the proxy's page work (the script nonce, the "database away" page).
 */
export function securityHeaders(request: Request, url = new URL(request.url)): Record<string, string> {
  return {
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    // API answers are personal and current: no browser or proxy may keep a copy.
    ...(url.pathname.startsWith("/api/") && { "Cache-Control": "no-store" }),
    ...(isHttps(request, url) && { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" }),
  };
}

/** Served over https (directly or behind a proxy that says so): browsers keep to https for a year. */
function isHttps(request: Request, url: URL): boolean {
  const forwarded = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
  return (forwarded ?? url.protocol.replace(":", "")) === "https";
}

/** Browsers send Origin on every state-changing request; API clients with bearer tokens send none. */
export function isCrossOriginWrite(request: Request): boolean {
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

/** The answer to a cross-origin write: nothing is changed. */
export function crossOriginRefusal(headers: Record<string, string>): Response {
  return Response.json({ error: { code: "FORBIDDEN", message: "Cross-origin requests may not change data." } }, { status: 403, headers: { ...headers, "Cache-Control": "no-store" } });
}

/**
 * An API endpoint's answer with what the proxy would have added: the request id, the security
 * headers, and no-store unless the endpoint chose its own caching (an agent's ETag revalidation).
 */
export function withApiHeaders(response: Response, request: Request, requestId: string): Response {
  const chosenCaching = response.headers.get("cache-control");
  for (const [name, value] of Object.entries(securityHeaders(request))) response.headers.set(name, value);
  if (chosenCaching) response.headers.set("cache-control", chosenCaching);
  response.headers.set(REQUEST_ID_HEADER, requestId);
  return response;
}
