import type { Booking } from "@/core/slices/types";
import { Prisma, type SliceKind } from "./generated/client";
import { toFleetBooking, type FleetBookingRow } from "./slices";
import type { Db } from "./tx";

/**
 * Lock for any transaction that frees capacity and then places from the waitlist, or that adds
 * to the waitlist: every team row, in id order, before any machine. Placing from the waitlist
 * locks the waiting requests' teams and then other machines, so taking all teams first keeps the
 * lock order of src/server/db/slices.ts (teams before machines) and makes two such transactions
 * queue instead of deadlocking. The fleet has a handful of teams, so this is a few rows.
 */
export async function lockAllTeams(tx: Db): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "team" ORDER BY id FOR UPDATE`;
}

/** Every machine with its GPUs, their models and the SKUs they are priced at, for placement. */
export function findPlacementMachines(client: Db) {
  return client.machine.findMany({
    orderBy: { name: "asc" },
    include: { gpus: { orderBy: { index: "asc" }, include: { gpuModel: { select: { name: true, vramGb: true, cloudSku: true } } } } },
  });
}

export type PlacementMachineRow = Awaited<ReturnType<typeof findPlacementMachines>>[number];

/** Approved slices of the whole fleet overlapping [from, to), with their effective (held) windows. */
export async function findFleetBookings(client: Db, from: Date, to: Date): Promise<Array<Booking & { kind: SliceKind }>> {
  const rows = await client.$queryRaw<FleetBookingRow[]>`
    SELECT s.id::text, s.machine_id::text, s.threads, s.ram_gb, s.requester_id::text, s.team_id::text, s.kind,
           array_agg(sg.gpu_id::text) AS gpu_ids,
           (extract(epoch FROM min(sg.start_at)) * 1000)::float8 AS start_ms,
           (extract(epoch FROM max(sg.end_at)) * 1000)::float8 AS end_ms
    FROM slice_gpu sg
    JOIN slice s ON s.id = sg.slice_id AND s.status = 'approved'
    WHERE sg.end_at > ${from} AND sg.start_at < ${to}
    GROUP BY s.id`;
  return rows.map(toFleetBooking);
}

/**
 * Slices placed from the waitlist that still wait for an admin's approval: they hold nothing
 * yet, so the waitlist counts them as held on the GPUs it chose, or it would place twice there.
 */
export async function findPendingPlacements(client: Db, from: Date): Promise<Booking[]> {
  const rows = await client.waitlistEntry.findMany({
    where: { status: "placed", slice: { status: "pending", endAt: { gt: from } } },
    include: { slice: { select: { id: true, machineId: true, threads: true, ramGb: true, startAt: true, endAt: true } } },
  });
  return rows.filter((r) => r.slice).map((r) => ({
    id: r.slice!.id, machineId: r.slice!.machineId, gpuIds: r.placedGpuIds, threads: r.slice!.threads, ramGb: r.slice!.ramGb,
    start: r.slice!.startAt.getTime(), end: r.slice!.endAt.getTime(), userId: r.requesterId, teamId: r.teamId,
  }));
}

const entryInclude = {
  requester: { select: { id: true, name: true } },
  team: { select: { id: true, name: true } },
  slice: { select: { id: true, status: true, startAt: true, endAt: true, machine: { select: { id: true, name: true } } } },
} satisfies Prisma.WaitlistEntryInclude;

export type WaitlistRow = Prisma.WaitlistEntryGetPayload<{ include: typeof entryInclude }>;

export function insertWaitlistEntry(tx: Db, data: Prisma.WaitlistEntryUncheckedCreateInput) {
  return tx.waitlistEntry.create({ data, include: entryInclude });
}

export function findWaitingEntries(client: Db) {
  return client.waitlistEntry.findMany({ where: { status: "waiting" }, include: entryInclude, orderBy: { createdAt: "asc" } });
}

export function findWaitlistEntry(client: Db, id: string) {
  return client.waitlistEntry.findUnique({ where: { id }, include: entryInclude });
}

export function findEntriesOf(client: Db, requesterId: string, take = 50) {
  return client.waitlistEntry.findMany({ where: { requesterId }, include: entryInclude, orderBy: { createdAt: "desc" }, take });
}

/** Marks a waiting entry as placed; 0 when it no longer waits, so an entry is placed at most once. */
export async function markEntryPlaced(tx: Db, id: string, sliceId: string, gpuIds: readonly string[], outcome: string, now: Date): Promise<number> {
  const { count } = await tx.waitlistEntry.updateMany({
    where: { id, status: "waiting" },
    data: { status: "placed", sliceId, placedGpuIds: [...gpuIds], outcome, decidedAt: now, pinnedRank: null },
  });
  return count;
}

export async function closeEntry(tx: Db, id: string, status: "unmeetable" | "cancelled", outcome: string, now: Date): Promise<number> {
  const { count } = await tx.waitlistEntry.updateMany({ where: { id, status: "waiting" }, data: { status, outcome, decidedAt: now, pinnedRank: null } });
  return count;
}

export async function setPinnedRanks(tx: Db, pins: ReadonlyMap<string, number>): Promise<void> {
  await tx.waitlistEntry.updateMany({ where: { status: "waiting", pinnedRank: { not: null }, id: { notIn: [...pins.keys()] } }, data: { pinnedRank: null } });
  for (const [id, rank] of pins) await tx.waitlistEntry.update({ where: { id }, data: { pinnedRank: rank } });
}

export function findTeamShares(client: Db) {
  return client.team.findMany({ select: { id: true, name: true, fairShare: true }, orderBy: { name: "asc" } });
}

export function setTeamShare(tx: Db, teamId: string, fairShare: number) {
  return tx.team.update({ where: { id: teamId }, data: { fairShare }, select: { id: true, name: true, fairShare: true } });
}
