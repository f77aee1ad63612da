import { z } from "zod";
import { createToken, listTokens, revokeToken } from "@/server/services/tokens";
import { permitted, router } from "../trpc";
import { id } from "../schemas";

export const tokensRouter = router({
  list: permitted("tokens:manage").query(({ ctx }) => listTokens(ctx.actor)),
  create: permitted("tokens:manage")
    .input(
      z.object({
        name: z.string().trim().min(2, "must be at least 2 characters").max(60, "must be at most 60 characters"),
        scope: z.enum(["read", "write"]),
        expiresInDays: z.number().int().min(1, "must be at least 1 day").max(365, "must be at most 365 days"),
      }),
    )
    .mutation(({ ctx, input }) => createToken(ctx.actor, input, new Date())),
  revoke: permitted("tokens:manage")
    .input(z.object({ tokenId: id }))
    .mutation(({ ctx, input }) => revokeToken(ctx.actor, input, new Date())),
});
