import { z } from "zod";
import { ROLES } from "@/core/roles";
import { id, reason } from "./shared";

/** The admin feature: teams, people and the quota policy. */

export const teamName = z
  .string()
  .trim()
  .min(2, "must be at least 2 characters")
  .max(60, "must be at most 60 characters")
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} ._&-]*$/u, "may contain letters, digits, spaces and . _ & -");
export const roles = z.array(z.enum(ROLES)).max(ROLES.length).refine((r) => new Set(r).size === r.length, "must not repeat a role");
/** Checked in full by the core (src/core/identity/linux-username.ts), which names the rule broken. */
export const linuxUsername = z.string().trim().max(64, "must be at most 64 characters");

const limit = z.number({ message: "must be a number or null" }).int("must be a whole number").min(0, "must be 0 (no limit) or more").max(1_000_000).nullable();

/** One stored quota row: null means "inherit" (from the fleet default, or from the built-in default); 0 means no limit. */
export const quotaPolicyValues = z.object({
  teamMaxConcurrentGpus: limit,
  teamMaxGpuHoursPerMonth: limit,
  // Optional so clients written before serving slices keep working (absent = inherit).
  teamMaxServingGpus: limit.optional(),
  userMaxConcurrentGpus: limit,
  userMaxSliceHours: limit,
  userMaxDaysAhead: limit,
  autoApprove: z.boolean().nullable(),
});
export type QuotaPolicyValues = z.infer<typeof quotaPolicyValues>;
export const QUOTA_POLICY_KEYS = quotaPolicyValues.keyof().options;

export const updateQuotaPolicyIn = z.object({ teamId: id.optional(), values: quotaPolicyValues, reason: reason.optional() });
