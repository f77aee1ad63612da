// The SQL aggregation of a slice's real use agrees with the core's definition over the same buckets.
import { beforeEach, describe, expect, it } from "vitest";
import { bucketStart, HOUR_MS, realUse, RETENTION } from "@/core/agent/rollup";
import { db } from "./client";
import { findSliceRealUse } from "./slice-real-use";
import { resetDatabase } from "@test/db/database";
import { makeUser } from "@test/db/fixtures";
import { makeHold } from "@test/db/fixtures-inventory";
import { makeMachine } from "@test/db/fixtures-slices";
import { findBuckets } from "./telemetry-views";
import { rollMinutesIntoHours } from "@test/db/fixtures-telemetry";

beforeEach(() => resetDatabase());

const MINUTE = 60_000;

/** Random per-minute buckets on `gpuIds` over [from, to] (some without utilization readings, many idle), and their hours as the ingest writes them. */
async function insertRandomMinutes(gpuIds: string[], from: Date, to: Date) {
  await db().$executeRaw`
    INSERT INTO gpu_usage_minute (gpu_id, start, samples, util_samples, util_sum, util_max, idle_samples, mem_max_mib, power_sum, temp_max)
    SELECT g, m, 6, u, CASE WHEN i = u THEN 0 ELSE (r * 90 * (u - i))::int END, CASE WHEN i = u THEN 0 ELSE 90 END, i, (r * 20000)::int, 900, 70
    FROM (SELECT g, m, u, r, CASE WHEN r < 0.5 THEN u ELSE (r * u)::int END AS i
          FROM (SELECT g, m, CASE WHEN random() < 0.1 THEN 0 ELSE 6 END AS u, random() AS r
                FROM unnest(${gpuIds}::uuid[]) AS g, generate_series(${from}::timestamptz, ${to}::timestamptz, interval '1 minute') AS m) AS drawn) AS rows`;
  await rollMinutesIntoHours(gpuIds, bucketStart(from, HOUR_MS), to);
}

describe("a slice's real use in SQL", () => {
  it("equals the core's realUse over the buckets that overlap each GPU's hold, for random minutes on two GPUs", async () => {
    const machine = await makeMachine({ gpus: 3 });
    const user = await makeUser();
    const start = new Date("2026-12-01T10:00:30Z");
    const end = new Date(start.getTime() + 300 * MINUTE);
    const gpuIds = machine.gpus.slice(0, 2).map((g) => g.id);
    const slice = await makeHold({ machineId: machine.id, gpuIds, user, start, end });
    // Buckets from before the hold to after it, on the slice's GPUs and one it does not hold; some minutes without utilization readings, many idle.
    await insertRandomMinutes(machine.gpus.map((g) => g.id), new Date(start.getTime() - 30 * MINUTE), new Date(end.getTime() + 30 * MINUTE));
    const now = new Date(start.getTime() + 200 * MINUTE);
    const [sql] = await findSliceRealUse(db(), [slice.id], now);
    // The minute the hold started in counts (it overlaps the hold); the one after `now` does not.
    const expected = realUse(await findBuckets(db(), "minute", gpuIds, bucketStart(start, MINUTE), now));
    expect(expected.samples).toBeGreaterThan(0);
    expect(expected.idleMinutes).toBeGreaterThan(0);
    expect(sql).toMatchObject({ sliceId: slice.id, samples: expected.samples, peakUtilPct: expected.peakUtilPct, peakMemMib: expected.peakMemMib, idleMinutes: expected.idleMinutes });
    expect(sql!.avgUtilPct).toBeCloseTo(expected.avgUtilPct!, 9);
    expect(sql!.measuredGpuHours).toBeCloseTo(expected.measuredGpuHours, 9);
    expect(sql!.usedGpuHours).toBeCloseTo(expected.usedGpuHours, 9);
  });

  it("gives a slice without telemetry (or not started) the empty real use, and leaves out unknown slices", async () => {
    const machine = await makeMachine({ gpus: 1 });
    const user = await makeUser();
    const start = new Date("2026-12-01T10:00:00Z");
    const slice = await makeHold({ machineId: machine.id, gpuIds: [machine.gpus[0]!.id], user, start, end: new Date(start.getTime() + 60 * MINUTE) });
    const rows = await findSliceRealUse(db(), [slice.id, "00000000-0000-4000-8000-000000000000"], new Date(start.getTime() - MINUTE));
    expect(rows).toEqual([{ sliceId: slice.id, ...realUse([]), processesSeen: [] }]);
  });

  it("folds minutes across GPUs whose holds start at different minutes, from whole hours and partial ones", async () => {
    const machine = await makeMachine({ gpus: 2 });
    const user = await makeUser();
    const start = new Date("2026-12-01T10:17:20Z");
    const end = new Date(start.getTime() + 400 * MINUTE);
    const gpuIds = machine.gpus.map((g) => g.id);
    const slice = await makeHold({ machineId: machine.id, gpuIds, user, start, end });
    const later = new Date(start.getTime() + 107 * MINUTE);
    await db().$executeRaw`UPDATE slice_gpu SET start_at = ${later} WHERE slice_id = ${slice.id}::uuid AND gpu_id = ${gpuIds[1]}::uuid`;
    await insertRandomMinutes(gpuIds, new Date(start.getTime() - 90 * MINUTE), new Date(end.getTime() + 90 * MINUTE));
    const [sql] = await findSliceRealUse(db(), [slice.id], end);
    const expected = realUse([...(await findBuckets(db(), "minute", [gpuIds[0]!], bucketStart(start, MINUTE), end)), ...(await findBuckets(db(), "minute", [gpuIds[1]!], bucketStart(later, MINUTE), end))]);
    expect(expected.idleMinutes).toBeGreaterThan(0);
    expect(sql).toMatchObject({ samples: expected.samples, peakUtilPct: expected.peakUtilPct, peakMemMib: expected.peakMemMib, idleMinutes: expected.idleMinutes });
    expect(sql!.avgUtilPct).toBeCloseTo(expected.avgUtilPct!, 9);
    expect(sql!.measuredGpuHours).toBeCloseTo(expected.measuredGpuHours, 9);
    expect(sql!.usedGpuHours).toBeCloseTo(expected.usedGpuHours, 9);
  });

  it("reads a slice older than the minutes' retention from the hourly table alone, its partial hours whole", async () => {
    const machine = await makeMachine({ gpus: 2 });
    const user = await makeUser();
    const start = new Date("2026-03-02T08:40:00Z");
    const end = new Date(start.getTime() + 190 * MINUTE);
    const gpuIds = machine.gpus.map((g) => g.id);
    const slice = await makeHold({ machineId: machine.id, gpuIds, user, start, end });
    await insertRandomMinutes(gpuIds, new Date(start.getTime() - 120 * MINUTE), new Date(end.getTime() + 120 * MINUTE));
    // The hours the hold touches, as their minutes were, before the retention prunes those minutes.
    const expected = realUse(await findBuckets(db(), "minute", gpuIds, bucketStart(start, HOUR_MS), new Date(bucketStart(end, HOUR_MS).getTime() + HOUR_MS)));
    const now = new Date(end.getTime() + (RETENTION.minuteDays + 1) * 86_400_000);
    await db().$executeRaw`DELETE FROM gpu_usage_minute`;
    const [sql] = await findSliceRealUse(db(), [slice.id], now);
    expect(expected.samples).toBeGreaterThan(0);
    expect(sql).toMatchObject({ samples: expected.samples, peakUtilPct: expected.peakUtilPct, peakMemMib: expected.peakMemMib, idleMinutes: expected.idleMinutes });
    expect(sql!.avgUtilPct).toBeCloseTo(expected.avgUtilPct!, 9);
    expect(sql!.measuredGpuHours).toBeCloseTo(expected.measuredGpuHours, 9);
    expect(sql!.usedGpuHours).toBeCloseTo(expected.usedGpuHours, 9);
  });
});
