import type { Db } from "./tx";

interface PeriodSliceRow {
  id: string;
  created_ms: number;
  machine_id: string;
  gpu_ids: string[];
  threads: number;
  ram_gb: number;
  start_ms: number;
  booked_end_ms: number;
  released_ms: number;
  requester_id: string;
  team_id: string;
}

/**
 * Approved slices held during [from, until), except those that requests by need of the period
 * became (the replay places those itself): the requests by machine as they were booked, with
 * their booked end and the moment they were released.
 */
export async function findPeriodFixedSlices(client: Db, from: Date, until: Date) {
  const rows = await client.$queryRaw<PeriodSliceRow[]>`
    SELECT s.id::text, s.machine_id::text, s.threads, s.ram_gb, s.requester_id::text, s.team_id::text,
           (extract(epoch FROM s.created_at) * 1000)::float8 AS created_ms,
           (extract(epoch FROM s.start_at) * 1000)::float8 AS start_ms,
           (extract(epoch FROM s.end_at) * 1000)::float8 AS booked_end_ms,
           (extract(epoch FROM LEAST(s.end_at, COALESCE(s.released_at, s.end_at))) * 1000)::float8 AS released_ms,
           ARRAY(SELECT sg.gpu_id::text FROM slice_gpu sg WHERE sg.slice_id = s.id) AS gpu_ids
    FROM slice s
    WHERE s.status = 'approved' AND s.start_at < ${until} AND LEAST(s.end_at, COALESCE(s.released_at, s.end_at)) > ${from}
      AND NOT EXISTS (SELECT 1 FROM waitlist_entry w WHERE w.slice_id = s.id AND w.created_at >= ${from})`;
  return rows.map((r) => ({
    id: r.id,
    createdAt: Number(r.created_ms),
    releasedAt: Number(r.released_ms),
    booking: { id: r.id, machineId: r.machine_id, gpuIds: r.gpu_ids, threads: r.threads, ramGb: r.ram_gb, start: Number(r.start_ms), end: Number(r.booked_end_ms), userId: r.requester_id, teamId: r.team_id },
  }));
}

/** Requests by need made during [from, until), with the slice each became. */
export function findPeriodEntries(client: Db, from: Date, until: Date) {
  return client.waitlistEntry.findMany({
    where: { createdAt: { gte: from, lt: until } },
    include: { team: { select: { id: true, name: true } }, slice: { select: { startAt: true, endAt: true, releasedAt: true } } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
}

/** GPU-hours held on the fleet during [from, until) (released slices count up to their release). */
export async function findHeldGpuHours(client: Db, from: Date, until: Date): Promise<number> {
  const [row] = await client.$queryRaw<Array<{ hours: number | null }>>`
    SELECT (sum(extract(epoch FROM (LEAST(sg.end_at, ${until}) - GREATEST(sg.start_at, ${from})))) / 3600)::float8 AS hours
    FROM slice_gpu sg WHERE sg.end_at > ${from} AND sg.start_at < ${until}`;
  return row?.hours ?? 0;
}

export function findBuildsForWhatIf(client: Db) {
  return client.build.findMany({ orderBy: { name: "asc" }, include: { parts: { orderBy: { position: "asc" } }, machine: { select: { id: true } } } });
}

export function findGpuModelCatalog(client: Db) {
  return client.gpuModel.findMany({ orderBy: { name: "asc" }, select: { name: true, vramGb: true, cloudSku: true } });
}
