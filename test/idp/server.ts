import { generateKeyPairSync, randomBytes, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Provider, { errors, type Configuration } from "oidc-provider";
import { escapeHtml } from "@/server/auth/demo-idp/pages";
import { COMPANY_ACCOUNTS, findCompanyAccount } from "./accounts";

export interface CompanyIdpOptions {
  /** 0 picks a free port. */
  port: number;
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
  /** The issuer to announce when it should differ from where it listens (to test a mismatch). */
  issuerHost?: string;
}

export interface CompanyIdp {
  issuer: string;
  port: number;
  close(): Promise<void>;
}

/**
 * A real, independent OpenID provider for the tests, shaped like a company one: it remembers its
 * session (so a second sign-in skips the password until the IdP session ends), asks for a password,
 * sends a `groups` claim with the `groups` scope, and supports RP-initiated logout.
 */
export async function startCompanyIdp(opts: CompanyIdpOptions): Promise<CompanyIdp> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const issuer = `http://${opts.issuerHost ?? "127.0.0.1"}:${port}`;
  const provider = new Provider(issuer, configuration(opts));
  const oidc = provider.callback();
  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    const match = /^\/interaction\/([^/?]+)(\/login)?/.exec(req.url ?? "");
    if (!match) return void oidc(req, res);
    interaction(provider, Boolean(match[2]), req, res).catch((err: unknown) => {
      const message = err instanceof errors.OIDCProviderError ? `${err.error}: ${err.error_description ?? ""}` : String(err);
      if (!res.headersSent) send(res, 400, page("Error", `<h1>Sign-in could not continue</h1><p>${escapeHtml(message)}</p>`));
    });
  });
  return {
    issuer,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function configuration(opts: CompanyIdpOptions): Configuration {
  const key = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ format: "jwk" });
  return {
    clients: [
      {
        client_id: opts.clientId,
        client_secret: opts.clientSecret,
        redirect_uris: opts.redirectUris,
        post_logout_redirect_uris: opts.postLogoutRedirectUris,
        response_types: ["code"],
        grant_types: ["authorization_code"],
      },
    ],
    jwks: { keys: [{ ...key, kid: randomUUID(), alg: "RS256", use: "sig" }] },
    cookies: { keys: [randomBytes(32).toString("base64url")] },
    scopes: ["openid", "email", "profile", "groups"],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"], groups: ["groups"] },
    conformIdTokenClaims: false,
    findAccount: (_ctx, sub) => {
      const account = findCompanyAccount(sub);
      return account && { accountId: sub, claims: () => ({ sub, email: account.email, email_verified: true, name: account.name, groups: [...account.groups] }) };
    },
    interactions: { url: (_ctx, i) => `/interaction/${i.uid}` },
    pkce: { required: () => true },
    ttl: { AuthorizationCode: 60, AccessToken: 600, IdToken: 600, Interaction: 600, Session: 3600, Grant: 3600 },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx, form) => {
          ctx.type = "html";
          ctx.body = page("Sign out", `<h1>Sign out of Corp SSO?</h1>${form}<button type="submit" form="op.logoutForm" name="logout" value="yes">Yes, sign out</button>`);
        },
        postLogoutSuccessSource: (ctx) => {
          ctx.type = "html";
          ctx.body = page("Signed out", "<h1>You have signed out of Corp SSO</h1>");
        },
      },
    },
    renderError: (ctx, out) => {
      ctx.type = "html";
      ctx.body = page("Error", `<h1>Error</h1><p>${escapeHtml(out.error)}: ${escapeHtml(out.error_description ?? "")}</p>`);
    },
  };
}

async function interaction(provider: Provider, login: boolean, req: IncomingMessage, res: ServerResponse) {
  const details = await provider.interactionDetails(req, res);
  if (login) {
    const form = new URLSearchParams(await body(req));
    const account = COMPANY_ACCOUNTS.find((a) => a.username === form.get("username") && a.password === form.get("password"));
    if (!account) return send(res, 401, loginPage(details.uid, "Wrong username or password."));
    return provider.interactionFinished(req, res, { login: { accountId: account.sub, remember: true } }, { mergeWithLastSubmission: false });
  }
  if (details.prompt.name === "consent" && details.session?.accountId) {
    const grant = details.grantId ? await provider.Grant.find(details.grantId) : new provider.Grant({ accountId: details.session.accountId, clientId: String(details.params.client_id) });
    if (!grant) throw new Error("grant not found");
    grant.addOIDCScope(String(details.params.scope));
    const missing = (details.prompt.details as { missingOIDCClaims?: string[] }).missingOIDCClaims;
    if (missing) grant.addOIDCClaims(missing);
    return provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
  }
  send(res, 200, loginPage(details.uid));
}

function loginPage(uid: string, error?: string) {
  return page(
    "Corp SSO",
    `<h1>Corp SSO</h1>${error ? `<p role="alert">${escapeHtml(error)}</p>` : ""}
<form method="post" action="/interaction/${escapeHtml(uid)}/login">
<p><label for="username">Username</label><br><input id="username" name="username" autocomplete="username" required></p>
<p><label for="password">Password</label><br><input id="password" name="password" type="password" autocomplete="current-password" required></p>
<button type="submit">Sign in</button>
</form>`,
  );
}

function page(title: string, content: string) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><main>${content}</main></body></html>`;
}

function body(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (text += chunk));
    req.on("end", () => resolve(text));
    req.on("error", reject);
  });
}

function send(res: ServerResponse, status: number, html: string) {
  res.writeHead(status, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
  res.end(html);
}
