import { z } from "zod";
import { instantOut } from "./shared";

export const tokenOut = z
  .object({
    id: z.string(),
    userId: z.string(),
    name: z.string(),
    prefix: z.string().meta({ description: "The first characters of the token, to tell tokens apart." }),
    scope: z.enum(["read", "write"]),
    expiresAt: instantOut,
    lastUsedAt: instantOut.nullable(),
    revokedAt: instantOut.nullable(),
    createdAt: instantOut,
  })
  .meta({ id: "ApiToken" });
