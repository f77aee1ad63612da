import { z } from "zod";
import { createToken, listTokens, revokeToken } from "@/server/services/tokens";
import { tokenOut } from "@/contracts/tokens";
import { restEndpoint } from "../rest/meta";
import { permitted, router } from "../trpc";
import { id } from "@/contracts/shared";

const rest = restEndpoint("Tokens");

/** Tokens are created in the web app only (shown once there); scripts may list and revoke them. */
export const tokensRouter = router({
  list: permitted("tokens:read")
    .meta(rest("GET", "/tokens", "List your API tokens", "tokens:read", "Newest first; the tokens themselves are never shown again, only their first characters."))
    .output(z.array(tokenOut))
    .query(({ ctx }) => listTokens(ctx.actor)),
  create: permitted("tokens:read")
    .input(
      z.object({
        name: z.string().trim().min(2, "must be at least 2 characters").max(60, "must be at most 60 characters"),
        scope: z.enum(["read", "write"]),
        expiresInDays: z.number().int().min(1, "must be at least 1 day").max(365, "must be at most 365 days"),
      }),
    )
    .mutation(({ ctx, input }) => createToken(ctx.actor, input, new Date())),
  revoke: permitted("tokens:read")
    .meta(rest("DELETE", "/tokens/{tokenId}", "Revoke an API token", "tokens:read (your own tokens; admins any)", "Revoking twice is harmless."))
    .input(z.object({ tokenId: id }))
    .output(tokenOut)
    .mutation(({ ctx, input }) => revokeToken(ctx.actor, input, new Date())),
});
