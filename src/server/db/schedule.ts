import type { Db } from "./tx";

/** Machines in service with their GPUs, approved holds and pending requests overlapping [from, to). */
export async function findScheduleHolds(client: Db, input: { from: Date; to: Date; machineId?: string }) {
  const overlapping = { startAt: { lt: input.to }, endAt: { gt: input.from } };
  const [machines, holds, pending] = await Promise.all([
    client.machine.findMany({
      where: { id: input.machineId, status: { not: "retired" } },
      orderBy: { name: "asc" },
      include: { gpus: { orderBy: { index: "asc" }, include: { gpuModel: { select: { name: true } } } } },
    }),
    client.sliceGpu.findMany({
      where: { ...overlapping, slice: { machineId: input.machineId } },
      include: { slice: { select: { machineId: true, purpose: true, requesterId: true, requester: { select: { name: true } }, team: { select: { name: true } } } } },
      orderBy: { startAt: "asc" },
    }),
    client.slice.findMany({
      where: { ...overlapping, status: "pending", machineId: input.machineId },
      include: { requester: { select: { name: true } } },
      orderBy: { startAt: "asc" },
    }),
  ]);
  return { machines, holds, pending };
}
