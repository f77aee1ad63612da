import { z } from "zod";
import { createToken, listTokens, revokeToken } from "@/server/services/tokens";
import { createTokenIn, revokeTokenIn, tokenOut } from "@/contracts/tokens";
import { restEndpoint } from "../rest/meta";
import { byActor } from "../by-actor";
import { permitted, router } from "../trpc";

const rest = restEndpoint("Tokens");

/** Tokens are created in the web app only (shown once there); scripts may list and revoke them. */
export const tokensRouter = router({
  list: permitted("tokens:read")
    .meta(rest("GET", "/tokens", "List your API tokens", "tokens:read", "Newest first; the tokens themselves are never shown again, only their first characters."))
    .output(z.array(tokenOut))
    .query(({ ctx }) => listTokens(ctx.actor)),
  create: permitted("tokens:read")
    .input(createTokenIn)
    .mutation(byActor(createToken)),
  revoke: permitted("tokens:read")
    .meta(rest("DELETE", "/tokens/{tokenId}", "Revoke an API token", "tokens:read (your own tokens; admins any)", "Revoking twice is harmless."))
    .input(revokeTokenIn)
    .output(tokenOut)
    .mutation(byActor(revokeToken)),
});
