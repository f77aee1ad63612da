import { createHash, randomBytes } from "node:crypto";
import { createServer, type AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS } from "./accounts";
import { startDemoIdp, type DemoIdp } from "./server";

const CLIENT_ID = "rigshare-test";
const CLIENT_SECRET = "test-secret-that-is-long-enough";
const REDIRECT_URI = "http://localhost:3000/api/auth/callback/oidc";
const quietLog = { info: () => {}, warn: () => {} };

/** Just enough of a browser cookie jar: names, paths, deletion; the IdP relies on all three. */
class CookieJar {
  private cookies = new Map<string, { value: string; path: string }>();

  store(response: Response): void {
    for (const header of response.headers.getSetCookie()) {
      const [pair = "", ...attributes] = header.split(";").map((part) => part.trim());
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      const path =
        attributes.find((a) => a.toLowerCase().startsWith("path="))?.slice(5) ?? "/";
      const expires = attributes.find((a) => a.toLowerCase().startsWith("expires="))?.slice(8);
      const key = `${name};${path}`;
      if (!value || (expires && new Date(expires).getTime() < Date.now())) {
        this.cookies.delete(key);
      } else {
        this.cookies.set(key, { value, path });
      }
    }
  }

  header(url: string): string {
    const { pathname } = new URL(url);
    return [...this.cookies.entries()]
      .filter(([, c]) => pathname === c.path || pathname.startsWith(c.path.replace(/\/?$/, "/")))
      .map(([key, c]) => `${key.split(";")[0]}=${c.value}`)
      .join("; ");
  }
}

async function browse(jar: CookieJar, url: string, init: RequestInit = {}): Promise<Response> {
  const response = await fetch(url, {
    ...init,
    redirect: "manual",
    headers: { ...(init.headers as Record<string, string>), cookie: jar.header(url) },
  });
  jar.store(response);
  return response;
}

/** Follows redirects within the IdP; stops at the first one leaving it (the client's callback). */
async function followToEnd(jar: CookieJar, start: Response, issuer: string) {
  let response = start;
  let url = "";
  while (response.status >= 300 && response.status < 400) {
    url = new URL(response.headers.get("location") ?? "", issuer).href;
    if (!url.startsWith(issuer)) return { response, url };
    response = await browse(jar, url);
  }
  return { response, url };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

function base64url(bytes: Buffer): string {
  return bytes.toString("base64url");
}

function decodeJwtPayload(jwt: string): Record<string, unknown> {
  const payload = jwt.split(".")[1] ?? "";
  return JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Record<string, unknown>;
}

function newAuthorizationRequest(authorizationEndpoint: string) {
  const verifier = base64url(randomBytes(32));
  const state = base64url(randomBytes(16));
  const nonce = base64url(randomBytes(16));
  const url = new URL(authorizationEndpoint);
  url.search = new URLSearchParams({
    client_id: CLIENT_ID,
    response_type: "code",
    redirect_uri: REDIRECT_URI,
    scope: "openid email profile groups",
    state,
    nonce,
    code_challenge: base64url(createHash("sha256").update(verifier).digest()),
    code_challenge_method: "S256",
  }).toString();
  return { url: url.href, verifier, state, nonce };
}

/** Authorize, and return the chooser page (asserting one was shown rather than a silent login). */
async function openChooser(jar: CookieJar, issuer: string, authorizeUrl: string) {
  const { response, url } = await followToEnd(jar, await browse(jar, authorizeUrl), issuer);
  expect(response.status, `expected the chooser at ${url}`).toBe(200);
  expect(url).toMatch(new RegExp(`^${issuer}/interaction/[^/]+$`));
  return { html: await response.text(), interactionUrl: url };
}

async function chooseAccount(jar: CookieJar, issuer: string, interactionUrl: string, sub: string) {
  const response = await browse(jar, `${interactionUrl}/login`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ sub }).toString(),
  });
  expect(response.status).toBe(303);
  const { url } = await followToEnd(jar, response, issuer);
  expect(url.startsWith(REDIRECT_URI), `expected the callback, ended at ${url}`).toBe(true);
  return new URL(url);
}

async function exchangeCode(
  tokenEndpoint: string,
  code: string,
  verifier: string,
): Promise<Record<string, unknown>> {
  const response = await fetch(tokenEndpoint, {
    method: "POST",
    headers: {
      authorization: `Basic ${Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString("base64")}`,
      "content-type": "application/x-www-form-urlencoded",
    },
    body: new URLSearchParams({
      grant_type: "authorization_code",
      code,
      redirect_uri: REDIRECT_URI,
      code_verifier: verifier,
    }).toString(),
  });
  const body = (await response.json()) as Record<string, unknown>;
  expect(response.status, JSON.stringify(body)).toBe(200);
  return body;
}

describe("demo identity provider", () => {
  let idp: DemoIdp;
  let discovery: Record<string, string>;
  const configuredIssuer = process.env.OIDC_ISSUER;

  beforeAll(async () => {
    delete process.env.OIDC_ISSUER;
    idp = await startDemoIdp({
      port: 0,
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      redirectUris: [REDIRECT_URI],
      postLogoutRedirectUris: ["http://localhost:3000/"],
      log: quietLog,
    });
    const response = await fetch(`${idp.issuer}/.well-known/openid-configuration`);
    expect(response.status).toBe(200);
    discovery = (await response.json()) as Record<string, string>;
  });

  afterAll(async () => {
    await idp?.close();
    if (configuredIssuer !== undefined) process.env.OIDC_ISSUER = configuredIssuer;
  });

  it("publishes a discovery document for its loopback issuer", () => {
    expect(idp.issuer).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(discovery).toMatchObject({
      issuer: idp.issuer,
      authorization_endpoint: `${idp.issuer}/auth`,
      token_endpoint: `${idp.issuer}/token`,
    });
    expect(discovery.scopes_supported).toEqual(
      expect.arrayContaining(["openid", "email", "profile", "groups"]),
    );
    expect(discovery.code_challenge_methods_supported).toContain("S256");
  });

  it("signs the chosen account in with code + PKCE, and asks again next time", async () => {
    const jar = new CookieJar();
    const first = newAuthorizationRequest(discovery.authorization_endpoint ?? "");

    const { html, interactionUrl } = await openChooser(jar, idp.issuer, first.url);
    expect(html).toContain('<html lang="en">');
    expect(html).toContain("Demo sign-in — not a real identity provider");
    expect(html).not.toMatch(/https?:\/\/(?!127\.0\.0\.1)/);
    for (const account of DEMO_ACCOUNTS) {
      expect(html).toContain(`value="${account.sub}"`);
      expect(html).toContain(account.email);
    }

    const callback = await chooseAccount(jar, idp.issuer, interactionUrl, "demo-ada");
    expect(callback.searchParams.get("state")).toBe(first.state);
    expect(callback.searchParams.get("iss")).toBe(idp.issuer);
    const code = callback.searchParams.get("code");
    expect(code).toBeTruthy();

    const tokens = await exchangeCode(discovery.token_endpoint ?? "", code ?? "", first.verifier);
    const idToken = decodeJwtPayload(String(tokens.id_token));
    expect(idToken).toMatchObject({
      iss: idp.issuer,
      aud: CLIENT_ID,
      sub: "demo-ada",
      email: "ada@rigshare.demo",
      email_verified: true,
      name: "Ada Lindqvist",
      groups: ["rigshare-admins"],
      nonce: first.nonce,
    });

    // Same cookie jar, as a browser after signing out of the portal: no silent re-login, and
    // switching to someone else goes straight through.
    const second = newAuthorizationRequest(discovery.authorization_endpoint ?? "");
    const again = await openChooser(jar, idp.issuer, second.url);
    expect(again.html).toContain('value="demo-lee"');
    const callbackLee = await chooseAccount(jar, idp.issuer, again.interactionUrl, "demo-lee");
    expect(callbackLee.searchParams.get("state")).toBe(second.state);
    const leeTokens = await exchangeCode(
      discovery.token_endpoint ?? "",
      callbackLee.searchParams.get("code") ?? "",
      second.verifier,
    );
    expect(decodeJwtPayload(String(leeTokens.id_token))).toMatchObject({
      sub: "demo-lee",
      groups: ["rigshare-leadership"],
      nonce: second.nonce,
    });

    // And the same person again also goes through the chooser.
    const third = newAuthorizationRequest(discovery.authorization_endpoint ?? "");
    const onceMore = await openChooser(jar, idp.issuer, third.url);
    const leeAgain = await chooseAccount(jar, idp.issuer, onceMore.interactionUrl, "demo-lee");
    expect(leeAgain.searchParams.get("code")).toBeTruthy();
  });

  it("refuses an authorization request without PKCE", async () => {
    const jar = new CookieJar();
    const url = new URL(newAuthorizationRequest(discovery.authorization_endpoint ?? "").url);
    url.searchParams.delete("code_challenge");
    url.searchParams.delete("code_challenge_method");
    const response = await browse(jar, url.href);
    const location = new URL(response.headers.get("location") ?? "", idp.issuer);
    expect(location.href.startsWith(REDIRECT_URI)).toBe(true);
    expect(location.searchParams.get("error")).toBe("invalid_request");
  });

  it("sends the person back with access_denied when they cancel", async () => {
    const jar = new CookieJar();
    const request = newAuthorizationRequest(discovery.authorization_endpoint ?? "");
    const { interactionUrl } = await openChooser(jar, idp.issuer, request.url);
    const response = await browse(jar, `${interactionUrl}/abort`, { method: "POST" });
    const { url } = await followToEnd(jar, response, idp.issuer);
    const callback = new URL(url);
    expect(callback.href.startsWith(REDIRECT_URI)).toBe(true);
    expect(callback.searchParams.get("error")).toBe("access_denied");
    expect(callback.searchParams.get("state")).toBe(request.state);
  });

  it("renders its own self-contained error page", async () => {
    const response = await fetch(`${idp.issuer}/auth?client_id=nobody&response_type=code`);
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("Sign-in could not continue");
    expect(html).toContain("invalid_client");
    expect(html).not.toContain("fonts.googleapis.com");
  });

  it("explains a stale or unknown interaction instead of failing blankly", async () => {
    const response = await fetch(`${idp.issuer}/interaction/no-such-interaction`);
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("Sign-in could not continue");
    expect(html).toContain("invalid_request");
  });

  it("fails to start, freeing its port, when the client configuration is invalid", async () => {
    const port = await freePort();
    const options = {
      port,
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      postLogoutRedirectUris: [],
      log: quietLog,
    };
    await expect(startDemoIdp({ ...options, redirectUris: ["not a url"] })).rejects.toThrow(
      /rejected its client configuration: invalid_redirect_uri/,
    );
    const retry = await startDemoIdp({ ...options, redirectUris: [REDIRECT_URI] });
    expect(retry.issuer).toBe(`http://127.0.0.1:${port}`);
    await retry.close();
  });

  it("refuses to start when a real identity provider is configured", async () => {
    const saved = process.env.OIDC_ISSUER;
    process.env.OIDC_ISSUER = "https://login.example.com";
    try {
      await expect(
        startDemoIdp({
          port: 0,
          clientId: CLIENT_ID,
          clientSecret: CLIENT_SECRET,
          redirectUris: [REDIRECT_URI],
          postLogoutRedirectUris: [],
          log: quietLog,
        }),
      ).rejects.toThrow(/OIDC_ISSUER is set/);
    } finally {
      if (saved === undefined) delete process.env.OIDC_ISSUER;
      else process.env.OIDC_ISSUER = saved;
    }
  });
});
