import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Why a sign-in failed, in words an admin can act on. Auth.js logs only "Configuration" and a
 * link; the cause (the IdP's error, the issuer it announced, the network error) sits a few
 * `cause`s deep in the error it throws.
 */
export interface SignInFailure {
  kind: "unreachable" | "client-rejected" | "issuer-mismatch" | "denied" | "provider-error" | "other";
  message: string;
  /** Safe to log: error codes and URLs, never a token or a secret. */
  details: Record<string, string | number>;
}

const NETWORK_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ENOTFOUND", "EAI_AGAIN", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "UND_ERR_CONNECT_TIMEOUT", "UND_ERR_SOCKET"]);
/** OAuth errors that mean the person (or the IdP's policy) said no, not that the setup is wrong. */
const DENIALS = new Set(["access_denied", "login_required", "consent_required", "interaction_required", "account_selection_required"]);

type Bag = Record<string, unknown>;

/** Every object in the error's cause chain (Auth.js wraps as `cause.err`, fetch as `cause`). */
function chain(error: unknown): Bag[] {
  const found: Bag[] = [];
  const visit = (value: unknown, depth: number) => {
    if (!value || typeof value !== "object" || depth > 8 || found.includes(value as Bag)) return;
    found.push(value as Bag);
    const bag = value as Bag;
    visit(bag.cause, depth + 1);
    visit(bag.err, depth + 1);
    // A WWW-Authenticate challenge (oauth4webapi) carries the OAuth error in its parameters.
    visit(bag.parameters, depth + 1);
    for (const list of [bag.errors, bag.cause]) if (Array.isArray(list)) for (const e of list) visit(e, depth + 1);
  };
  visit(error, 0);
  return found;
}

const str = (value: unknown) => (typeof value === "string" ? value : undefined);

export function diagnoseSignInError(error: unknown, issuer: string | undefined): SignInFailure {
  const bags = chain(error);
  const at: Record<string, string> = issuer ? { issuer } : {};

  const network = bags.map((b) => str(b.code)).find((code) => code && NETWORK_CODES.has(code));
  if (network || bags.some((b) => b instanceof TypeError && b.message === "fetch failed")) {
    const code = network ?? "fetch failed";
    return { kind: "unreachable", message: `The identity provider cannot be reached (${code}) at ${issuer ?? "OIDC_ISSUER"}: is it up, and can this server reach it?`, details: { ...at, networkError: code } };
  }

  const discovery = bags.find((b) => b.attribute === "issuer" && typeof b.expected === "string");
  if (discovery) {
    const received = str((discovery.body as Bag | undefined)?.issuer) ?? "(none)";
    return {
      kind: "issuer-mismatch",
      message: `Issuer mismatch: OIDC_ISSUER is "${String(discovery.expected)}" but the identity provider announces "${received}". Set OIDC_ISSUER to exactly the announced value (host, port and trailing slash included).`,
      details: { expected: String(discovery.expected), received },
    };
  }
  const tokenIssuer = bags.find((b) => b.claim === "iss" && typeof b.expected === "string");
  if (tokenIssuer) {
    const received = str((tokenIssuer.claims as Bag | undefined)?.iss) ?? "(none)";
    return {
      kind: "issuer-mismatch",
      message: `Issuer mismatch: the ID token was issued by "${received}" but OIDC_ISSUER is "${String(tokenIssuer.expected)}".`,
      details: { expected: String(tokenIssuer.expected), received },
    };
  }

  const oauth = bags.find((b) => typeof b.error === "string" && /^[a-z_]+$/.test(b.error));
  if (oauth) {
    const code = oauth.error as string;
    const description = str(oauth.error_description);
    const status = bags.map((b) => b.status).find((value): value is number => typeof value === "number" && !(value === 200));
    const details: Record<string, string | number> = { ...at, error: code, ...(description ? { errorDescription: description } : {}), ...(status ? { status } : {}) };
    const said = `${code}${description ? `: ${description}` : ""}`;
    if (code === "invalid_client" || code === "unauthorized_client" || status === 401) {
      return { kind: "client-rejected", message: `The identity provider rejected the client (${said}): check OIDC_CLIENT_ID and OIDC_CLIENT_SECRET, and the client's authentication method.`, details };
    }
    if (DENIALS.has(code)) return { kind: "denied", message: `The identity provider refused the sign-in (${said}).`, details };
    return { kind: "provider-error", message: `The identity provider answered with an error (${said}).`, details };
  }

  const response = bags.find((b) => b instanceof Response) as Response | undefined;
  if (response) {
    const status = response.status;
    const outage = status >= 500;
    return {
      kind: outage ? "unreachable" : "provider-error",
      message: outage
        ? `The identity provider answered HTTP ${status} at ${response.url || issuer}: it looks down.`
        : `The identity provider answered HTTP ${status} at ${response.url || issuer}: is OIDC_ISSUER the issuer URL (its /.well-known/openid-configuration must exist)?`,
      details: { ...at, status, url: response.url },
    };
  }

  const first = bags.find((b) => b instanceof Error && !(str(b.message) ?? "").includes("errors.authjs.dev")) as Error | undefined;
  const top = bags[0] instanceof Error ? (bags[0] as Error) : undefined;
  const message = first?.message ?? top?.message ?? String(error);
  return { kind: "other", message: `Sign-in failed: ${message}`, details: { ...at, error: (top ?? first)?.name ?? "Error" } };
}

/** The sign-in page's `?error=` for a failure: an outage reads differently from a misconfiguration. */
export function pageErrorOf(failure: SignInFailure): string {
  if (failure.kind === "unreachable") return "IdpUnreachable";
  if (failure.kind === "denied") return "AccessDenied";
  return "Configuration";
}

const current = new AsyncLocalStorage<{ failure?: SignInFailure }>();

/** Remembers the failure for the request in flight, so the redirect below can tell the page. */
export function rememberFailure(failure: SignInFailure) {
  const store = current.getStore();
  if (store) store.failure = failure;
}

/**
 * Runs an Auth.js request and rewrites its `?error=Configuration` redirect with what the failure
 * really was (see pageErrorOf).
 */
export async function withSignInDiagnosis(run: () => Promise<Response>): Promise<Response> {
  const store: { failure?: SignInFailure } = {};
  const response = await current.run(store, run);
  const location = response.headers.get("location");
  if (!store.failure || !location) return response;
  const url = new URL(location);
  if (url.searchParams.get("error") !== "Configuration") return response;
  url.searchParams.set("error", pageErrorOf(store.failure));
  const headers = new Headers(response.headers);
  headers.set("location", url.href);
  return new Response(response.body, { status: response.status, headers });
}

/** The same for the sign-in page's server action, which throws instead of redirecting. */
export async function signInUrlDiagnosed(start: () => Promise<string>): Promise<string> {
  const store: { failure?: SignInFailure } = {};
  try {
    return await current.run(store, start);
  } catch (error) {
    if (!store.failure) throw error;
    return `/sign-in?error=${pageErrorOf(store.failure)}`;
  }
}
