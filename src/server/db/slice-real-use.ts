import type { RealUse } from "@/core/agent/rollup";
import type { Db } from "./tx";

/**
 * Real use of slices (as `realUse` in the core defines it) aggregated in PostgreSQL: each GPU's
 * per-minute buckets that overlap that GPU's hold (up to its release and `now`; the minute it
 * started counts, so a slice shows its use within seconds, not after its first whole minute), folded per minute
 * across the slice's GPUs (a minute is idle when every measured GPU was idle in it), then per
 * slice. One statement for any number of slices; the rows never leave the database.
 */
export async function findSliceRealUse(client: Db, sliceIds: string[], now: Date): Promise<(RealUse & { sliceId: string })[]> {
  if (!sliceIds.length) return [];
  return client.$queryRaw<(RealUse & { sliceId: string })[]>`
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
    )
    SELECT s.slice_id AS "sliceId",
           coalesce(sum(m.samples), 0)::int AS samples,
           (sum(m.util_sum)::float8 / NULLIF(sum(m.util_samples), 0)) AS "avgUtilPct",
           max(m.util_max)::int AS "peakUtilPct",
           max(m.mem_max)::int AS "peakMemMib",
           count(*) FILTER (WHERE NOT m.busy)::int AS "idleMinutes",
           coalesce(sum(m.measured), 0)::float8 / 60 AS "measuredGpuHours",
           coalesce(sum(m.used), 0)::float8 / 60 AS "usedGpuHours"
    FROM (SELECT DISTINCT slice_id FROM holds) s LEFT JOIN minutes m ON m.slice_id = s.slice_id
    GROUP BY s.slice_id`;
}

/** Each slice's GPUs and the span of its holds up to its release and `now` (where to look for the programs it ran). */
export async function findSliceHoldWindows(client: Db, sliceIds: string[], now: Date) {
  if (!sliceIds.length) return new Map<string, { gpuIds: string[]; from: Date; to: Date }>();
  const rows = await client.$queryRaw<{ sliceId: string; gpuIds: string[]; from: Date; to: Date }[]>`
    SELECT sg.slice_id AS "sliceId", array_agg(sg.gpu_id::text) AS "gpuIds", min(sg.start_at) AS "from",
           max(LEAST(sg.end_at, COALESCE(s.released_at, sg.end_at), ${now}::timestamptz)) AS "to"
    FROM slice_gpu sg JOIN slice s ON s.id = sg.slice_id
    WHERE sg.slice_id = ANY(${sliceIds}::uuid[])
    GROUP BY sg.slice_id`;
  return new Map(rows.map((r) => [r.sliceId, r]));
}
