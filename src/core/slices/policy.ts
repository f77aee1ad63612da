import type { QuotaPolicyValues } from "@/contracts/admin";
import { DEFAULT_QUOTA_POLICY, type QuotaPolicy } from "./quotas";

/** One stored policy row, as the quota contract describes it. */
export type StoredPolicy = QuotaPolicyValues;

/** A limit of 0 or less stored by an admin means "no limit". */
const limit = (value: number | null | undefined): number | undefined => (value !== null && value !== undefined && value > 0 ? value : undefined);

/**
 * The policy that applies to a team: the team's row, else the fleet row, else the built-in
 * default, field by field. Auto-approve is off unless a row turns it on.
 */
export function resolvePolicy(fleet: StoredPolicy | null, team: StoredPolicy | null): { quotas: QuotaPolicy; autoApprove: boolean } {
  const pick = <K extends keyof StoredPolicy>(key: K, fallback: StoredPolicy[K] | undefined) => team?.[key] ?? fleet?.[key] ?? fallback;
  return {
    quotas: {
      team: {
        maxConcurrentGpus: limit(pick("teamMaxConcurrentGpus", DEFAULT_QUOTA_POLICY.team.maxConcurrentGpus)),
        maxGpuHoursPerMonth: limit(pick("teamMaxGpuHoursPerMonth", DEFAULT_QUOTA_POLICY.team.maxGpuHoursPerMonth)),
        maxServingGpus: limit(pick("teamMaxServingGpus", DEFAULT_QUOTA_POLICY.team.maxServingGpus)),
      },
      user: {
        maxConcurrentGpus: limit(pick("userMaxConcurrentGpus", DEFAULT_QUOTA_POLICY.user.maxConcurrentGpus)),
        maxSliceHours: limit(pick("userMaxSliceHours", DEFAULT_QUOTA_POLICY.user.maxSliceHours)),
        maxDaysAhead: limit(pick("userMaxDaysAhead", DEFAULT_QUOTA_POLICY.user.maxDaysAhead)),
      },
    },
    autoApprove: pick("autoApprove", false) ?? false,
  };
}
