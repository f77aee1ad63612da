import type { PortalGpu } from "@/core/agent/gpu-match";
import type { HourMarks, MinuteChange } from "@/core/agent/hour-marks";
import type { Bucket, GpuPoint } from "@/core/agent/rollup";
import { queryRows, queryUnsafe } from "./direct";
import { Prisma } from "./generated/client";
import type { Db } from "./tx";

/**
 * Repository of telemetry: the (credential, seq) ledger, raw samples, per-minute and per-hour
 * aggregates. Writes are one INSERT ... SELECT FROM unnest(...) per table, several tables to a
 * statement where nothing in between needs their answer, so a batch of hundreds of samples costs
 * a handful of statements.
 */

/** A GPU sample as stored: the same fields the rollup core aggregates. */
export type GpuRow = GpuPoint;
export interface ProcessRow {
  gpuId: string;
  at: Date;
  pid: number;
  uid: number | null;
  linuxUser: string | null;
  name: string;
  memMib: number | null;
}
export interface ProcessHourRow {
  gpuId: string;
  start: Date;
  who: string;
  name: string;
  samples: number;
  memMaxMib: number;
}

/**
 * Locks the reporting credential (so one agent's reports are stored one after another) and, when
 * it is not revoked, records the samples' sequence numbers: returns whether it is valid, the time
 * of its newest judged sample, the sequence numbers not seen before (a resend returns none), and
 * the GPUs to match the report against (the machine's, and any elsewhere that carries one of the
 * reported UUIDs), all in one round trip.
 */
export async function claimSamples(
  tx: Db,
  credentialId: string,
  machineId: string,
  samples: { seq: number; at: Date }[],
  uuids: string[],
): Promise<{ valid: boolean; lastSampleAt: Date | null; fresh: Set<number>; gpus: PortalGpu[] }> {
  const [row] = await queryRows<{ valid: boolean; lastSampleAt: Date | null; seqs: bigint[] | null; gpus: { id: string; index: number; uuid: string | null; machineId: string; machineName: string }[] }>(tx, Prisma.sql`
    WITH credential AS (
      SELECT last_sample_at FROM agent_credential WHERE id = ${credentialId}::uuid AND revoked_at IS NULL FOR UPDATE
    ), claimed AS (
      INSERT INTO telemetry_sample (credential_id, seq, machine_id, at)
      SELECT ${credentialId}::uuid, seq, ${machineId}::uuid, at
      FROM unnest(${samples.map((s) => s.seq)}::bigint[], ${samples.map((s) => s.at)}::timestamptz[]) AS t(seq, at)
      WHERE EXISTS (SELECT FROM credential)
      ON CONFLICT DO NOTHING
      RETURNING seq
    )
    SELECT EXISTS (SELECT FROM credential) AS valid, (SELECT last_sample_at FROM credential) AS "lastSampleAt", (SELECT array_agg(seq) FROM claimed) AS seqs,
      (SELECT COALESCE(json_agg(json_build_object('id', g.id, 'index', g.index, 'uuid', g.uuid, 'machineId', g.machine_id, 'machineName', m.name)), '[]')
       FROM gpu g JOIN machine m ON m.id = g.machine_id WHERE g.machine_id = ${machineId}::uuid OR g.uuid = ANY(${uuids}::text[])) AS gpus`);
  return {
    valid: row!.valid,
    lastSampleAt: row!.lastSampleAt,
    fresh: new Set((row!.seqs ?? []).map(Number)),
    gpus: row!.gpus.map((g) => ({ id: g.id, index: g.index, uuid: g.uuid, elsewhere: g.machineId === machineId ? undefined : g.machineName })),
  };
}

/**
 * Inserts raw GPU and process samples and adds the processes into their hours, in one statement;
 * returns the GPU samples that were new: the rollups add exactly these, so a sample is never
 * counted twice.
 */
export async function insertSamples(tx: Db, gpuRows: GpuRow[], processRows: ProcessRow[], processHours: ProcessHourRow[]): Promise<GpuRow[]> {
  if (!gpuRows.length && !processRows.length) return [];
  const hours = [...processHours].sort((a, b) => a.gpuId.localeCompare(b.gpuId) || a.start.getTime() - b.start.getTime() || a.who.localeCompare(b.who) || a.name.localeCompare(b.name));
  return queryRows<GpuRow>(tx, Prisma.sql`
    WITH processes AS (
      INSERT INTO gpu_process_sample (gpu_id, at, pid, uid, linux_user, name, mem_mib)
      SELECT * FROM unnest(${processRows.map((r) => r.gpuId)}::uuid[], ${processRows.map((r) => r.at)}::timestamptz[], ${processRows.map((r) => r.pid)}::int[],
                           ${processRows.map((r) => r.uid)}::bigint[], ${processRows.map((r) => r.linuxUser)}::text[], ${processRows.map((r) => r.name)}::text[], ${processRows.map((r) => r.memMib)}::int[])
      ON CONFLICT DO NOTHING
    ), process_hours AS (
      INSERT INTO gpu_process_hour AS p (gpu_id, start, who, name, samples, mem_max_mib)
      SELECT * FROM unnest(${hours.map((r) => r.gpuId)}::uuid[], ${hours.map((r) => r.start)}::timestamptz[], ${hours.map((r) => r.who)}::text[],
                           ${hours.map((r) => r.name)}::text[], ${hours.map((r) => r.samples)}::int[], ${hours.map((r) => r.memMaxMib)}::int[])
      ON CONFLICT (gpu_id, start, who, name) DO UPDATE SET samples = p.samples + EXCLUDED.samples, mem_max_mib = GREATEST(p.mem_max_mib, EXCLUDED.mem_max_mib)
    )
    INSERT INTO gpu_sample (gpu_id, at, util_pct, mem_used_mib, power_w, temp_c)
    SELECT * FROM unnest(${gpuRows.map((r) => r.gpuId)}::uuid[], ${gpuRows.map((r) => r.at)}::timestamptz[], ${gpuRows.map((r) => r.utilPct)}::smallint[],
                         ${gpuRows.map((r) => r.memUsedMib)}::int[], ${gpuRows.map((r) => r.powerW)}::real[], ${gpuRows.map((r) => r.tempC)}::smallint[])
    ON CONFLICT DO NOTHING
    RETURNING gpu_id AS "gpuId", at, util_pct AS "utilPct", mem_used_mib AS "memUsedMib", power_w AS "powerW", temp_c AS "tempC"`);
}

const sortedBuckets = <B extends { gpuId: string; start: Date }>(buckets: B[]) => [...buckets].sort((a, b) => a.gpuId.localeCompare(b.gpuId) || a.start.getTime() - b.start.getTime());

const bucketColumns = (rows: Bucket[]) => [
  rows.map((b) => b.gpuId), rows.map((b) => b.start), rows.map((b) => b.samples), rows.map((b) => b.utilSamples), rows.map((b) => b.utilSum),
  rows.map((b) => b.utilMax), rows.map((b) => b.idleSamples), rows.map((b) => b.memMaxMib), rows.map((b) => b.powerSum), rows.map((b) => b.tempMax),
];

const BUCKET_INPUT = "unnest($1::uuid[], $2::timestamptz[], $3::int[], $4::int[], $5::int[], $6::smallint[], $7::int[], $8::int[], $9::real[], $10::smallint[])";
const MERGE_BUCKET = `samples = u.samples + EXCLUDED.samples, util_samples = u.util_samples + EXCLUDED.util_samples, util_sum = u.util_sum + EXCLUDED.util_sum,
       util_max = GREATEST(u.util_max, EXCLUDED.util_max), idle_samples = u.idle_samples + EXCLUDED.idle_samples,
       mem_max_mib = GREATEST(u.mem_max_mib, EXCLUDED.mem_max_mib), power_sum = u.power_sum + EXCLUDED.power_sum, temp_max = GREATEST(u.temp_max, EXCLUDED.temp_max)`;

/**
 * Adds per-minute aggregates into their buckets (sums add up, maxima take the greater), in key
 * order so concurrent batches cannot deadlock, and returns each bucket's counts before and after:
 * the merge is additive, so "before" is "after" less what this batch added, whatever merged meanwhile.
 */
export async function mergeMinuteBuckets(tx: Db, buckets: Bucket[]): Promise<MinuteChange[]> {
  if (!buckets.length) return [];
  const rows = sortedBuckets(buckets);
  const merged = await queryUnsafe<{ gpuId: string; start: Date; utilSamples: number; idleSamples: number; samples: number }>(
    tx,
    `INSERT INTO gpu_usage_minute AS u (gpu_id, start, samples, util_samples, util_sum, util_max, idle_samples, mem_max_mib, power_sum, temp_max)
     SELECT * FROM ${BUCKET_INPUT}
     ON CONFLICT (gpu_id, start) DO UPDATE SET ${MERGE_BUCKET}
     RETURNING gpu_id AS "gpuId", start, samples, util_samples AS "utilSamples", idle_samples AS "idleSamples"`,
    bucketColumns(rows),
  );
  const added = new Map(rows.map((b) => [`${b.gpuId}@${b.start.getTime()}`, b]));
  return merged.map((m) => {
    const mine = added.get(`${m.gpuId}@${m.start.getTime()}`)!;
    const before = m.samples === mine.samples ? null : { utilSamples: m.utilSamples - mine.utilSamples, idleSamples: m.idleSamples - mine.idleSamples };
    return { gpuId: m.gpuId, start: m.start, before, after: { utilSamples: m.utilSamples, idleSamples: m.idleSamples } };
  });
}

/** Adds per-hour aggregates and the marks of their minutes (bits ORed in, busy shares added), in key order. */
export async function mergeHourBuckets(tx: Db, buckets: Bucket[], marks: HourMarks[]) {
  if (!buckets.length) return;
  const rows = sortedBuckets(buckets);
  const byHour = new Map(marks.map((m) => [`${m.gpuId}@${m.start.getTime()}`, m]));
  const markOf = (b: Bucket) => byHour.get(`${b.gpuId}@${b.start.getTime()}`);
  await queryUnsafe(
    tx,
    `INSERT INTO gpu_usage_hour AS u (gpu_id, start, samples, util_samples, util_sum, util_max, idle_samples, mem_max_mib, power_sum, temp_max, measured_minutes, busy_minutes, used_minutes)
     SELECT * FROM unnest($1::uuid[], $2::timestamptz[], $3::int[], $4::int[], $5::int[], $6::smallint[], $7::int[], $8::int[], $9::real[], $10::smallint[], $11::bigint[], $12::bigint[], $13::float8[])
     ON CONFLICT (gpu_id, start) DO UPDATE SET ${MERGE_BUCKET},
       measured_minutes = u.measured_minutes | EXCLUDED.measured_minutes, busy_minutes = u.busy_minutes | EXCLUDED.busy_minutes, used_minutes = u.used_minutes + EXCLUDED.used_minutes`,
    [...bucketColumns(rows), rows.map((b) => markOf(b)?.measuredMinutes ?? 0n), rows.map((b) => markOf(b)?.busyMinutes ?? 0n), rows.map((b) => markOf(b)?.usedMinutes ?? 0)],
  );
}

/** Deletes rows older than `before` in batches, so a large prune never holds long locks. Returns the count. */
export async function pruneOlderThan(client: Db, table: "gpu_sample" | "gpu_process_sample" | "telemetry_sample" | "gpu_usage_minute", column: "at" | "start", before: Date, batch = 50_000): Promise<number> {
  let total = 0;
  for (;;) {
    const deleted = await client.$executeRawUnsafe(`DELETE FROM ${table} WHERE ctid = ANY(ARRAY(SELECT ctid FROM ${table} WHERE ${column} < $1 LIMIT ${batch}))`, before);
    total += deleted;
    if (deleted < batch) return total;
  }
}
