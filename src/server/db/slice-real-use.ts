import type { RealUse } from "@/core/agent/rollup";
import type { Db } from "./tx";

/** The programs a slice's GPUs ran during its hold (top 20 by samples), from the hourly process table. */
export interface ProcessSeen {
  who: string;
  name: string;
  samples: number;
  memMaxMib: number;
}

export type SliceRealUse = RealUse & { sliceId: string; processesSeen: ProcessSeen[] };

/**
 * Real use of slices (as `realUse` in the core defines it) aggregated in PostgreSQL: each GPU's
 * per-minute buckets that overlap that GPU's hold (up to its release and `now`; the minute it
 * started counts, so a slice shows its use within seconds, not after its first whole minute), folded per minute
 * across the slice's GPUs (a minute is idle when every measured GPU was idle in it), then per
 * slice, with the programs seen on its GPUs. One statement, one round trip, for any number of
 * slices; the rows never leave the database.
 */
export async function findSliceRealUse(client: Db, sliceIds: string[], now: Date): Promise<SliceRealUse[]> {
  if (!sliceIds.length) return [];
  return client.$queryRaw<SliceRealUse[]>`
    WITH holds AS (
      SELECT sg.slice_id, sg.gpu_id, sg.start_at AS from_at, LEAST(sg.end_at, COALESCE(s.released_at, sg.end_at), ${now}::timestamptz) AS to_at
      FROM slice_gpu sg JOIN slice s ON s.id = sg.slice_id
      WHERE sg.slice_id = ANY(${sliceIds}::uuid[])
    ), minutes AS (
      SELECT h.slice_id, m.start,
             sum(m.samples) AS samples, sum(m.util_samples) AS util_samples, sum(m.util_sum) AS util_sum,
             max(m.util_max) FILTER (WHERE m.util_samples > 0) AS util_max, max(m.mem_max_mib) AS mem_max,
             count(*) FILTER (WHERE m.util_samples > 0) AS measured,
             sum(1 - m.idle_samples::float8 / m.util_samples) FILTER (WHERE m.util_samples > 0) AS used,
             bool_or(m.idle_samples < m.util_samples) FILTER (WHERE m.util_samples > 0) AS busy
      FROM holds h JOIN gpu_usage_minute m ON m.gpu_id = h.gpu_id AND m.start > h.from_at - interval '1 minute' AND m.start < h.to_at
      GROUP BY h.slice_id, m.start
    ), uses AS (
      SELECT s.slice_id,
             coalesce(sum(m.samples), 0)::int AS samples,
             (sum(m.util_sum)::float8 / NULLIF(sum(m.util_samples), 0)) AS avg_util,
             max(m.util_max)::int AS peak_util,
             max(m.mem_max)::int AS peak_mem,
             count(*) FILTER (WHERE NOT m.busy)::int AS idle_minutes,
             coalesce(sum(m.measured), 0)::float8 / 60 AS measured_hours,
             coalesce(sum(m.used), 0)::float8 / 60 AS used_hours
      FROM (SELECT DISTINCT slice_id FROM holds) s LEFT JOIN minutes m ON m.slice_id = s.slice_id
      GROUP BY s.slice_id
    ), windows AS (
      SELECT slice_id, array_agg(gpu_id) AS gpu_ids, min(from_at) AS from_at, max(to_at) AS to_at
      FROM holds GROUP BY slice_id
    ), seen AS (
      SELECT w.slice_id, json_agg(json_build_object('who', p.who, 'name', p.name, 'samples', p.samples, 'memMaxMib', p.mem_max) ORDER BY p.samples DESC) AS processes
      FROM windows w CROSS JOIN LATERAL (
        SELECT who, name, sum(samples)::int AS samples, max(mem_max_mib)::int AS mem_max
        FROM gpu_process_hour g
        WHERE g.gpu_id = ANY(w.gpu_ids) AND g.start >= date_trunc('hour', w.from_at) AND g.start < w.to_at
        GROUP BY who, name ORDER BY samples DESC LIMIT 20
      ) p
      WHERE w.to_at > w.from_at
      GROUP BY w.slice_id
    )
    SELECT u.slice_id AS "sliceId", u.samples, u.avg_util AS "avgUtilPct", u.peak_util AS "peakUtilPct", u.peak_mem AS "peakMemMib",
           u.idle_minutes AS "idleMinutes", u.measured_hours AS "measuredGpuHours", u.used_hours AS "usedGpuHours",
           coalesce(seen.processes, '[]'::json) AS "processesSeen"
    FROM uses u LEFT JOIN seen ON seen.slice_id = u.slice_id`;
}
