import type { QueueItemOut, WaitlistEntryOut } from "@/contracts/waitlist";
import { AppError, notFound } from "@/core/errors";
import { can } from "@/core/permissions";
import { orderWaitlist, pinsAfterMove, usagePerShare } from "@/core/placement/fair-share";
import { describeNeed } from "@/core/placement/place";
import { estimateStarts } from "@/core/placement/waitlist";
import { MS_PER_HOUR } from "@/core/slices/time";
import { recordAudit } from "@/server/db/audit";
import { findTeamById } from "@/server/db/teams";
import { read, transaction, type Db } from "@/server/db/tx";
import { closeEntry, findEntriesOf, findWaitingEntries, findWaitlistEntry, lockAllTeams, setPinnedRanks, setTeamShare, type WaitlistRow } from "@/server/db/waitlist";
import type { Actor } from "../actor";
import { loadFleet, needOf, PLACEMENT_HORIZON_MS, waitingRequestOf } from "./fleet";
import { placeWaiting } from "./pass";

function entryView(row: WaitlistRow): WaitlistEntryOut {
  return {
    id: row.id,
    requester: row.requester,
    team: row.team,
    need: describeNeed(needOf(row)),
    gpuCount: row.gpuCount,
    minGpuMemoryGb: row.minGpuMemoryGb,
    gpuModels: row.gpuModels,
    durationHours: row.durationMinutes / 60,
    earliestStart: row.earliestStart,
    latestEnd: row.latestEnd,
    purpose: row.purpose,
    kind: row.kind,
    status: row.status,
    pinned: row.pinnedRank !== null,
    outcome: row.outcome,
    slice: row.slice ? { id: row.slice.id, status: row.slice.status, start: row.slice.startAt, end: row.slice.endAt, machine: row.slice.machine } : null,
    createdAt: row.createdAt,
    decidedAt: row.decidedAt,
  };
}

/** The queue in order, each entry with its position, its team's recent use per share, and an estimated start. */
async function orderedQueue(client: Db, now: Date): Promise<QueueItemOut[]> {
  const rows = await findWaitingEntries(client);
  if (rows.length === 0) return [];
  const fleet = await loadFleet(client, now);
  const t = now.getTime();
  const order = orderWaitlist(rows.map(waitingRequestOf), fleet.usage, fleet.shares);
  const estimates = estimateStarts({ machines: fleet.machines, bookings: fleet.bookings, queue: order, now: t, horizon: t + PLACEMENT_HORIZON_MS });
  return order.map((e, i) => ({
    ...entryView(rows.find((r) => r.id === e.id)!),
    position: i + 1,
    teamGpuHoursPerShare: usagePerShare(e.teamId, fleet.usage, fleet.shares) / MS_PER_HOUR,
    estimatedStart: estimates.get(e.id) != null ? new Date(estimates.get(e.id)!) : null,
  }));
}

export type QueueItem = QueueItemOut;

export async function queuePositionOf(client: Db, entryId: string, now: Date) {
  const queue = await orderedQueue(client, now);
  const item = queue.find((e) => e.id === entryId);
  if (!item) throw notFound("Waiting request", "entryId");
  return { ...item, queueLength: queue.length };
}

/** The whole queue (admins and leadership). */
export function listQueue(now: Date) {
  return read((client) => orderedQueue(client, now));
}

/** One's own requests by need: those waiting with position and estimate, and the recent outcomes. */
export async function myWaitlist(actor: Actor, now: Date) {
  return read(async (client) => {
    const [queue, mine] = await Promise.all([orderedQueue(client, now), findEntriesOf(client, actor.id)]);
    return {
      queueLength: queue.length,
      waiting: queue.filter((e) => e.requester.id === actor.id),
      recent: mine.filter((e) => e.status !== "waiting").map(entryView),
    };
  });
}

/** Withdraws a waiting request (its owner or an admin); the queue behind it may move up at once. */
export async function cancelWaiting(actor: Actor, input: { entryId: string; reason?: string }, now: Date) {
  return transaction(async (tx) => {
    await lockAllTeams(tx);
    const row = await findWaitlistEntry(tx, input.entryId);
    if (!row) throw notFound("Waiting request", "entryId");
    if (row.requesterId !== actor.id && !can(actor.roles, "slices:decide")) throw new AppError("FORBIDDEN", "Only the person who asked, or an admin, may withdraw this request.", { field: "entryId" });
    if (row.status !== "waiting") throw new AppError("CONFLICT", `This request is no longer waiting (${row.status}).`, { field: "entryId" });
    await closeEntry(tx, row.id, "cancelled", input.reason ? `Withdrawn: ${input.reason}` : "Withdrawn.", now);
    await recordAudit(tx, { actorId: actor.id, action: "waitlist.cancel", subjectType: "waitlist", subjectId: row.id, before: { status: "waiting" }, after: { status: "cancelled" }, reason: input.reason });
    await placeWaiting(tx, now, "a waiting request was withdrawn");
    return entryView((await findWaitlistEntry(tx, row.id))!);
  });
}

/** An admin moves a waiting request to a position, with a reason (audited); the pass runs with the new order. */
export async function moveWaiting(actor: Actor, input: { entryId: string; position: number; reason: string }, now: Date) {
  return transaction(async (tx) => {
    await lockAllTeams(tx);
    const before = await orderedQueue(tx, now);
    const from = before.find((e) => e.id === input.entryId);
    if (!from) throw notFound("Waiting request", "entryId");
    const pins = pinsAfterMove(before.map((e) => ({ id: e.id, teamId: e.team.id, createdAt: e.createdAt.getTime(), pinnedRank: e.pinned ? before.indexOf(e) + 1 : null })), input.entryId, input.position);
    await setPinnedRanks(tx, pins);
    const to = Math.min(Math.max(1, input.position), before.length);
    await recordAudit(tx, { actorId: actor.id, action: "waitlist.reorder", subjectType: "waitlist", subjectId: input.entryId, before: { position: from.position }, after: { position: to }, reason: input.reason });
    await placeWaiting(tx, now, "an admin reordered the queue");
    return orderedQueue(tx, now);
  });
}

/** An admin sets a team's fair share (a relative weight, 1 by default). */
export async function setFairShare(actor: Actor, input: { teamId: string; share: number; reason?: string }) {
  return transaction(async (tx) => {
    await lockAllTeams(tx);
    const team = await findTeamById(tx, input.teamId);
    if (!team) throw notFound("Team", "teamId");
    const after = await setTeamShare(tx, input.teamId, input.share);
    await recordAudit(tx, { actorId: actor.id, action: "team.fair-share", subjectType: "team", subjectId: input.teamId, before: { fairShare: team.fairShare }, after: { fairShare: after.fairShare }, reason: input.reason });
    return after;
  });
}
