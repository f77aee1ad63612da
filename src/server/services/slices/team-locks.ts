import { transaction, type Db } from "@/server/db/tx";

/**
 * The teams this process last found with no quota that counts other bookings: requests and
 * approvals for them lock the team FOR SHARE, so one team's decisions on different machines run
 * side by side (the machine lock still serializes each machine). The set is only a guess: a
 * decision re-reads the policy after its locks, and one that finds a counted quota under a shared
 * lock starts again with the team locked FOR UPDATE (see `decisionTransaction`). A team not in
 * the set (or unknown yet) is locked FOR UPDATE.
 */
const quotaFreeTeams = new Set<string>();

export const teamLockShared = (teamId: string) => quotaFreeTeams.has(teamId);

export const quotaFreeTeamIds = (): string[] => [...quotaFreeTeams];

/** Thrown when a decision holds its team FOR SHARE but a quota counts the team's bookings. */
class TeamLockTooWeak extends Error {
  constructor() {
    super("The team's quota policy changed: its decisions are counted under the team's lock again.");
  }
}

/** Remembers what the policy read under the decision's locks says, and refuses a lock too weak for it. */
export function checkTeamLock(teamId: string, countsOtherBookings: boolean, lockedShared: boolean): void {
  if (countsOtherBookings) quotaFreeTeams.delete(teamId);
  else quotaFreeTeams.add(teamId);
  if (countsOtherBookings && lockedShared) throw new TeamLockTooWeak();
}

/**
 * One decision as one transaction, run again once (with the team now locked FOR UPDATE) when it
 * held its team FOR SHARE and found a quota that counts the team's bookings: nothing of the first
 * try was written.
 */
export async function decisionTransaction<T>(work: (tx: Db) => Promise<T>): Promise<T> {
  try {
    return await transaction(work);
  } catch (error) {
    if (error instanceof TeamLockTooWeak) return transaction(work);
    throw error;
  }
}
