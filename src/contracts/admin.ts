import { z } from "zod";
import { ROLES } from "@/core/roles";
import { id, reason, search } from "./shared";

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

export const createTeamIn = z.object({ name: teamName });
export const renameTeamIn = z.object({ teamId: id, name: teamName });
export const deleteTeamIn = z.object({ teamId: id });

export const listUsersIn = z.object({
  search,
  teamId: id.optional(),
  active: z.boolean().optional(),
  page: z.number().int().min(1).max(10_000).default(1),
  pageSize: z.number().int().min(1).max(100).default(25),
});
export const updateUserIn = z.object({ userId: id, teamId: id.optional(), teamPinned: z.boolean().optional(), assignedRoles: roles.optional(), linuxUsername: linuxUsername.optional() });
export const setUserActiveIn = z.object({ userId: id, active: z.boolean(), reason: reason.optional() });
export const signOutEverywhereIn = z.object({ userId: id, reason: reason.optional() });
