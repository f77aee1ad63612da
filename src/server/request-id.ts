export const REQUEST_ID_HEADER = "x-request-id";

/** The proxy stamps every request with an id; fall back to a fresh one for direct calls (tests, scripts). */
export function requestIdOf(headers: Headers): string {
  const given = headers.get(REQUEST_ID_HEADER);
  return given && /^[\w-]{8,64}$/.test(given) ? given : crypto.randomUUID();
}
