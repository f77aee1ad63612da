import NextAuth from "next-auth";
import { env } from "@/server/env";
import { authConfig } from "./auth-config";

// Built per request (lazy init) so the issuer and secrets come from the runtime environment, not the build.
export const { handlers, auth, signIn, signOut } = NextAuth((req) => authConfig(env(), { userAgent: req?.headers.get("user-agent") }));
