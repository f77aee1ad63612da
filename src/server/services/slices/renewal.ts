import { nextRenewalAt, SERVING_RENEWAL_WINDOW_MS, servingRenewal } from "@/core/slices/renewal";
import { recordAudit } from "@/server/db/audit";
import { findRenewalCandidates, renewalRefusalRecorded } from "@/server/db/renewals";
import { findSliceById, findSliceOwnership, lockTeamAndMachine, setHoldsEnd, updateSliceRow } from "@/server/db/slices";
import { read, transaction, type Db } from "@/server/db/tx";
import { log } from "@/server/log";
import { notify } from "@/server/notifications/notify";
import { scheduleReminders } from "@/server/notifications/reminders";
import { sliceRef } from "@/server/notifications/slice-ref";
import { decisionOf } from "./approve";
import { loadDecisionContext } from "./checks";
import { extensionProblems } from "./extensions";
import { runEveryMinute } from "../every-minute";
import { auditSnapshot } from "./views";

export type RenewalOutcome = { sliceId: string; outcome: "renewed"; newEnd: Date } | { sliceId: string; outcome: "refused" | "still-refused" | "not-due"; newEnd?: undefined };

/**
 * Renews one serving slice if it is due, as a booking: the team and machine locks first (so two
 * workers renewing the same slice queue, and the second finds it no longer due), then the same
 * capacity and quota checks as an extension, then the GPU holds moved under their exclusion
 * constraint. A blocked renewal is recorded and told once per end; it is retried until the end.
 */
async function renewOne(tx: Db, sliceId: string, now: Date): Promise<RenewalOutcome> {
  const owner = await findSliceOwnership(tx, sliceId);
  if (!owner) return { sliceId, outcome: "not-due" };
  await lockTeamAndMachine(tx, owner.teamId, owner.machineId);
  const row = (await findSliceById(tx, sliceId))!;
  const decision = servingRenewal({ kind: row.kind, status: row.status, end: row.endAt.getTime(), releasedAt: row.releasedAt?.getTime() ?? null }, now.getTime());
  if (!decision.due) return { sliceId, outcome: "not-due" };
  const newEnd = new Date(decision.newEnd);
  const ctx = await loadDecisionContext(tx, decisionOf(row), now, { lock: false });
  const { conflicts, violations } = extensionProblems(ctx, row, newEnd, now);
  const reasons = [...conflicts.map((c) => c.message), ...violations.map((v) => v.message)];
  if (reasons.length > 0) {
    if (await renewalRefusalRecorded(tx, row.id, row.endAt)) return { sliceId, outcome: "still-refused" };
    await recordAudit(tx, { actorId: null, action: "slice.renewal-refused", subjectType: "slice", subjectId: row.id, after: { end: row.endAt.toISOString(), requestedEnd: newEnd.toISOString() }, reason: reasons.join(" ") });
    await notify(tx, { kind: "serving-renewal-refused", slice: sliceRef(row), reasons }, now);
    return { sliceId, outcome: "refused" };
  }
  const after = await updateSliceRow(tx, row.id, { endAt: newEnd });
  await setHoldsEnd(tx, row.id, newEnd);
  await recordAudit(tx, { actorId: null, action: "slice.renew", subjectType: "slice", subjectId: row.id, before: auditSnapshot(row), after: auditSnapshot(after), reason: "Serving slice renewed for a month: it renews monthly until released." });
  const next = nextRenewalAt({ kind: after.kind, status: after.status, end: newEnd.getTime(), releasedAt: null }, now.getTime())!;
  await notify(tx, { kind: "serving-renewed", slice: sliceRef(row), newEnd: newEnd.getTime(), nextRenewal: next }, now);
  await scheduleReminders(tx, after, now);
  return { sliceId, outcome: "renewed", newEnd };
}

/** Renews every serving slice due at `now`, each in its own transaction (one blocked slice holds up no other). */
export async function renewServingSlices(now: Date): Promise<RenewalOutcome[]> {
  const candidates = await read((client) => findRenewalCandidates(client, now, new Date(now.getTime() + SERVING_RENEWAL_WINDOW_MS)));
  const outcomes: RenewalOutcome[] = [];
  for (const { id } of candidates) {
    try {
      outcomes.push(await transaction((tx) => renewOne(tx, id, now)));
    } catch (error) {
      // E.g. the exclusion constraint refused the holds a booking raced in: nothing was written,
      // the next check tries again and then sees that booking.
      log.warn({ sliceId: id, err: error instanceof Error ? error.message : String(error) }, "serving renewal failed; it is retried");
    }
  }
  return outcomes;
}

/**
 * Checks for due renewals every minute; any number of processes may run it: the locks and the
 * re-check make it extend once.
 */
export function startServingRenewal(): () => void {
  return runEveryMinute(renewServingSlices, "serving renewal failed");
}
