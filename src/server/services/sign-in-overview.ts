import { findRecentSignIns } from "@/server/db/sign-ins";
import { read } from "@/server/db/tx";

const SHOWN = 20;

/** The last sign-ins with the claim names received, the groups seen and what they mapped to. */
export async function listRecentSignIns() {
  const rows = await read((client) => findRecentSignIns(client, SHOWN));
  return rows.map((row) => ({
    id: row.id,
    at: row.at,
    email: row.email,
    outcome: row.outcome,
    claimNames: row.claimNames,
    groupsClaimPresent: row.groupsClaimPresent,
    groups: row.groups,
    roles: row.roles,
    team: row.team,
    warnings: row.warnings,
  }));
}
