import type { Booking, MachineCapacity } from "@/core/slices/types";
import type { Prisma, SliceStatus } from "./generated/client";
import type { Db } from "./tx";

/**
 * Row locks that serialize the decisions that must see each other: every request, approval,
 * extension and release locks the requester's team, then the machine (always in that order, so
 * two transactions cannot wait on each other in a cycle). Under READ COMMITTED each statement
 * after the lock reads what the previous holder committed, so the capacity and quota checks
 * always see every approved slice. Row locks were chosen over SERIALIZABLE because they queue
 * concurrent approvals instead of failing most of them with serialization errors to retry.
 */
export async function lockTeamAndMachine(tx: Db, teamId: string, machineId: string): Promise<void> {
  // Sorted by kind, not by id: a team lock is always taken before any machine lock.
  await tx.$queryRaw`SELECT id FROM "team" WHERE id = ${teamId}::uuid FOR UPDATE`;
  await tx.$queryRaw`SELECT id FROM "machine" WHERE id = ${machineId}::uuid FOR UPDATE`;
}

const machineWithGpus = { gpus: { orderBy: { index: "asc" }, select: { id: true, index: true } } } satisfies Prisma.MachineInclude;

export async function findMachineCapacity(client: Db, machineId: string) {
  const machine = await client.machine.findUnique({ where: { id: machineId }, include: machineWithGpus });
  if (!machine) return null;
  const capacity: MachineCapacity = {
    machineId: machine.id,
    name: machine.name,
    status: machine.status,
    threads: machine.threads,
    ramGb: machine.ramGb,
    reservedThreads: machine.reservedThreads,
    reservedRamGb: machine.reservedRamGb,
    gpuIds: machine.gpus.map((g) => g.id),
  };
  return { machine, capacity };
}

const bookingSelect = {
  id: true,
  machineId: true,
  threads: true,
  ramGb: true,
  startAt: true,
  endAt: true,
  releasedAt: true,
  requesterId: true,
  teamId: true,
  requester: { select: { name: true } },
  gpus: { select: { gpuId: true } },
} satisfies Prisma.SliceSelect;

type BookingRow = Prisma.SliceGetPayload<{ select: typeof bookingSelect }>;

function toBooking(row: BookingRow): Booking {
  const end = row.releasedAt && row.releasedAt < row.endAt ? row.releasedAt : row.endAt;
  return {
    id: row.id,
    machineId: row.machineId,
    gpuIds: row.gpus.map((g) => g.gpuId),
    threads: row.threads,
    ramGb: row.ramGb,
    start: row.startAt.getTime(),
    end: end.getTime(),
    userId: row.requesterId,
    teamId: row.teamId,
    userName: row.requester.name,
  };
}

/**
 * Approved slices overlapping [from, to) on a machine or of a team/user, as the core's bookings
 * (effective end = release when earlier).
 */
export async function findBookings(
  client: Db,
  scope: { machineId?: string; teamId?: string; userId?: string; from: Date; to: Date },
): Promise<Booking[]> {
  const owners: Prisma.SliceWhereInput[] = [];
  if (scope.teamId) owners.push({ teamId: scope.teamId });
  if (scope.userId) owners.push({ requesterId: scope.userId });
  const rows = await client.slice.findMany({
    where: {
      status: "approved",
      machineId: scope.machineId,
      OR: owners.length > 0 ? owners : undefined,
      startAt: { lt: scope.to },
      endAt: { gt: scope.from },
    },
    select: bookingSelect,
  });
  return rows.map(toBooking).filter((b) => b.end > scope.from.getTime() && b.end > b.start);
}

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

export function findSlices(client: Db, where: Prisma.SliceWhereInput, options: { take?: number; orderBy?: Prisma.SliceOrderByWithRelationInput[] } = {}) {
  return client.slice.findMany({ where, include: sliceInclude, take: options.take, orderBy: options.orderBy ?? [{ startAt: "desc" }] });
}

export function insertSlice(
  tx: Db,
  data: { machineId: string; requesterId: string; teamId: string; gpuCount: number; threads: number; ramGb: number; startAt: Date; endAt: Date; purpose: string },
) {
  return tx.slice.create({ data, include: sliceInclude });
}

export function updateSliceRow(
  tx: Db,
  id: string,
  data: Partial<{ status: SliceStatus; startAt: Date; endAt: Date; releasedAt: Date; decidedById: string; decidedAt: Date; decisionReason: string | null; overrideReason: string | null }>,
) {
  return tx.slice.update({ where: { id }, data, include: sliceInclude });
}

/** The GPU holds of an approved slice; the exclusion constraint refuses any overlap. */
export function insertHolds(tx: Db, sliceId: string, gpuIds: readonly string[], startAt: Date, endAt: Date) {
  return tx.sliceGpu.createMany({ data: gpuIds.map((gpuId) => ({ sliceId, gpuId, startAt, endAt })) });
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
