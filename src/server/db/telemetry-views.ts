import type { Bucket } from "@/core/agent/rollup";
import { queryUnsafe } from "./direct";
import type { Db } from "./tx";

export function findMachineName(client: Db, machineId: string) {
  return client.machine.findUnique({ where: { id: machineId }, select: { id: true, name: true } });
}

/** A machine with its GPUs (index order) and their models, for the live view; null when there is none. */
export function findMachineGpus(client: Db, machineId: string) {
  return client.machine.findUnique({ where: { id: machineId }, select: { id: true, gpus: { select: { id: true, index: true, uuid: true, gpuModel: { select: { name: true, vramGb: true } } }, orderBy: { index: "asc" } } } });
}

/** A machine's GPUs in index order, as an agent names them (UUID). */
export function findGpuIdentities(client: Db, machineId: string) {
  return client.gpu.findMany({ where: { machineId }, select: { id: true, index: true, uuid: true }, orderBy: { index: "asc" } });
}

/** The newest reading of every GPU that reported since `since`. */
export function findLatestReadings(client: Db, since: Date) {
  return client.$queryRaw<{ gpuId: string; at: Date; utilPct: number | null; memUsedMib: number | null }[]>`
    SELECT DISTINCT ON (gpu_id) gpu_id AS "gpuId", at, util_pct AS "utilPct", mem_used_mib AS "memUsedMib"
    FROM gpu_sample WHERE at >= ${since} ORDER BY gpu_id, at DESC`;
}

export function setGpuUuid(tx: Db, gpuId: string, uuid: string) {
  return tx.gpu.update({ where: { id: gpuId }, data: { uuid }, select: { id: true } });
}

const BUCKET_COLUMNS = `gpu_id AS "gpuId", start, samples, util_samples AS "utilSamples", util_sum AS "utilSum", util_max AS "utilMax",
  idle_samples AS "idleSamples", mem_max_mib AS "memMaxMib", power_sum AS "powerSum", temp_max AS "tempMax"`;

/** Buckets of the given GPUs within [from, to), from the per-minute or per-hour table. */
export function findBuckets(client: Db, table: "minute" | "hour", gpuIds: string[], from: Date, to: Date): Promise<Bucket[]> {
  return client.$queryRawUnsafe<Bucket[]>(
    `SELECT ${BUCKET_COLUMNS} FROM ${table === "minute" ? "gpu_usage_minute" : "gpu_usage_hour"}
     WHERE gpu_id = ANY($1::uuid[]) AND start >= $2 AND start < $3 ORDER BY start`,
    gpuIds,
    from,
    to,
  );
}

/** Per-GPU series over [from, to) at `stepSeconds` (a multiple of 60 or 3600), summed from the fitting table. */
export function findSeries(client: Db, gpuIds: string[], from: Date, to: Date, stepSeconds: number) {
  const table = stepSeconds % 3600 === 0 ? "gpu_usage_hour" : "gpu_usage_minute";
  // date_bin instead of to_timestamp(floor(epoch / step) * step): the same bins in less than half the
  // time over a year of hours. Planned for each call: a generic plan guesses a few hundred rows
  // for the window and sorts a year's 70,000 rows on disk to group them (2x slower).
  return queryUnsafe<{ gpuId: string; start: Date; samples: number; avgUtilPct: number | null; maxUtilPct: number; idleSamples: number; maxMemMib: number; avgPowerW: number | null; maxTempC: number }>(
    client,
    `SELECT gpu_id AS "gpuId", date_bin(make_interval(secs => $4), start, 'epoch') AS start,
            sum(samples)::int AS samples, (sum(util_sum)::float8 / NULLIF(sum(util_samples), 0)) AS "avgUtilPct", max(util_max)::int AS "maxUtilPct",
            sum(idle_samples)::int AS "idleSamples", max(mem_max_mib)::int AS "maxMemMib", (sum(power_sum)::float8 / NULLIF(sum(samples), 0)) AS "avgPowerW", max(temp_max)::int AS "maxTempC"
     FROM ${table} WHERE gpu_id = ANY($1::uuid[]) AND start >= $2 AND start < $3
     GROUP BY 1, 2 ORDER BY 2, 1`,
    [gpuIds, from, to, stepSeconds],
    { planEachCall: true },
  );
}

/** The last raw samples of each GPU since `since` (for the live view and its sparklines). */
export function findRecentSamples(client: Db, gpuIds: string[], since: Date) {
  return client.gpuSample.findMany({ where: { gpuId: { in: gpuIds }, at: { gte: since } }, orderBy: { at: "asc" } });
}

/** The processes of each GPU's latest sample. */
export function findLatestProcesses(client: Db, gpuIds: string[], since: Date) {
  return client.$queryRaw<{ gpuId: string; at: Date; pid: number; linuxUser: string | null; uid: bigint | null; name: string; memMib: number | null }[]>`
    SELECT p.gpu_id AS "gpuId", p.at, p.pid, p.linux_user AS "linuxUser", p.uid, p.name, p.mem_mib AS "memMib"
    FROM gpu_process_sample p
    JOIN (SELECT gpu_id, max(at) AS at FROM gpu_sample WHERE gpu_id = ANY(${gpuIds}::uuid[]) AND at >= ${since} GROUP BY gpu_id) last
      ON last.gpu_id = p.gpu_id AND last.at = p.at
    ORDER BY p.gpu_id, p.mem_mib DESC NULLS LAST`;
}

/** Per slice, the GPU-hours with telemetry within its hold and the window, and the busy share of them (from per-minute aggregates). */
export function findSliceMeasurements(client: Db, from: Date, to: Date) {
  return client.$queryRaw<{ sliceId: string; measuredGpuHours: number; usedGpuHours: number }[]>`
    SELECT sg.slice_id AS "sliceId",
           count(*) FILTER (WHERE m.util_samples > 0) / 60.0 AS "measuredGpuHours",
           coalesce(sum((m.util_samples - m.idle_samples)::float8 / NULLIF(m.util_samples, 0)), 0) / 60.0 AS "usedGpuHours"
    FROM slice s JOIN slice_gpu sg ON sg.slice_id = s.id
    JOIN gpu_usage_minute m ON m.gpu_id = sg.gpu_id
      AND m.start >= GREATEST(sg.start_at, ${from}) AND m.start < LEAST(sg.end_at, COALESCE(s.released_at, sg.end_at), ${to})
    WHERE s.status = 'approved' AND sg.start_at < ${to} AND sg.end_at > ${from}
    GROUP BY sg.slice_id`;
}

/** When telemetry starts: the first hour any GPU reported. */
export async function findTelemetrySince(client: Db): Promise<Date | null> {
  const rows = await client.$queryRaw<{ since: Date | null }[]>`SELECT min(start) AS since FROM gpu_usage_hour`;
  return rows[0]?.since ?? null;
}
