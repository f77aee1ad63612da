import { queryRows } from "./direct";
import { Prisma } from "./generated/client";
import type { Db } from "./tx";

/**
 * The row locks of a slice decision in one round trip (the function `lock_slice_decision` of
 * migration 20261207172000_decision_locks), in the order src/server/db/slices.ts documents: every
 * team when someone waits and the decision frees capacity, else the team, then the machine.
 * The team is locked FOR SHARE when `teamShared` (no quota counts the team's other bookings: its
 * decisions on different machines need not queue behind each other), else FOR UPDATE.
 */
export interface DecisionLocks {
  requesterId: string | null;
  teamId: string;
  machineId: string;
  /** Whether the team was locked FOR SHARE only: the caller must then find no counted quota. */
  teamShared: boolean;
  /** Whether someone waits (asked with `freeing`): every team is then locked FOR UPDATE. */
  waiting: boolean;
}

interface LockRow {
  requester_id: string | null;
  team_id: string;
  machine_id: string;
  team_shared: boolean;
  waiting: boolean;
}

const toLocks = (row: LockRow): DecisionLocks => ({ requesterId: row.requester_id, teamId: row.team_id, machineId: row.machine_id, teamShared: row.team_shared, waiting: row.waiting });

/** Locks a new request's team and machine. */
export async function lockRequestDecision(tx: Db, teamId: string, machineId: string, teamShared: boolean): Promise<DecisionLocks> {
  const [row] = await queryRows<LockRow>(tx, Prisma.sql`
    SELECT * FROM lock_slice_decision(NULL, ${teamId}::uuid, ${machineId}::uuid, '{}'::uuid[], ${teamShared}, false)`);
  return toLocks(row!);
}

/**
 * Locks a stored slice's team and machine (found by the slice, in the same round trip); null when
 * there is no such slice. `sharedTeams`: the teams to lock FOR SHARE, or "all".
 */
export async function lockSliceDecision(tx: Db, sliceId: string, options: { sharedTeams: readonly string[] | "all"; freeing: boolean }): Promise<DecisionLocks | null> {
  const teams = options.sharedTeams === "all" ? [] : [...options.sharedTeams];
  const [row] = await queryRows<LockRow>(tx, Prisma.sql`
    SELECT * FROM lock_slice_decision(${sliceId}::uuid, NULL, NULL, ${teams}::uuid[], ${options.sharedTeams === "all"}, ${options.freeing})`);
  return row ? toLocks(row) : null;
}
