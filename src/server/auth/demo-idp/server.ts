import { generateKeyPairSync, randomBytes, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Provider, {
  errors,
  interactionPolicy,
  type Configuration,
  type Interaction,
} from "oidc-provider";
import { DEMO_ACCOUNTS, findDemoAccount, type DemoAccount } from "./accounts";
import { accountChooserPage, errorPage, logoutPage, signedOutPage } from "./pages";

export interface DemoIdpLogger {
  info(obj: object | string, msg?: string): void;
  warn(obj: object | string, msg?: string): void;
}

export interface DemoIdpOptions {
  /** 0 picks a free port. */
  port: number;
  host?: string;
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
  log?: DemoIdpLogger;
}

export interface DemoIdp {
  issuer: string;
  close(): Promise<void>;
}

/** Everything the portal reads about a person; the grant below gives it all to the one client. */
const SCOPE_CLAIMS = {
  openid: ["sub"],
  email: ["email", "email_verified"],
  profile: ["name"],
  groups: ["groups"],
} as const;
const SCOPES = Object.keys(SCOPE_CLAIMS);
const CLAIMS = Object.values(SCOPE_CLAIMS).flat();

const consoleLogger: DemoIdpLogger = {
  info: (obj, msg) => (msg === undefined ? console.info(obj) : console.info(msg, obj)),
  warn: (obj, msg) => (msg === undefined ? console.warn(obj) : console.warn(msg, obj)),
};

export async function startDemoIdp(opts: DemoIdpOptions): Promise<DemoIdp> {
  if (process.env.OIDC_ISSUER?.trim()) {
    throw new Error(
      "Refusing to start the demo identity provider: OIDC_ISSUER is set, so a real identity " +
        "provider is configured. The demo IdP lets anyone sign in as anyone and must never run " +
        "beside a real one. Unset OIDC_ISSUER to use the demo sign-in.",
    );
  }
  const log = opts.log ?? consoleLogger;
  const host = opts.host ?? "127.0.0.1";

  // Listen before building the provider: with port 0 the issuer URL is only known once bound.
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const issuer = `http://${host}:${port}`;

  let provider: Provider;
  try {
    provider = new Provider(issuer, providerConfiguration(opts));
    // oidc-provider validates static clients on first use; a bad redirect URI should fail the
    // start, not the first person signing in.
    await provider.Client.find(opts.clientId);
  } catch (err) {
    server.close();
    if (!(err instanceof errors.OIDCProviderError)) throw err;
    throw new Error(
      `The demo identity provider rejected its client configuration: ${err.error}` +
        (err.error_description ? ` (${err.error_description})` : ""),
      { cause: err },
    );
  }
  server.on("request", requestHandler(provider, log));

  log.warn(
    { issuer, accounts: DEMO_ACCOUNTS.map((account) => account.email) },
    "DEMO identity provider started: anyone can sign in as any demo account. " +
      "NOT FOR PRODUCTION — set OIDC_ISSUER to use your company's identity provider.",
  );

  return {
    issuer,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        // Browsers keep connections alive; without this close() waits for them to time out.
        server.closeAllConnections();
      }),
  };
}

function providerConfiguration(opts: DemoIdpOptions): Configuration {
  // Keys live only as long as the process: tokens from an earlier run become worthless, which
  // suits a demo.
  const signingKey = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({
    format: "jwk",
  });

  return {
    clients: [
      {
        client_id: opts.clientId,
        client_secret: opts.clientSecret,
        client_name: "Rigshare",
        redirect_uris: opts.redirectUris,
        post_logout_redirect_uris: opts.postLogoutRedirectUris,
        response_types: ["code"],
        grant_types: ["authorization_code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    jwks: { keys: [{ ...signingKey, kid: randomUUID(), alg: "RS256", use: "sig" }] },
    cookies: { keys: [randomBytes(32).toString("base64url")] },
    scopes: SCOPES,
    claims: SCOPE_CLAIMS,
    // Auth.js's "oidc" provider builds the profile from the ID token alone, never calling userinfo.
    conformIdTokenClaims: false,
    findAccount: (_ctx, sub) => {
      const account = findDemoAccount(sub);
      return account && { accountId: account.sub, claims: () => accountClaims(account) };
    },
    interactions: {
      url: (_ctx, interaction) => `/interaction/${interaction.uid}`,
      policy: alwaysChooseAccountPolicy(),
    },
    pkce: { required: () => true },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx, form) => {
          ctx.type = "html";
          ctx.body = logoutPage(form);
        },
        postLogoutSuccessSource: (ctx) => {
          ctx.type = "html";
          ctx.body = signedOutPage();
        },
      },
    },
    renderError: (ctx, out) => {
      ctx.type = "html";
      ctx.body = errorPage({ error: out.error, description: out.error_description });
    },
    ttl: {
      AuthorizationCode: 60,
      AccessToken: 10 * 60,
      IdToken: 10 * 60,
      Interaction: 30 * 60,
      Session: 60 * 60,
      Grant: 60 * 60,
    },
  };
}

function accountClaims(account: DemoAccount) {
  return {
    sub: account.sub,
    email: account.email,
    email_verified: true,
    name: account.name,
    groups: [...account.groups],
  };
}

/**
 * The base policy signs a person in silently while their IdP session lasts. The demo must instead
 * show the chooser on every authorization request, so someone who signs out of the portal can come
 * back as somebody else. The only request allowed through is the one resuming the login just
 * submitted in the chooser.
 */
function alwaysChooseAccountPolicy() {
  const policy = interactionPolicy.base();
  const login = policy.get("login");
  if (!login) throw new Error("oidc-provider's base interaction policy has no login prompt");
  login.checks.add(
    new interactionPolicy.Check(
      "demo_always_choose_account",
      "the demo identity provider asks who you are on every sign-in",
      (ctx) => !ctx.oidc.result?.login,
    ),
  );
  return policy;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

function requestHandler(provider: Provider, log: DemoIdpLogger): Handler {
  const oidc = provider.callback();
  return (req, res) => {
    const url = new URL(req.url ?? "/", "http://demo-idp.invalid");
    const match = /^\/interaction\/([^/]+)(?:\/(login|abort))?$/.exec(url.pathname);
    if (!match) {
      oidc(req, res);
      return;
    }
    const action = match[2] ?? "show";
    const expected = action === "show" ? "GET" : "POST";
    if (req.method !== expected) {
      sendHtml(res, 405, errorPage({ error: "method_not_allowed" }));
      return;
    }
    interactionRoute(provider, action, req, res).catch((err: unknown) => {
      // Typically a stale tab: the interaction expired or already finished.
      log.warn({ err: String(err) }, "demo IdP interaction failed");
      if (res.headersSent) return;
      const page =
        err instanceof errors.OIDCProviderError
          ? errorPage({ error: err.error, description: err.error_description })
          : errorPage({ error: "server_error", description: "The request could not be handled." });
      sendHtml(res, 400, page);
    });
  };
}

async function interactionRoute(
  provider: Provider,
  action: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const interaction = await provider.interactionDetails(req, res);

  if (action === "abort") {
    await provider.interactionFinished(
      req,
      res,
      { error: "access_denied", error_description: "The person cancelled the demo sign-in." },
      { mergeWithLastSubmission: false },
    );
    return;
  }

  if (action === "login") {
    const sub = new URLSearchParams(await readBody(req)).get("sub") ?? "";
    const account = findDemoAccount(sub);
    if (!account) {
      sendHtml(res, 400, errorPage({ error: "unknown_account", description: sub }));
      return;
    }
    await forgetPreviousSession(provider, interaction);
    // remember: false also keeps the IdP's cookie from outliving the browser session.
    const grantId = await firstPartyGrant(provider, interaction, account.sub);
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId: account.sub, remember: false }, consent: { grantId } },
      { mergeWithLastSubmission: false },
    );
    return;
  }

  // The login result above carries consent, so a consent prompt only appears for unusual requests
  // (e.g. more claims asked for); Rigshare is the only, first-party client, so grant it silently.
  if (interaction.prompt.name === "consent" && interaction.session?.accountId) {
    const grantId = await firstPartyGrant(provider, interaction, interaction.session.accountId);
    await provider.interactionFinished(req, res, { consent: { grantId } });
    return;
  }

  const client = await provider.Client.find(String(interaction.params.client_id));
  sendHtml(
    res,
    200,
    accountChooserPage({
      uid: interaction.uid,
      clientName: client?.clientName ?? "Rigshare",
      accounts: DEMO_ACCOUNTS,
    }),
  );
}

/**
 * With a live IdP session for someone else, oidc-provider would stop the switch to a new account
 * with a "sign out first" round-trip. Each demo sign-in starts afresh instead.
 */
async function forgetPreviousSession(provider: Provider, interaction: Interaction): Promise<void> {
  if (!interaction.session) return;
  const previous = await provider.Session.find(interaction.session.cookie);
  await previous?.destroy();
  interaction.session = undefined;
  await interaction.save(Math.max(1, interaction.exp - Math.floor(Date.now() / 1000)));
}

async function firstPartyGrant(
  provider: Provider,
  interaction: Interaction,
  accountId: string,
): Promise<string> {
  const grant = interaction.grantId
    ? await provider.Grant.find(interaction.grantId)
    : undefined;
  const target =
    grant?.accountId === accountId
      ? grant
      : new provider.Grant({ accountId, clientId: String(interaction.params.client_id) });
  target.addOIDCScope(SCOPES.join(" "));
  target.addOIDCClaims(CLAIMS);
  const details = interaction.prompt.details as { missingOIDCClaims?: string[] };
  if (details.missingOIDCClaims) target.addOIDCClaims(details.missingOIDCClaims);
  return target.save();
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => {
      body += chunk;
      // The chooser posts one short field; anything bigger is not ours.
      if (body.length > 10_000) req.destroy(new Error("request body too large"));
    });
    req.on("end", () => resolve(body));
    req.on("error", reject);
  });
}

function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    "content-type": "text/html; charset=utf-8",
    "cache-control": "no-store",
  });
  res.end(html);
}
