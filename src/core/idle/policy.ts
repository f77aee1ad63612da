/**
 * When a held GPU counts as wasted, in minutes (PRODUCT.md "Idle GPUs and unbooked use"). 0 turns
 * a step off. Stored per fleet and per team like the quotas: null inherits.
 */
export interface IdlePolicy {
  /** No process on the slice's GPUs this long after its start: tell the holder. */
  noShowNotifyMinutes: number;
  /** … and this long: release the slice. */
  noShowReleaseMinutes: number;
  /** Held but idle (0 % on every GPU of the slice) this long: warn. */
  idleWarnMinutes: number;
  idleWarnAgainMinutes: number;
  /** … and this long: reclaim (the slice ends early, reason "idle"). */
  idleReclaimMinutes: number;
}

export type StoredIdlePolicy = { [K in keyof IdlePolicy]: number | null };

export const DEFAULT_IDLE_POLICY: IdlePolicy = { noShowNotifyMinutes: 30, noShowReleaseMinutes: 60, idleWarnMinutes: 60, idleWarnAgainMinutes: 105, idleReclaimMinutes: 120 };

export const IDLE_POLICY_FIELDS = Object.keys(DEFAULT_IDLE_POLICY) as (keyof IdlePolicy)[];

/** The team's value, else the fleet's, else the built-in default, field by field. */
export function resolveIdlePolicy(fleet: StoredIdlePolicy | null, team: StoredIdlePolicy | null): IdlePolicy {
  const resolved = { ...DEFAULT_IDLE_POLICY };
  for (const field of IDLE_POLICY_FIELDS) resolved[field] = team?.[field] ?? fleet?.[field] ?? DEFAULT_IDLE_POLICY[field];
  return resolved;
}

/** Steps that are on must come in order (tell before release, warnings before the reclaim); a problem names the field. */
export function idlePolicyProblem(policy: IdlePolicy): { field: keyof IdlePolicy; message: string } | null {
  const order: [keyof IdlePolicy, keyof IdlePolicy][] = [
    ["noShowNotifyMinutes", "noShowReleaseMinutes"],
    ["idleWarnMinutes", "idleWarnAgainMinutes"],
    ["idleWarnAgainMinutes", "idleReclaimMinutes"],
    ["idleWarnMinutes", "idleReclaimMinutes"],
  ];
  for (const [early, late] of order) {
    if (policy[early] > 0 && policy[late] > 0 && policy[early] >= policy[late]) {
      return { field: late, message: `must be later than ${early} (${policy[early]} min), or 0 to turn it off` };
    }
  }
  return null;
}
