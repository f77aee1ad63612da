import { describe, expect, it } from "vitest";
import { resolvePolicy, type StoredPolicy } from "./policy";
import { DEFAULT_QUOTA_POLICY } from "./quotas";

const empty: StoredPolicy = {
  teamMaxConcurrentGpus: null,
  teamMaxGpuHoursPerMonth: null,
  userMaxConcurrentGpus: null,
  userMaxSliceHours: null,
  userMaxDaysAhead: null,
  autoApprove: null,
};

describe("resolvePolicy", () => {
  it("falls back to the built-in defaults with auto-approve off", () => {
    expect(resolvePolicy(null, null)).toEqual({ quotas: DEFAULT_QUOTA_POLICY, autoApprove: false });
  });

  it("takes the fleet row over the defaults and the team row over the fleet row, field by field", () => {
    const fleet = { ...empty, userMaxConcurrentGpus: 2, teamMaxConcurrentGpus: 6, autoApprove: true };
    const team = { ...empty, teamMaxConcurrentGpus: 4, autoApprove: false };
    const { quotas, autoApprove } = resolvePolicy(fleet, team);
    expect(quotas.team.maxConcurrentGpus).toBe(4);
    expect(quotas.user.maxConcurrentGpus).toBe(2);
    expect(quotas.user.maxSliceHours).toBe(DEFAULT_QUOTA_POLICY.user.maxSliceHours);
    expect(autoApprove).toBe(false);
  });

  it("treats a stored limit of 0 as unlimited", () => {
    const { quotas } = resolvePolicy({ ...empty, teamMaxGpuHoursPerMonth: 0 }, null);
    expect(quotas.team.maxGpuHoursPerMonth).toBeUndefined();
  });
});
