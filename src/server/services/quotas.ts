import { QUOTA_POLICY_KEYS } from "@/contracts/admin";
import { notFound } from "@/core/errors";
import { resolvePolicy, type StoredPolicy } from "@/core/slices/policy";
import { recordAudit } from "@/server/db/audit";
import { DEFAULT_SCOPE, deleteQuotaRow, findAllQuotaRows, upsertQuotaRow } from "@/server/db/quotas";
import { findTeamById, findTeams } from "@/server/db/teams";
import { read, transaction, type Db } from "@/server/db/tx";
import type { Actor } from "./actor";
import { byTeam } from "./policy-scopes";

const stored = (row: StoredPolicy & { scope: string }): StoredPolicy => Object.fromEntries(QUOTA_POLICY_KEYS.map((key) => [key, row[key] ?? null])) as StoredPolicy;

/** The fleet defaults and each team's overrides, with what applies to each team after inheritance. */
export function listQuotaPolicies() {
  return read(quotaPolicies);
}

async function quotaPolicies(client: Db) {
  const [rows, teams] = await Promise.all([findAllQuotaRows(client), findTeams(client)]);
  return byTeam(new Map(rows.map((row) => [row.scope, stored(row)])), DEFAULT_SCOPE, teams, resolvePolicy);
}

/**
 * Sets the fleet defaults (teamId absent) or a team's overrides; all-null overrides remove the team
 * row. Answers the policies as they are after the change, read inside the same transaction.
 */
export async function updateQuotaPolicy(actor: Actor, input: { teamId?: string; values: StoredPolicy; reason?: string }) {
  return transaction(async (tx) => {
    if (input.teamId && !(await findTeamById(tx, input.teamId))) throw notFound("Team", "teamId");
    const scope = input.teamId ?? DEFAULT_SCOPE;
    const before = (await findAllQuotaRows(tx)).find((row) => row.scope === scope);
    const empty = Object.values(input.values).every((v) => v === null);
    if (input.teamId && empty) await deleteQuotaRow(tx, scope);
    else await upsertQuotaRow(tx, scope, { ...input.values, teamMaxServingGpus: input.values.teamMaxServingGpus ?? null });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "quota.update",
      subjectType: input.teamId ? "team" : "quota",
      subjectId: scope,
      before: before ? stored(before) : null,
      after: input.values,
      reason: input.reason,
    });
    return quotaPolicies(tx);
  });
}
