import { z } from "zod";
import { ROLES } from "@/core/roles";

/** Input pieces shared by routers (and later the REST layer). */
export const id = z.uuid({ message: "must be a valid id" });
export const teamName = z
  .string()
  .trim()
  .min(2, "must be at least 2 characters")
  .max(60, "must be at most 60 characters")
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} ._&-]*$/u, "may contain letters, digits, spaces and . _ & -");
export const roles = z.array(z.enum(ROLES)).max(ROLES.length).refine((r) => new Set(r).size === r.length, "must not repeat a role");
export const reason = z.string().trim().min(3, "must be at least 3 characters").max(500, "must be at most 500 characters");
export const search = z.string().trim().max(100, "must be at most 100 characters").optional();
