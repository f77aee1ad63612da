import type { Db } from "./tx";

/** Counts behind the fleet's Prometheus endpoint, each one grouped query. */
export async function readFleetCounts(client: Db, now: Date, silentBefore: Date) {
  const [slices, queue, gpus, agents, unbooked, utilization] = await Promise.all([
    client.$queryRaw<{ state: string; n: number }[]>`
      SELECT CASE WHEN status = 'pending' THEN 'pending' WHEN start_at > ${now} THEN 'upcoming' ELSE 'active' END AS state, count(*)::int AS n
      FROM slice WHERE status IN ('pending', 'approved') AND (status = 'pending' OR (COALESCE(released_at, end_at) > ${now}))
      GROUP BY 1`,
    client.$queryRaw<{ oldest: Date | null }[]>`SELECT min(created_at) AS oldest FROM slice WHERE status = 'pending'`,
    client.$queryRaw<{ state: string; n: number }[]>`
      SELECT CASE WHEN m.status <> 'active' THEN m.status::text
                  WHEN EXISTS (SELECT 1 FROM slice_gpu sg JOIN slice s ON s.id = sg.slice_id WHERE sg.gpu_id = g.id AND s.status = 'approved'
                               AND sg.start_at <= ${now} AND sg.end_at > ${now} AND (s.released_at IS NULL OR s.released_at > ${now})) THEN 'held'
                  ELSE 'free' END AS state, count(*)::int AS n
      FROM gpu g JOIN machine m ON m.id = g.machine_id WHERE m.status <> 'retired' GROUP BY 1`,
    client.$queryRaw<{ state: string; n: number }[]>`
      SELECT CASE WHEN last_report_at IS NULL THEN 'enrolled' WHEN last_report_at < ${silentBefore} THEN 'silent' ELSE 'reporting' END AS state, count(*)::int AS n
      FROM agent_credential WHERE revoked_at IS NULL GROUP BY 1`,
    client.unbookedUse.count({ where: { endedAt: null, sightings: { gte: 2 } } }),
    client.$queryRaw<{ machine: string; gpu: number; uuid: string | null; utilPct: number | null; memUsedMib: number | null }[]>`
      SELECT DISTINCT ON (s.gpu_id) m.name AS machine, g.index AS gpu, g.uuid, s.util_pct AS "utilPct", s.mem_used_mib AS "memUsedMib"
      FROM gpu_sample s JOIN gpu g ON g.id = s.gpu_id JOIN machine m ON m.id = g.machine_id
      WHERE s.at >= ${silentBefore} ORDER BY s.gpu_id, s.at DESC`,
  ]);
  return { slices, oldestPending: queue[0]?.oldest ?? null, gpus, agents, unbooked, utilization };
}
