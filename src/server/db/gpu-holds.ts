import type { MachineStatus } from "@/core/slices/types";
import type { Db } from "./tx";

/** One GPU, with one of its holds (or none) that has not ended by `after`. */
export interface GpuHoldRow {
  gpuId: string;
  machineId: string;
  index: number;
  machineStatus: MachineStatus;
  sliceId: string | null;
  startAt: Date | null;
  endAt: Date | null;
  holderId: string | null;
  holderName: string | null;
  teamName: string | null;
}

/**
 * Every GPU of the machines, each joined with the approved holds that end after `after` (a row
 * with null hold columns when there is none), in one query whatever the number of machines.
 * Ordered by machine, GPU index and hold start.
 */
export function findGpuHoldRows(client: Db, machineIds: readonly string[], after: Date): Promise<GpuHoldRow[]> {
  if (machineIds.length === 0) return Promise.resolve([]);
  return client.$queryRaw<GpuHoldRow[]>`
    SELECT g.id AS "gpuId", g.machine_id AS "machineId", g.index AS "index", m.status::text AS "machineStatus",
           sg.slice_id AS "sliceId", sg.start_at AS "startAt", sg.end_at AS "endAt",
           u.id AS "holderId", u.name AS "holderName", t.name AS "teamName"
    FROM gpu g
    JOIN machine m ON m.id = g.machine_id
    LEFT JOIN (slice_gpu sg
               JOIN slice s ON s.id = sg.slice_id AND s.status = 'approved'
               JOIN "user" u ON u.id = s.requester_id
               JOIN team t ON t.id = s.team_id)
      ON sg.gpu_id = g.id AND sg.end_at > ${after}
    WHERE g.machine_id = ANY(${[...machineIds]}::uuid[])
    ORDER BY g.machine_id, g.index, sg.start_at`;
}

/** Approved slices of the machine that still hold threads and RAM after `after` (booked end or release later). */
export function findMachineLoads(client: Db, machineId: string, after: Date) {
  return client.slice.findMany({
    where: { machineId, status: "approved", endAt: { gt: after }, OR: [{ releasedAt: null }, { releasedAt: { gt: after } }] },
    select: { startAt: true, endAt: true, releasedAt: true, threads: true, ramGb: true },
  });
}
