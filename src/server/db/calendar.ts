import type { Db } from "./tx";

/** The slices a calendar shows: approved or cancelled (a cancelled event tells calendars to remove it), recent and ahead. */
export function findCalendarSlices(client: Db, where: { requesterId: string } | { machineId: string }, since: Date) {
  return client.slice.findMany({
    where: { ...where, status: { in: ["approved", "cancelled"] }, endAt: { gte: since } },
    include: { machine: { select: { name: true } }, requester: { select: { name: true } } },
    orderBy: { startAt: "asc" },
    take: 2000,
  });
}
