import { Auth } from "@auth/core";
import type { NextAuthConfig } from "next-auth";

/** The portal's origin in the sign-in tests; nothing listens there, Auth.js is called directly. */
export const APP = "http://localhost:3000";

/** A browser's cookies, one jar per origin. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();
  header() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }
  take(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair!.indexOf("=");
      const name = pair!.slice(0, eq);
      const value = pair!.slice(eq + 1);
      if (value === "" || /max-age=0/i.test(line) || /expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  copy() {
    const jar = new CookieJar();
    for (const [name, value] of this.cookies) jar.cookies.set(name, value);
    return jar;
  }
}

/** A browser talking to the portal's Auth.js routes and to the IdP, following redirects by hand. */
export class SignInBrowser {
  readonly app = new CookieJar();
  readonly idp = new CookieJar();
  constructor(
    private readonly config: NextAuthConfig,
    private readonly handle: (run: () => Promise<Response>) => Promise<Response> = (run) => run(),
  ) {}

  async portal(path: string, init: { method?: string; body?: URLSearchParams; jar?: CookieJar } = {}) {
    const jar = init.jar ?? this.app;
    const request = new Request(new URL(path, APP), {
      method: init.method ?? "GET",
      headers: { cookie: jar.header(), "user-agent": "Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0", ...(init.body ? { "content-type": "application/x-www-form-urlencoded" } : {}) },
      body: init.body,
    });
    const response = await this.handle(() => Auth(request, this.config));
    jar.take(response);
    return response;
  }

  async csrf() {
    return ((await (await this.portal("/api/auth/csrf")).json()) as { csrfToken: string }).csrfToken;
  }

  /** Presses "Sign in": the portal's redirect (to the IdP, or back to its sign-in page with an error). */
  async startSignIn() {
    const csrfToken = await this.csrf();
    return this.portal("/api/auth/signin/oidc", { method: "POST", body: new URLSearchParams({ csrfToken, callbackUrl: "/" }) });
  }

  /** Follows the IdP's redirects until it shows a page or sends the browser back to the portal. */
  async atIdp(url: string, init: { method?: string; body?: URLSearchParams } = {}): Promise<{ page: string } | { back: string }> {
    let response = await fetch(url, { method: init.method ?? "GET", body: init.body, redirect: "manual", headers: { cookie: this.idp.header() } });
    let at = url;
    for (;;) {
      this.idp.take(response);
      const location = response.headers.get("location");
      if (!location) return { page: await response.text() };
      const next = new URL(location, at).href;
      if (next.startsWith(APP)) return { back: next };
      at = next;
      response = await fetch(next, { redirect: "manual", headers: { cookie: this.idp.header() } });
    }
  }

  /** The whole sign-in: the portal, the IdP's password page, back to the portal's callback. */
  async signIn(username: string, password: string) {
    const start = await this.startSignIn();
    const authorize = start.headers.get("location")!;
    let step = await this.atIdp(authorize);
    if ("page" in step) {
      const action = /action="([^"]+)"/.exec(step.page)?.[1];
      if (!action) throw new Error(`the IdP showed no login form: ${step.page.slice(0, 200)}`);
      step = await this.atIdp(new URL(action, authorize).href, { method: "POST", body: new URLSearchParams({ username, password }) });
    }
    if (!("back" in step)) throw new Error(`the IdP did not send the browser back: ${step.page.slice(0, 300)}`);
    return this.portal(new URL(step.back).pathname + new URL(step.back).search);
  }

  async session() {
    return (await (await this.portal("/api/auth/session")).json()) as { sid?: string; user?: { id: string } } | null;
  }

  async signOut() {
    const csrfToken = await this.csrf();
    return this.portal("/api/auth/signout", { method: "POST", body: new URLSearchParams({ csrfToken, callbackUrl: "/signed-out" }) });
  }
}
