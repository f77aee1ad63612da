import type { Booking } from "@/core/slices/types";
import { Prisma, type SliceKind, type SliceStatus } from "./generated/client";
import { lockMachine } from "./machines";
import type { Db } from "./tx";

/**
 * Row locks that serialize the decisions that must see each other: every request, approval,
 * extension and release locks the requester's team, then the machine (always in that order, so
 * two transactions cannot wait on each other in a cycle). Under READ COMMITTED each statement
 * after the lock reads what the previous holder committed, so the capacity and quota checks
 * always see every approved slice. Row locks were chosen over SERIALIZABLE because they queue
 * concurrent approvals instead of failing most of them with serialization errors to retry.
 * The everyday decisions take these locks through decision-locks.ts, in one round trip, and lock
 * the team FOR SHARE when no quota counts the team's other bookings (or the change adds no use).
 */
export async function lockTeamAndMachine(tx: Db, teamId: string, machineId: string): Promise<void> {
  // Sorted by kind, not by id: a team lock is always taken before any machine lock.
  await tx.$queryRaw`SELECT id FROM "team" WHERE id = ${teamId}::uuid FOR UPDATE`;
  await lockMachine(tx, machineId);
}

/** An approved slice as the raw booking queries return it (decision-context.ts and waitlist.ts). */
export interface FleetBookingRow {
  id: string;
  machine_id: string;
  gpu_ids: string[];
  threads: number;
  ram_gb: number;
  start_ms: number;
  end_ms: number;
  requester_id: string;
  team_id: string;
  kind: SliceKind;
}

export const toFleetBooking = (r: FleetBookingRow): Booking & { kind: SliceKind } => ({
  id: r.id,
  machineId: r.machine_id,
  gpuIds: r.gpu_ids,
  threads: r.threads,
  ramGb: r.ram_gb,
  start: Number(r.start_ms),
  end: Number(r.end_ms),
  userId: r.requester_id,
  teamId: r.team_id,
  kind: r.kind,
});

const sliceInclude = {
  machine: { select: { id: true, name: true } },
  requester: { select: { id: true, name: true, email: true } },
  team: { select: { id: true, name: true } },
  decidedBy: { select: { id: true, name: true } },
  gpus: { select: { gpu: { select: { id: true, index: true, gpuModel: { select: { name: true } } } } } },
  extensions: { where: { status: "pending" }, select: { id: true, requestedEndAt: true, reason: true, createdAt: true } },
} satisfies Prisma.SliceInclude;

export type SliceRow = Prisma.SliceGetPayload<{ include: typeof sliceInclude }>;

export function findSliceById(client: Db, id: string) {
  return client.slice.findUnique({ where: { id }, include: sliceInclude });
}

/**
 * Until autovacuum notices a bulk load (a seed, an import of years of history), the planner takes
 * the slice tables for nearly empty and scans every hold instead of using the indexes.
 */
export async function refreshSliceStatistics(client: Db): Promise<void> {
  await client.$executeRaw`ANALYZE slice, slice_gpu`;
}

/** Who holds a slice and where: enough to check permission and take the locks before reading it whole. */
export function findSliceOwnership(client: Db, id: string) {
  return client.slice.findUnique({ where: { id }, select: { requesterId: true, teamId: true, machineId: true } });
}

export function findSlices(client: Db, where: Prisma.SliceWhereInput, options: { take?: number; orderBy?: Prisma.SliceOrderByWithRelationInput[] } = {}) {
  return client.slice.findMany({ where, include: sliceInclude, take: options.take, orderBy: options.orderBy ?? [{ startAt: "desc" }] });
}

export function updateSliceRow(
  tx: Db,
  id: string,
  data: Partial<{ status: SliceStatus; startAt: Date; endAt: Date; releasedAt: Date; decidedById: string; decidedAt: Date; decisionReason: string | null; overrideReason: string | null }>,
) {
  return tx.slice.update({ where: { id }, data, include: sliceInclude });
}

export function setHoldsEnd(tx: Db, sliceId: string, endAt: Date) {
  return tx.sliceGpu.updateMany({ where: { sliceId }, data: { endAt } });
}

export function deleteHolds(tx: Db, sliceId: string) {
  return tx.sliceGpu.deleteMany({ where: { sliceId } });
}

export function findExtensionById(client: Db, id: string) {
  return client.sliceExtension.findUnique({ where: { id }, include: { slice: { include: sliceInclude } } });
}

export function insertExtension(tx: Db, data: { sliceId: string; requestedEndAt: Date; reason: string }) {
  return tx.sliceExtension.create({ data });
}

export function updateExtensionRow(
  tx: Db,
  id: string,
  data: { status: "approved" | "rejected" | "cancelled"; decidedById?: string; decidedAt?: Date; decisionReason?: string | null },
) {
  return tx.sliceExtension.update({ where: { id }, data });
}

export function findPendingExtensions(client: Db) {
  return client.sliceExtension.findMany({
    where: { status: "pending" },
    include: { slice: { include: sliceInclude } },
    orderBy: { createdAt: "asc" },
  });
}
