-- What each hourly aggregate keeps of its minutes, so a slice's real use (idle minutes included)
-- can be read from whole hours, and from the hourly table alone once the minutes are pruned:
-- bit i of measured_minutes / busy_minutes is minute i of the hour; used_minutes sums the busy
-- share of the hour's measured minutes.
ALTER TABLE "gpu_usage_hour" ADD COLUMN "measured_minutes" BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN "busy_minutes" BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN "used_minutes" DOUBLE PRECISION NOT NULL DEFAULT 0;

-- Hours whose minutes are still kept get their marks from them; older hours keep none.
UPDATE "gpu_usage_hour" h
SET "measured_minutes" = m.measured, "busy_minutes" = m.busy, "used_minutes" = m.used
FROM (
    SELECT "gpu_id", date_bin('1 hour', "start", TIMESTAMPTZ '2000-01-01 00:00:00+00') AS hour,
           bit_or(CASE WHEN "util_samples" > 0 THEN 1::bigint << ((extract(epoch FROM "start")::bigint / 60) % 60)::int ELSE 0 END) AS measured,
           bit_or(CASE WHEN "idle_samples" < "util_samples" THEN 1::bigint << ((extract(epoch FROM "start")::bigint / 60) % 60)::int ELSE 0 END) AS busy,
           coalesce(sum(1 - "idle_samples"::float8 / "util_samples") FILTER (WHERE "util_samples" > 0), 0) AS used
    FROM "gpu_usage_minute"
    GROUP BY 1, 2
) m
WHERE h."gpu_id" = m."gpu_id" AND h."start" = m.hour;
