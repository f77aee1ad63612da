import NextAuth, { type NextAuthConfig } from "next-auth";
import { rolesFromClaims } from "@/core/claims";
import { env } from "@/server/env";
import { log } from "@/server/log";
import { signInUser } from "@/server/services/users";

declare module "next-auth" {
  interface Session {
    user: { id: string; name?: string | null; email?: string | null };
  }
}

/** Built per request (lazy init) so the issuer and secrets come from the runtime environment, not the build. */
function authConfig(): NextAuthConfig {
  const e = env();
  return {
    secret: e.AUTH_SECRET,
    trustHost: true,
    session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
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
      async signIn({ user, profile }) {
        const subject = profile?.sub;
        const email = typeof profile?.email === "string" ? profile.email : undefined;
        if (!subject || !email) return "/sign-in?error=missing-claims";
        const result = await signInUser(
          {
            subject,
            email,
            name: typeof profile.name === "string" && profile.name ? profile.name : email,
            idpRoles: rolesFromClaims(profile as Record<string, unknown>, email, {
              groupsClaim: e.OIDC_GROUPS_CLAIM,
              adminGroups: e.OIDC_ADMIN_GROUPS,
              leadershipGroups: e.OIDC_LEADERSHIP_GROUPS,
              bootstrapAdminEmails: e.BOOTSTRAP_ADMIN_EMAILS,
            }),
          },
          { defaultTeam: e.DEFAULT_TEAM, now: new Date() },
        );
        if (!result.ok) {
          log.warn({ subject }, "sign-in refused: user is deactivated");
          return `/sign-in?error=${result.reason}`;
        }
        // Without a database adapter Auth.js hands this same object to the jwt callback.
        user.id = result.actor.id;
        return true;
      },
      jwt({ token, user }) {
        if (user?.id) token.uid = user.id;
        return token;
      },
      session({ session, token }) {
        if (typeof token.uid === "string") session.user.id = token.uid;
        return session;
      },
    },
    logger: {
      error: (error) => log.error({ err: error }, "auth error"),
      warn: (code) => log.warn({ code }, "auth warning"),
      debug: () => {},
    },
  };
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => authConfig());
