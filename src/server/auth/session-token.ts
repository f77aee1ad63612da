import { decode, getToken, type JWT } from "next-auth/jwt";

/** Plenty for 20 people's browsers; the oldest entry goes first. */
const MAX_ENTRIES = 5_000;
const SECURE_COOKIE = "__Secure-authjs.session-token";

/**
 * Session cookies already decrypted, by their value. Auth.js's `auth()` runs its whole session
 * endpoint for every call (derive the key, decrypt, run the callbacks, encrypt a renewed cookie,
 * build and parse a Response), 6-8 ms of CPU per request. A cookie's content never changes, it
 * only expires, and that is checked on every use: its value is a safe key. What a session may do
 * is not in the cookie: the session row decides that, on every request (services/sessions.ts).
 */
const decoded = new Map<string, JWT>();

async function decodeOnce(params: Parameters<typeof decode>[0]): Promise<JWT | null> {
  const token = params.token ?? "";
  const hit = decoded.get(token);
  if (hit) return hit;
  const payload = await decode(params);
  if (payload) {
    if (decoded.size >= MAX_ENTRIES) decoded.delete(decoded.keys().next().value!);
    decoded.set(token, payload);
  }
  return payload;
}

/**
 * The session id named by the request's Auth.js session cookie (chunked or not, secure or not),
 * or null when there is none, it does not decrypt with `secret`, or it has expired.
 */
export async function sessionIdOfCookie(headers: Headers, secret: string, now: Date): Promise<string | null> {
  const secureCookie = headers.get("cookie")?.includes(SECURE_COOKIE) ?? false;
  const token = await getToken({ req: { headers }, secret, secureCookie, decode: decodeOnce });
  if (!token || typeof token.sid !== "string") return null;
  // A cached payload is not checked again by the decryption: its expiry is checked here.
  if (typeof token.exp === "number" && token.exp * 1000 <= now.getTime()) return null;
  return token.sid;
}
