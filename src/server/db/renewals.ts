import type { Db } from "./tx";

/** Approved, unreleased serving slices that end in (now, until]: those a renewal may be due for. */
export function findRenewalCandidates(client: Db, now: Date, until: Date) {
  return client.slice.findMany({
    where: { kind: "serving", status: "approved", releasedAt: null, endAt: { gt: now, lte: until } },
    select: { id: true },
    orderBy: { endAt: "asc" },
  });
}

/** Whether a refused renewal of this slice at this end was already recorded (and its holder told). */
export async function renewalRefusalRecorded(client: Db, sliceId: string, end: Date): Promise<boolean> {
  const found = await client.auditLog.findFirst({
    where: { action: "slice.renewal-refused", subjectType: "slice", subjectId: sliceId, after: { path: ["end"], equals: end.toISOString() } },
    select: { id: true },
  });
  return found !== null;
}
