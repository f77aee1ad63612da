import { env, type Env } from "@/server/env";
import { log } from "@/server/log";
import { idTokenOfSession } from "@/server/services/sessions";
import { auth } from "./config";

/** Where the IdP sends people back after RP-initiated logout; register it at the IdP. */
export function postLogoutRedirectUri(e: Env = env()): string {
  return new URL("/signed-out", e.AUTH_URL).href;
}

let discovered: { issuer: string; endSession: string | null; at: number } | undefined;
const DISCOVERY_TTL_MS = 10 * 60_000;

/** The IdP's end_session_endpoint from its discovery document (cached), or null when it has none. */
async function endSessionEndpoint(issuer: string, now: number): Promise<string | null> {
  if (discovered?.issuer === issuer && now - discovered.at < DISCOVERY_TTL_MS) return discovered.endSession;
  const url = `${issuer.replace(/\/$/, "")}/.well-known/openid-configuration`;
  const response = await fetch(url, { signal: AbortSignal.timeout(3000) });
  if (!response.ok) throw new Error(`discovery answered HTTP ${response.status}`);
  const document = (await response.json()) as { end_session_endpoint?: unknown };
  const endSession = typeof document.end_session_endpoint === "string" ? document.end_session_endpoint : null;
  discovered = { issuer, endSession, at: now };
  return endSession;
}

/**
 * Where to send the browser once the portal session is ended: the IdP's end-session endpoint
 * with id_token_hint (so the IdP session ends too and the next sign-in asks for the password), or
 * straight to the "You are signed out" page when the IdP offers none or cannot be reached.
 * Read before the session is revoked, which forgets the ID token.
 */
export async function signOutDestination(): Promise<string> {
  const e = env();
  const session = await auth();
  const signedOut = "/signed-out";
  if (!e.OIDC_ISSUER || !session?.sid) return signedOut;
  try {
    const [endpoint, idToken] = await Promise.all([endSessionEndpoint(e.OIDC_ISSUER, Date.now()), idTokenOfSession(session.sid)]);
    if (!endpoint) return signedOut;
    const url = new URL(endpoint);
    if (idToken) url.searchParams.set("id_token_hint", idToken);
    if (e.OIDC_CLIENT_ID) url.searchParams.set("client_id", e.OIDC_CLIENT_ID);
    url.searchParams.set("post_logout_redirect_uri", postLogoutRedirectUri(e));
    return url.href;
  } catch (error) {
    log.warn({ issuer: e.OIDC_ISSUER, err: String(error) }, "signed out of Rigshare only: the identity provider's end-session endpoint could not be found");
    return `${signedOut}?idp=unreachable`;
  }
}
