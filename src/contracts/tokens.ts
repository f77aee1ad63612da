import { z } from "zod";
import { id, instantOut } from "./shared";

/** The API tokens feature. */

export const TOKEN_SCOPES = ["read", "write"] as const;

export const tokenOut = z
  .object({
    id: z.string(),
    userId: z.string(),
    name: z.string(),
    prefix: z.string().meta({ description: "The first characters of the token, to tell tokens apart." }),
    scope: z.enum(TOKEN_SCOPES),
    expiresAt: instantOut,
    lastUsedAt: instantOut.nullable(),
    revokedAt: instantOut.nullable(),
    createdAt: instantOut,
  })
  .meta({ id: "ApiToken" });
export type TokenOut = z.infer<typeof tokenOut>;

export const createTokenIn = z.object({
  name: z.string().trim().min(2, "must be at least 2 characters").max(60, "must be at most 60 characters"),
  scope: z.enum(TOKEN_SCOPES),
  expiresInDays: z.number().int().min(1, "must be at least 1 day").max(365, "must be at most 365 days"),
});
export const revokeTokenIn = z.object({ tokenId: id });
