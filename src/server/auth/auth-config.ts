import type { NextAuthConfig } from "next-auth";
import { mapSignIn } from "@/core/identity/sign-in-mapping";
import type { Env } from "@/server/env";
import { log as appLog } from "@/server/log";
import { endSession } from "@/server/services/sessions";
import { signInUser } from "@/server/services/sign-in";
import { diagnoseSignInError, rememberFailure } from "./diagnosis";

declare module "next-auth" {
  interface Session {
    user: { id: string; name?: string | null; email?: string | null };
    /** The server-side session row; signing out revokes it. */
    sid?: string;
  }
  interface User {
    sid?: string;
  }
}

const SESSION_SECONDS = 8 * 60 * 60;

/** Where sign-in diagnostics go: the app's logger, or a recorder in tests. */
export interface AuthLog {
  warn(details: object, message: string): void;
}

/**
 * The Auth.js configuration: OpenID Connect with diagnosed failures, a revocable session row per
 * sign-in, and roles and team from the IdP's groups. Apart from next-auth's runtime so the sign-in
 * tests can drive Auth.js without Next.
 */
export function authConfig(e: Env, deps: { log?: AuthLog; userAgent?: string | null } = {}): NextAuthConfig {
  const log = deps.log ?? appLog;
  return {
    secret: e.AUTH_SECRET,
    trustHost: true,
    basePath: "/api/auth",
    session: { strategy: "jwt", maxAge: SESSION_SECONDS },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: e.OIDC_ISSUER
      ? [
          {
            id: "oidc",
            name: e.OIDC_PROVIDER_NAME,
            type: "oidc",
            issuer: e.OIDC_ISSUER,
            clientId: e.OIDC_CLIENT_ID,
            clientSecret: e.OIDC_CLIENT_SECRET,
            checks: ["pkce", "state", "nonce"],
            authorization: { params: { scope: e.OIDC_SCOPES } },
          },
        ]
      : [],
    callbacks: {
      async signIn({ user, account, profile }) {
        const subject = profile?.sub;
        const email = typeof profile?.email === "string" ? profile.email : undefined;
        if (!subject || !email) {
          log.warn({ claimNames: Object.keys(profile ?? {}).sort() }, "sign-in refused: the identity provider sent no sub or email claim (is the email scope in OIDC_SCOPES?)");
          return "/sign-in?error=missing-claims";
        }
        const now = new Date();
        const mapped = mapSignIn(profile as Record<string, unknown>, email, {
          groupsClaim: e.OIDC_GROUPS_CLAIM,
          adminGroups: e.OIDC_ADMIN_GROUPS,
          leadershipGroups: e.OIDC_LEADERSHIP_GROUPS,
          bootstrapAdminEmails: e.BOOTSTRAP_ADMIN_EMAILS,
          teamGroups: e.OIDC_TEAM_GROUPS,
        });
        const result = await signInUser(
          {
            subject,
            email,
            name: typeof profile.name === "string" && profile.name ? profile.name : email,
            idpRoles: mapped.roles,
            team: mapped.team,
            seen: mapped,
          },
          {
            defaultTeam: e.DEFAULT_TEAM,
            now,
            session: { userAgent: deps.userAgent ?? "", idToken: account?.id_token ?? null, expiresAt: new Date(now.getTime() + SESSION_SECONDS * 1000) },
          },
        );
        if (!result.ok) {
          log.warn({ subject }, "sign-in refused: user is deactivated");
          return `/sign-in?error=${result.reason}`;
        }
        for (const warning of result.warnings) log.warn({ email, groupsClaim: e.OIDC_GROUPS_CLAIM, claimNames: mapped.claimNames }, warning);
        // Without a database adapter Auth.js hands this same object to the jwt callback.
        user.id = result.actor.id;
        user.sid = result.sessionId ?? undefined;
        return true;
      },
      jwt({ token, user }) {
        if (user?.id) token.uid = user.id;
        if (user?.sid) token.sid = user.sid;
        return token;
      },
      session({ session, token }) {
        if (typeof token.uid === "string") session.user.id = token.uid;
        if (typeof token.sid === "string") session.sid = token.sid;
        return session;
      },
    },
    events: {
      // Revoking the row is what makes sign-out real: the cookie is only a signed pointer to it.
      async signOut(message) {
        const sid = "token" in message ? message.token?.sid : undefined;
        if (typeof sid === "string") await endSession(sid, new Date());
      },
    },
    logger: {
      error: (error) => {
        const failure = diagnoseSignInError(error, e.OIDC_ISSUER);
        rememberFailure(failure);
        log.warn({ cause: failure.kind, ...failure.details }, failure.message);
      },
      warn: (code) => log.warn({ code }, "auth warning"),
      debug: () => {},
    },
  };
}
