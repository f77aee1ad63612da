import { Prisma } from "./generated/client";
import type { Db } from "./tx";

/** One GPU hold on the schedule, flat: the timeline shows hundreds of them for a few weeks. */
export interface ScheduleHoldRow {
  sliceId: string;
  gpuId: string;
  startAt: Date;
  endAt: Date;
  machineId: string;
  purpose: string;
  /** training, interactive or serving. */
  kind: string;
  requesterId: string;
  holderName: string;
  teamName: string;
}

/** Approved holds and pending requests overlapping [from, to) (the machines come from the fleet cache). */
export async function findScheduleHolds(client: Db, input: { from: Date; to: Date; machineId?: string }) {
  const overlapping = { startAt: { lt: input.to }, endAt: { gt: input.from } };
  const [holds, pending] = await Promise.all([
    // From each GPU through the (gpu_id, end_at) index, as plain columns rather than a relation query.
    client.$queryRaw<ScheduleHoldRow[]>`
      SELECT sg.slice_id::text AS "sliceId", sg.gpu_id::text AS "gpuId", sg.start_at AS "startAt", sg.end_at AS "endAt",
             s.machine_id::text AS "machineId", s.purpose, s.kind::text AS "kind", s.requester_id::text AS "requesterId", u.name AS "holderName", t.name AS "teamName"
      FROM gpu g
      JOIN slice_gpu sg ON sg.gpu_id = g.id AND sg.start_at < ${input.to} AND sg.end_at > ${input.from}
      JOIN slice s ON s.id = sg.slice_id
      JOIN "user" u ON u.id = s.requester_id
      JOIN team t ON t.id = s.team_id
      ${input.machineId ? Prisma.sql`WHERE g.machine_id = ${input.machineId}::uuid` : Prisma.empty}
      ORDER BY sg.start_at`,
    client.slice.findMany({
      where: { ...overlapping, status: "pending", machineId: input.machineId },
      include: { requester: { select: { name: true } } },
      orderBy: { startAt: "asc" },
    }),
  ]);
  return { holds, pending };
}
