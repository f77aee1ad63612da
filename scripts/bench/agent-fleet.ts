// The fleet of bench:agents: machines with 8 GPUs each, an enrolled agent per machine, an admin's
// API token, and (for the history timings) a year of hourly aggregates and a fortnight of minutes.
import { toActor } from "@/server/services/actor";
import { createEnrollmentCode, enrollAgent } from "@/server/services/agent-enrollment";
import { machineTelemetrySeries, sliceUsages } from "@/server/services/telemetry-views";
import { createToken } from "@/server/services/tokens";
import { hourMarks } from "@/core/agent/hour-marks";
import { bucketStart, HOUR_MS, MINUTE_MS, rollUp } from "@/core/agent/rollup";
import { db } from "@/server/db/client";
import { mergeHourBuckets } from "@/server/db/telemetry";
import { findBuckets } from "@/server/db/telemetry-views";

export async function benchFleet(machines: number, gpusEach: number) {
  const team = await db().team.create({ data: { name: "Bench" } });
  const admin = await db().user.create({ data: { email: "bench0@rigshare.test", name: "Bench Admin", teamId: team.id, assignedRoles: ["admin"] }, include: { team: { select: { id: true, name: true } } } });
  const model = await db().gpuModel.create({ data: { name: "RTX 4090", vramGb: 24, boardPowerW: 450 } });
  const agents: { credential: string; uuids: string[] }[] = [];
  const machineIds: string[] = [];
  for (let m = 0; m < machines; m++) {
    const hex = m.toString(16).padStart(8, "0");
    const uuids = Array.from({ length: gpusEach }, (_, g) => `GPU-${hex}-0000-4000-8000-${g.toString(16).padStart(12, "0")}`);
    const machine = await db().machine.create({
      data: { name: `node${m}`, cpuModel: "Bench CPU", cores: 32, threads: 64, ramGb: 512, inServiceAt: new Date("2025-01-01T00:00:00Z"), gpus: { create: uuids.map((uuid, index) => ({ index, uuid, gpuModelId: model.id })) } },
    });
    machineIds.push(machine.id);
    const { code } = await createEnrollmentCode(toActor(admin), { machineId: machine.id }, new Date());
    const { credential } = await enrollAgent({ code, hostname: `node${m}`, agentVersion: "bench" }, new Date());
    agents.push({ credential, uuids });
  }
  const { token } = await createToken(toActor(admin), { name: "bench", scope: "read", expiresInDays: 1 }, new Date());
  return {
    agents,
    machineIds,
    token,
    async bytesPerGpuDay() {
      const tables = [
        { resolution: "raw (every 10 s)", table: "gpu_sample", perDay: 8640 },
        { resolution: "raw ledger (per sample, per machine)", table: "telemetry_sample", perDay: 8640 / gpusEach },
        { resolution: "per minute", table: "gpu_usage_minute", perDay: 1440 },
        { resolution: "per hour", table: "gpu_usage_hour", perDay: 24 },
      ];
      const out = [];
      for (const t of tables) {
        await db().$executeRawUnsafe(`VACUUM ANALYZE ${t.table}`);
        const [row] = await db().$queryRawUnsafe<{ rows: bigint; bytes: bigint }[]>(`SELECT count(*) AS rows, pg_total_relation_size('${t.table}') AS bytes FROM ${t.table}`);
        const rows = Number(row!.rows);
        out.push({ ...t, rows, totalBytes: Number(row!.bytes), bytes: rows ? (Number(row!.bytes) / rows) * t.perDay : 0 });
      }
      return out;
    },
  };
}

async function time<T>(work: () => Promise<T>, runs = 5): Promise<number> {
  await work();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    samples.push(performance.now() - started);
  }
  return samples.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

/**
 * A year of hourly aggregates for the 24 GPUs of three machines; on one GPU two weeks of minutes
 * with their hours rebuilt from them (as the ingest keeps them) and a slice over them that starts
 * and ends mid-hour; and the timings against plain SQL aggregates over the same rows.
 */
export async function yearOfHistory(machineIds: string[]) {
  const gpus = await db().gpu.findMany({ where: { machineId: { in: machineIds } }, select: { id: true, machineId: true } });
  const end = new Date(Date.UTC(2026, 11, 1));
  const start = new Date(end.getTime() - 365 * 86_400_000);
  await db().$executeRaw`
    INSERT INTO gpu_usage_hour (gpu_id, start, samples, util_samples, util_sum, util_max, idle_samples, mem_max_mib, power_sum, temp_max, measured_minutes, busy_minutes, used_minutes)
    SELECT g, h, 360, 360, (random() * 36000)::int, 100, (random() * 100)::int, 20000, 100000, 80, (1::bigint << 60) - 1, (random() * ((1::bigint << 60) - 1))::bigint, random() * 60
    FROM unnest(${gpus.map((g) => g.id)}::uuid[]) AS g, generate_series(${start}::timestamptz, ${end}::timestamptz - interval '1 hour', interval '1 hour') AS h
    ON CONFLICT DO NOTHING`;
  const gpu = gpus[0]!;
  const weeksFrom = new Date(end.getTime() - 14 * 86_400_000);
  await db().$executeRaw`
    INSERT INTO gpu_usage_minute (gpu_id, start, samples, util_samples, util_sum, util_max, idle_samples, mem_max_mib, power_sum, temp_max)
    SELECT ${gpu.id}::uuid, m, 6, 6, (random() * 600)::int, 100, (random() * 6)::int, 20000, 1800, 80
    FROM generate_series(${weeksFrom}::timestamptz, ${end}::timestamptz - interval '1 minute', interval '1 minute') AS m
    ON CONFLICT DO NOTHING`;
  await db().$executeRaw`DELETE FROM gpu_usage_hour WHERE gpu_id = ${gpu.id}::uuid AND start >= ${weeksFrom}`;
  const minutes = await findBuckets(db(), "minute", [gpu.id], weeksFrom, end);
  await mergeHourBuckets(db(), rollUp(minutes, HOUR_MS), hourMarks(minutes.map((m) => ({ gpuId: m.gpuId, start: m.start, before: null, after: m }))));
  // 13 days 23 h: whole hours from the hourly table, the 35 + 25 minutes at the ends from the per-minute one.
  const sliceStart = new Date(weeksFrom.getTime() + 25 * MINUTE_MS);
  const sliceEnd = new Date(end.getTime() - 35 * MINUTE_MS);
  const user = await db().user.findFirstOrThrow();
  const slice = await db().slice.create({
    data: { machineId: gpu.machineId, requesterId: user.id, teamId: user.teamId, gpuCount: 1, threads: 8, ramGb: 64, startAt: sliceStart, endAt: sliceEnd, purpose: "bench", status: "approved", gpus: { create: [{ gpuId: gpu.id, startAt: sliceStart, endAt: sliceEnd }] } },
  });
  await db().$executeRawUnsafe("ANALYZE gpu_usage_hour; ANALYZE gpu_usage_minute");
  const machineGpus = gpus.filter((g) => g.machineId === machineIds[0]).map((g) => g.id);
  const seriesMs = await time(() => machineTelemetrySeries({ machineId: machineIds[0]!, from: start, to: end, step: 86_400 }));
  const plainSeriesMs = await time(() => db().$queryRaw`SELECT gpu_id, date_trunc('day', start) AS d, sum(util_sum)::float8 / sum(util_samples) AS avg, max(util_max) FROM gpu_usage_hour WHERE gpu_id = ANY(${machineGpus}::uuid[]) AND start >= ${start} AND start < ${end} GROUP BY 1, 2`);
  const sliceMs = await time(() => sliceUsages([slice.id], end));
  // The rows the real use reads: the whole hours, and the minutes of the partial hours at both ends.
  const wholeFrom = bucketStart(new Date(sliceStart.getTime() + HOUR_MS - 1), HOUR_MS);
  const wholeTo = bucketStart(sliceEnd, HOUR_MS);
  const plainSliceMs = await time(() => db().$queryRaw`
    SELECT sum(samples), sum(util_sum), sum(util_samples), max(util_max), max(mem_max_mib), sum(idle_samples)
    FROM (SELECT samples, util_sum, util_samples, util_max, mem_max_mib, idle_samples FROM gpu_usage_hour WHERE gpu_id = ${gpu.id}::uuid AND start >= ${wholeFrom} AND start < ${wholeTo}
          UNION ALL
          SELECT samples, util_sum, util_samples, util_max, mem_max_mib, idle_samples FROM gpu_usage_minute
          WHERE gpu_id = ${gpu.id}::uuid AND (start >= ${bucketStart(sliceStart, MINUTE_MS)} AND start < ${wholeFrom} OR start >= ${wholeTo} AND start < ${sliceEnd})) AS rows`);
  // For scale: the same fortnight summed from its minutes alone.
  const plainMinutesMs = await time(() => db().$queryRaw`SELECT sum(util_sum), sum(util_samples), max(util_max), max(mem_max_mib), count(*) FILTER (WHERE idle_samples = util_samples) FROM gpu_usage_minute WHERE gpu_id = ${gpu.id}::uuid AND start >= ${sliceStart} AND start < ${sliceEnd}`);
  const [rows] = await db().$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM gpu_usage_hour WHERE gpu_id = ANY(${gpus.map((g) => g.id)}::uuid[])`;
  return { rows: Number(rows!.n), seriesMs, plainSeriesMs, sliceMs, plainSliceMs, plainMinutesMs };
}
