import { AppError, notFound } from "@/core/errors";
import { idlePolicyProblem, resolveIdlePolicy, type StoredIdlePolicy } from "@/core/idle/policy";
import { effectiveEnd } from "@/core/slices/lifecycle";
import { recordAudit } from "@/server/db/audit";
import { deleteIdleRow, endSliceEarly, findIdleRows, IDLE_DEFAULT_SCOPE, setSliceIdleExempt, upsertIdleRow } from "@/server/db/enforcement";
import { findSliceById, findSliceOwnership, lockTeamAndMachine, setHoldsEnd } from "@/server/db/slices";
import { findTeamById, findTeams } from "@/server/db/teams";
import { lockAllTeams } from "@/server/db/waitlist";
import { notify } from "@/server/notifications/notify";
import { sliceEvents } from "@/server/notifications/slice-events";
import { sliceRef } from "@/server/notifications/slice-ref";
import { read, transaction, type Db } from "@/server/db/tx";
import type { Actor } from "./actor";
import { byTeam } from "./policy-scopes";
import { auditSnapshot, sliceView } from "./slices/views";
import { placeWaiting } from "./waitlist/pass";

const stored = (row: StoredIdlePolicy): StoredIdlePolicy => ({
  noShowNotifyMinutes: row.noShowNotifyMinutes,
  noShowReleaseMinutes: row.noShowReleaseMinutes,
  idleWarnMinutes: row.idleWarnMinutes,
  idleWarnAgainMinutes: row.idleWarnAgainMinutes,
  idleReclaimMinutes: row.idleReclaimMinutes,
});

async function loadIdlePolicies(client: Db) {
  const [rows, teams] = await Promise.all([findIdleRows(client), findTeams(client)]);
  return byTeam(new Map(rows.map((row) => [row.scope, stored(row)])), IDLE_DEFAULT_SCOPE, teams, resolveIdlePolicy);
}

/** The fleet's idle policy and each team's overrides, with what applies to each team. */
export function listIdlePolicies() {
  return read(loadIdlePolicies);
}

/** Sets the fleet's idle policy (teamId absent) or a team's overrides; all-null overrides remove the team's row. */
export async function updateIdlePolicy(actor: Actor, input: { teamId?: string; values: StoredIdlePolicy; reason?: string }) {
  return transaction(async (tx) => {
    if (input.teamId && !(await findTeamById(tx, input.teamId))) throw notFound("Team", "teamId");
    const scope = input.teamId ?? IDLE_DEFAULT_SCOPE;
    const rows = await findIdleRows(tx);
    const before = rows.find((row) => row.scope === scope);
    const fleet = input.teamId ? (rows.find((row) => row.scope === IDLE_DEFAULT_SCOPE) ?? null) : null;
    // Checked as it will apply: a team's override against the fleet's values it inherits.
    const problem = idlePolicyProblem(input.teamId ? resolveIdlePolicy(fleet, input.values) : resolveIdlePolicy(input.values, null));
    if (problem) throw new AppError("VALIDATION", problem.message, { field: `values.${problem.field}` });
    const empty = Object.values(input.values).every((v) => v === null);
    if (input.teamId && empty) await deleteIdleRow(tx, scope);
    else await upsertIdleRow(tx, scope, input.values);
    await recordAudit(tx, { actorId: actor.id, action: "idle-policy.update", subjectType: input.teamId ? "team" : "idle-policy", subjectId: scope, before: before ? stored(before) : null, after: input.values, reason: input.reason });
    return loadIdlePolicies(tx);
  });
}

async function lockSlice(tx: Db, sliceId: string) {
  const peek = await findSliceOwnership(tx, sliceId);
  if (!peek) throw notFound("Slice", "sliceId");
  await lockTeamAndMachine(tx, peek.teamId, peek.machineId);
  return (await findSliceById(tx, sliceId))!;
}

/** An admin keeps a slice from idle reclaim (a long data load, a demo), or lifts that again. */
export async function setIdleExempt(actor: Actor, input: { sliceId: string; exempt: boolean; reason: string }, now: Date) {
  return transaction(async (tx) => {
    const row = await lockSlice(tx, input.sliceId);
    if (row.status !== "approved" && row.status !== "pending") throw new AppError("CONFLICT", `This slice is ${row.status}: there is nothing to exempt.`, { field: "sliceId" });
    await setSliceIdleExempt(tx, row.id, input.exempt);
    const after = (await findSliceById(tx, row.id))!;
    await recordAudit(tx, { actorId: actor.id, action: input.exempt ? "slice.idle-exempt" : "slice.idle-exempt-lifted", subjectType: "slice", subjectId: row.id, before: auditSnapshot(row), after: auditSnapshot(after), reason: input.reason });
    return sliceView(after, now);
  });
}

export type ReclaimReason = "idle" | "no-show";

/**
 * Ends an active slice early because its GPUs sat idle (or were never used), freeing them for the
 * schedule: one transaction, audited with who decided (an admin, or the system's idle policy),
 * the holder told, and the freed GPUs offered to the waitlist as a release does (same lock order:
 * every team, then the slice's team and machine).
 */
export async function reclaimIdleSlice(actor: Actor | "system", input: { sliceId: string; reason: ReclaimReason; detail?: string; idleMinutes?: number }, now: Date) {
  return transaction(async (tx) => {
    await lockAllTeams(tx);
    const row = await lockSlice(tx, input.sliceId);
    const end = effectiveEnd(row.endAt.getTime(), row.releasedAt?.getTime());
    if (row.status !== "approved" || now.getTime() < row.startAt.getTime() || now.getTime() >= end) {
      const why = row.status !== "approved" ? `it is ${row.status}` : now < row.startAt ? "it has not started" : "it has already ended";
      throw new AppError("CONFLICT", `This slice cannot be reclaimed: ${why}.`, { field: "sliceId" });
    }
    if (row.idleExempt) throw new AppError("CONFLICT", "This slice is exempt from idle reclaim: lift the exemption first.", { field: "sliceId" });
    await endSliceEarly(tx, row.id, now, input.reason);
    await setHoldsEnd(tx, row.id, now);
    const after = (await findSliceById(tx, row.id))!;
    const why = input.reason === "idle" ? "Reclaimed: its GPUs sat idle." : "Released: nothing ran on its GPUs after it started.";
    await recordAudit(tx, {
      actorId: actor === "system" ? null : actor.id,
      action: "slice.reclaim",
      subjectType: "slice",
      subjectId: row.id,
      before: auditSnapshot(row),
      after: auditSnapshot(after),
      reason: input.detail ? `${why} ${input.detail}` : why,
    });
    if (actor === "system") await notify(tx, { kind: "idle-reclaimed", slice: sliceRef(row), idleMinutes: input.idleMinutes ?? 0, at: now.getTime() }, now);
    else await sliceEvents.released(tx, row, actor, now);
    await placeWaiting(tx, now, `a slice on ${row.machine.name} was reclaimed`);
    return sliceView(after, now);
  });
}
