import { createServer as createHttpServer } from "node:http";
import { createServer } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { signInErrorMessage } from "@/components/shell/sign-in-errors";
import { db } from "@/server/db/client";
import { resetDatabase } from "@test/db/database";
import { parseEnv } from "@/server/env";
import { actorForSession } from "@/server/services/sessions";
import { authConfig, type AuthLog } from "./auth-config";
import { withSignInDiagnosis } from "./diagnosis";
import { COMPANY_GROUPS, COMPANY_TEAM_GROUPS } from "@test/idp/accounts";
import { APP, SignInBrowser } from "@test/idp/flow";
import { startCompanyIdp, type CompanyIdp } from "@test/idp/server";

const CLIENT = { clientId: "rigshare", clientSecret: "the-right-secret-0123456789" };
const idpOptions = { port: 0, ...CLIENT, redirectUris: [`${APP}/api/auth/callback/oidc`], postLogoutRedirectUris: [`${APP}/signed-out`] };
let idp: CompanyIdp;
/** Same provider, announcing itself as localhost while the portal is told 127.0.0.1. */
let misnamedIdp: CompanyIdp;

beforeAll(async () => {
  idp = await startCompanyIdp(idpOptions);
  misnamedIdp = await startCompanyIdp({ ...idpOptions, issuerHost: "localhost" });
});
afterAll(async () => {
  await idp?.close();
  await misnamedIdp?.close();
});
beforeEach(() => resetDatabase());

function recorder() {
  const lines: { details: Record<string, unknown>; message: string }[] = [];
  const log: AuthLog = { warn: (details, message) => lines.push({ details: details as Record<string, unknown>, message }) };
  return { log, lines };
}

function browserFor(overrides: Record<string, string>) {
  const { log, lines } = recorder();
  const env = parseEnv({
    AUTH_URL: APP,
    AUTH_SECRET: "a-test-secret-that-is-long-enough-0123456789",
    OIDC_ISSUER: idp.issuer,
    OIDC_CLIENT_ID: CLIENT.clientId,
    OIDC_CLIENT_SECRET: CLIENT.clientSecret,
    OIDC_PROVIDER_NAME: "Corp SSO",
    OIDC_SCOPES: "openid email profile groups",
    OIDC_ADMIN_GROUPS: COMPANY_GROUPS.admin,
    OIDC_LEADERSHIP_GROUPS: COMPANY_GROUPS.leadership,
    OIDC_TEAM_GROUPS: COMPANY_TEAM_GROUPS,
    ...overrides,
  });
  const config = authConfig(env, { log, userAgent: "Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0" });
  return { browser: new SignInBrowser(config, withSignInDiagnosis), lines };
}

async function closedPort() {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A web server that answers every request with one HTTP status, as a proxy in front of a dead IdP does. */
async function answering(status: number, run: (url: string) => Promise<void>) {
  const server = createHttpServer((_req, res) => res.writeHead(status).end());
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    await run(`http://127.0.0.1:${(server.address() as { port: number }).port}`);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

const errorOf = (response: Response) => new URL(response.headers.get("location")!).searchParams.get("error");
const pageMessageOf = (response: Response) => signInErrorMessage(errorOf(response)!);
const OUTAGE = "The identity provider cannot be reached right now. Try again later; if it lasts, tell an admin.";
const MISCONFIGURED = "Sign-in is misconfigured. An admin should check the logs: each failed sign-in is logged with its cause.";

describe("misconfigurations: the log names the cause, the page tells an outage from a misconfiguration", () => {
  it("the identity provider is down", async () => {
    const { browser, lines } = browserFor({ OIDC_ISSUER: `http://127.0.0.1:${await closedPort()}` });
    const response = await browser.startSignIn();
    expect(pageMessageOf(response)).toBe(OUTAGE);
    expect(lines).toEqual([{ details: expect.objectContaining({ cause: "unreachable", networkError: "ECONNREFUSED" }), message: expect.stringContaining("cannot be reached (ECONNREFUSED)") }]);
  });

  it("a gateway answers 503 for the IdP: an outage too", async () => {
    await answering(503, async (issuer) => {
      const { browser, lines } = browserFor({ OIDC_ISSUER: issuer });
      expect(pageMessageOf(await browser.startSignIn())).toBe(OUTAGE);
      expect(lines).toEqual([{ details: expect.objectContaining({ cause: "unreachable", status: 503 }), message: expect.stringContaining("answered HTTP 503") }]);
    });
  });

  it("OIDC_ISSUER is not an issuer (no discovery document): a misconfiguration", async () => {
    await answering(404, async (issuer) => {
      const { browser, lines } = browserFor({ OIDC_ISSUER: issuer });
      expect(pageMessageOf(await browser.startSignIn())).toBe(MISCONFIGURED);
      expect(lines).toEqual([{ details: expect.objectContaining({ cause: "provider-error", status: 404 }), message: expect.stringContaining("/.well-known/openid-configuration must exist") }]);
    });
  });

  it("the issuer's host differs (localhost vs 127.0.0.1): both values are logged", async () => {
    const configured = misnamedIdp.issuer.replace("localhost", "127.0.0.1");
    const { browser, lines } = browserFor({ OIDC_ISSUER: configured });
    const response = await browser.startSignIn();
    expect(pageMessageOf(response)).toBe(MISCONFIGURED);
    expect(lines).toHaveLength(1);
    expect(lines[0]!.details).toMatchObject({ cause: "issuer-mismatch", received: misnamedIdp.issuer });
    expect(lines[0]!.details.expected).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/?$/);
    expect(lines[0]!.message).toContain(`announces "${misnamedIdp.issuer}"`);
  });

  it("a wrong client secret: the provider's rejection of the client is logged, never the secret", async () => {
    const { browser, lines } = browserFor({ OIDC_CLIENT_SECRET: "a-wrong-secret" });
    const response = await browser.signIn("noam", "noam-pw-3");
    expect(pageMessageOf(response)).toBe(MISCONFIGURED);
    expect(lines).toEqual([{ details: expect.objectContaining({ cause: "client-rejected", error: "invalid_client", status: 401 }), message: expect.stringContaining("rejected the client (invalid_client") }]);
    expect(JSON.stringify(lines)).not.toContain("a-wrong-secret");
  });

  it("no groups scope while group maps are configured: everyone would be a member, so it warns", async () => {
    const { browser, lines } = browserFor({ OIDC_SCOPES: "openid email profile" });
    await browser.signIn("grace", "grace-pw-1");
    expect(lines.map((l) => l.message)).toEqual([expect.stringContaining('no "groups" claim')]);
    const event = await db().signInEvent.findFirstOrThrow();
    expect(event).toMatchObject({ email: "grace.hopper@corp.test", groupsClaimPresent: false, groups: [], roles: ["member"], warnings: [expect.stringContaining("did you add the groups scope")] });
    expect(event.claimNames).toEqual(expect.arrayContaining(["sub", "email", "name"]));
  });

  it("a differently named claim (OIDC_GROUPS_CLAIM) is reported the same way", async () => {
    const { browser, lines } = browserFor({ OIDC_GROUPS_CLAIM: "roles" });
    await browser.signIn("fei", "fei-pw-4");
    expect(lines.map((l) => l.message)).toEqual([expect.stringContaining('no "roles" claim')]);
  });
});

describe("a sign-in through a company IdP", () => {
  it("maps groups to roles and teams, records what arrived, and opens a revocable session", async () => {
    const { browser, lines } = browserFor({});
    const back = await browser.signIn("fei", "fei-pw-4");
    expect(back.headers.get("location")).toBe(`${APP}/`);
    const session = await browser.session();
    expect(session?.sid).toEqual(expect.any(String));
    const actor = await actorForSession(session!.sid!, new Date());
    expect(actor).toMatchObject({ email: "fei.li@corp.test", teamName: "Vision Lab", roles: ["member"] });
    const row = await db().userSession.findUniqueOrThrow({ where: { id: session!.sid! } });
    expect(row.userAgent).toContain("Firefox");
    expect(row.idToken).toMatch(/^eyJ/);
    expect(lines).toEqual([]);
    const event = await db().signInEvent.findFirstOrThrow();
    expect(event).toMatchObject({ groupsClaimPresent: true, groups: [COMPANY_GROUPS.vision, "all-staff"], team: "Vision Lab", roles: ["member"] });
  });

  it("sign-out revokes the session: a cookie copied before it no longer signs anyone in", async () => {
    const { browser } = browserFor({});
    await browser.signIn("noam", "noam-pw-3");
    const copied = browser.app.copy();
    const { sid } = (await browser.session())!;
    expect(await actorForSession(sid!, new Date())).toMatchObject({ teamName: "NLP Research" });
    await browser.signOut();
    // The copied cookie still decodes (it is a signed JWT), but the session it points to is revoked.
    const replayed = (await (await browser.portal("/api/auth/session", { jar: copied })).json()) as { sid: string };
    expect(replayed.sid).toBe(sid);
    expect(await actorForSession(replayed.sid, new Date())).toBeNull();
    const row = await db().userSession.findUniqueOrThrow({ where: { id: sid! } });
    expect(row).toMatchObject({ revokedAt: expect.any(Date), idToken: null });
  });

  it("the last admin keeps the admin role when the IdP stops granting it, with a warning", async () => {
    const first = browserFor({});
    await first.browser.signIn("grace", "grace-pw-1");
    const demoted = browserFor({ OIDC_ADMIN_GROUPS: "some-other-group" });
    await demoted.browser.signIn("grace", "grace-pw-1");
    const grace = await db().user.findUniqueOrThrow({ where: { email: "grace.hopper@corp.test" } });
    expect(grace.idpRoles).toEqual(["admin"]);
    expect(demoted.lines.map((l) => l.message)).toEqual([expect.stringContaining("is the last active admin")]);
  });

  it("a team pinned by an admin is left alone; unpinned, the IdP's group sets it again", async () => {
    const { browser } = browserFor({});
    await browser.signIn("noam", "noam-pw-3");
    const manual = await db().team.create({ data: { name: "Special Projects" } });
    await db().user.update({ where: { email: "noam.chomsky@corp.test" }, data: { teamId: manual.id, teamPinned: true } });
    const again = browserFor({});
    await again.browser.signIn("noam", "noam-pw-3");
    expect((await db().user.findUniqueOrThrow({ where: { email: "noam.chomsky@corp.test" }, include: { team: true } })).team.name).toBe("Special Projects");
    await db().user.update({ where: { email: "noam.chomsky@corp.test" }, data: { teamPinned: false } });
    await browserFor({}).browser.signIn("noam", "noam-pw-3");
    expect((await db().user.findUniqueOrThrow({ where: { email: "noam.chomsky@corp.test" }, include: { team: true } })).team.name).toBe("NLP Research");
  });
});
