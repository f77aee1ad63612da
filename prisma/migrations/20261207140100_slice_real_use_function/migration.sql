-- A slice's real use in one statement (see src/server/db/slice-real-use.ts), as a function so each
-- connection plans it once: parsing and planning this statement cost PostgreSQL several times
-- more than running it over a fortnight of hours. The plan is generic (the same for any slices),
-- so nothing is planned per call.
CREATE FUNCTION slice_real_use(slice_ids UUID[], until TIMESTAMPTZ, minutes_kept_from TIMESTAMPTZ)
RETURNS TABLE ("sliceId" UUID, samples INTEGER, "avgUtilPct" DOUBLE PRECISION, "peakUtilPct" INTEGER, "peakMemMib" INTEGER,
               "idleMinutes" INTEGER, "measuredGpuHours" DOUBLE PRECISION, "usedGpuHours" DOUBLE PRECISION, "processesSeen" JSON)
LANGUAGE plpgsql STABLE
SET plan_cache_mode = force_generic_plan
AS $$
#variable_conflict use_column
BEGIN
  RETURN QUERY
    WITH holds AS (
      SELECT sg.slice_id, sg.gpu_id, sg.start_at AS from_at, LEAST(sg.end_at, COALESCE(s.released_at, sg.end_at), until) AS to_at
      FROM slice_gpu sg JOIN slice s ON s.id = sg.slice_id
      WHERE sg.slice_id = ANY(slice_ids)
    ), spans AS (
      -- [lo, hi): the minutes that overlap the hold; [wlo, whi): the whole hours among them.
      SELECT slice_id, gpu_id, from_at AS hold_from, to_at AS hold_to, lo, hi, date_bin('1 hour', lo - interval '1 microsecond', TIMESTAMPTZ '2000-01-01 00:00:00+00') + interval '1 hour' AS wlo, date_bin('1 hour', hi, TIMESTAMPTZ '2000-01-01 00:00:00+00') AS whi
      FROM (SELECT slice_id, gpu_id, from_at, to_at, date_bin('1 minute', from_at, TIMESTAMPTZ '2000-01-01 00:00:00+00') AS lo,
                   date_bin('1 minute', to_at - interval '1 microsecond', TIMESTAMPTZ '2000-01-01 00:00:00+00') + interval '1 minute' AS hi
            FROM holds) h
      WHERE lo < hi
    ), pieces AS (
      SELECT slice_id, gpu_id, hold_from, hold_to,
             CASE WHEN NOT whole AND from_at < minutes_kept_from THEN date_bin('1 hour', from_at, TIMESTAMPTZ '2000-01-01 00:00:00+00') ELSE from_at END AS from_at,
             CASE WHEN NOT whole AND from_at < minutes_kept_from THEN date_bin('1 hour', from_at, TIMESTAMPTZ '2000-01-01 00:00:00+00') + interval '1 hour' ELSE to_at END AS to_at,
             whole OR from_at < minutes_kept_from AS hourly
      FROM spans CROSS JOIN LATERAL (VALUES (lo, LEAST(wlo, hi), false), (wlo, whi, true), (GREATEST(whi, LEAST(wlo, hi)), hi, false)) AS p(from_at, to_at, whole)
      WHERE p.from_at < p.to_at
    ), rows AS (
      -- Each piece reads its own index range (OFFSET 0 keeps the subquery per piece): the plan is
      -- generic, so it must not depend on how many pieces the planner guesses.
      SELECT p.slice_id, u.*
      FROM pieces p CROSS JOIN LATERAL (
        SELECT u.start AS hour, u.samples, u.util_samples, u.util_sum, u.util_max, u.mem_max_mib,
               u.measured_minutes AS measured, u.busy_minutes AS busy, u.used_minutes AS used
        FROM gpu_usage_hour u WHERE u.gpu_id = p.gpu_id AND u.start >= p.from_at AND u.start < p.to_at OFFSET 0
      ) u
      WHERE p.hourly
      UNION ALL
      SELECT p.slice_id, m.*
      FROM pieces p CROSS JOIN LATERAL (
        SELECT date_bin('1 hour', m.start, TIMESTAMPTZ '2000-01-01 00:00:00+00') AS hour, m.samples, m.util_samples, m.util_sum, m.util_max, m.mem_max_mib,
               CASE WHEN m.util_samples > 0 THEN 1::bigint << ((extract(epoch FROM m.start)::bigint / 60) % 60)::int ELSE 0 END AS measured,
               CASE WHEN m.idle_samples < m.util_samples THEN 1::bigint << ((extract(epoch FROM m.start)::bigint / 60) % 60)::int ELSE 0 END AS busy,
               CASE WHEN m.util_samples > 0 THEN 1 - m.idle_samples::float8 / m.util_samples ELSE 0 END AS used
        FROM gpu_usage_minute m
        WHERE m.gpu_id = p.gpu_id AND m.start >= p.from_at AND m.start < p.to_at AND m.start > p.hold_from - interval '1 minute' AND m.start < p.hold_to OFFSET 0
      ) m
      WHERE NOT p.hourly
    ), hours AS (
      SELECT slice_id, sum(samples) AS samples, sum(util_samples) AS util_samples, sum(util_sum) AS util_sum,
             max(util_max) FILTER (WHERE util_samples > 0) AS util_max, max(mem_max_mib) AS mem_max,
             sum(bit_count(measured::bit(64))) AS measured, sum(used) AS used,
             bit_count((bit_or(measured) & ~bit_or(busy))::bit(64)) AS idle
      FROM rows GROUP BY slice_id, hour
    ), uses AS (
      SELECT s.slice_id,
             coalesce(sum(m.samples), 0)::int AS samples,
             (sum(m.util_sum)::float8 / NULLIF(sum(m.util_samples), 0)) AS avg_util,
             max(m.util_max)::int AS peak_util,
             max(m.mem_max)::int AS peak_mem,
             coalesce(sum(m.idle), 0)::int AS idle_minutes,
             coalesce(sum(m.measured), 0)::float8 / 60 AS measured_hours,
             coalesce(sum(m.used), 0)::float8 / 60 AS used_hours
      FROM (SELECT DISTINCT slice_id FROM holds) s LEFT JOIN hours m ON m.slice_id = s.slice_id
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
    SELECT u.slice_id, u.samples, u.avg_util AS "avgUtilPct", u.peak_util AS "peakUtilPct", u.peak_mem AS "peakMemMib",
           u.idle_minutes AS "idleMinutes", u.measured_hours AS "measuredGpuHours", u.used_hours AS "usedGpuHours",
           coalesce(seen.processes, '[]'::json) AS "processesSeen"
    FROM uses u LEFT JOIN seen ON seen.slice_id = u.slice_id;
END;
$$;
