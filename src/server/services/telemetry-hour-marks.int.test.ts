// The ingest keeps each hour's minute marks equal to what its per-minute rows say, however the
// samples of a minute arrive (split over reports, replayed late and out of order), so a slice's
// real use read from whole hours equals the one its minutes give.
import { beforeEach, describe, expect, it } from "vitest";
import type { SampleIn } from "@/core/agent/contract";
import { hourMarks } from "@/core/agent/hour-marks";
import { bucketStart, MINUTE_MS, realUse } from "@/core/agent/rollup";
import { POST as postEnroll } from "@/app/api/agent/v1/enroll/route";
import { POST as postTelemetry } from "@/app/api/agent/v1/telemetry/route";
import { db } from "@/server/db/client";
import { resetDatabase } from "@test/db/database";
import { makeUser } from "@test/db/fixtures";
import { makeHold } from "@test/db/fixtures-inventory";
import { makeMachine } from "@test/db/fixtures-slices";
import { findBuckets } from "@/server/db/telemetry-views";
import { toActor } from "./actor";
import { createEnrollmentCode } from "./agent-enrollment";
import { sliceUsages } from "./telemetry-views";

beforeEach(() => resetDatabase());

const BASE = "http://portal.test/api/agent/v1";
const post = (url: string, body: unknown, credential?: string) =>
  new Request(url, { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json", ...(credential ? { authorization: `Bearer ${credential}` } : {}) } });

describe("hour marks kept by the ingest", () => {
  it("equal the marks of the hour's minutes, and give the same real use, for samples split and replayed out of order", async () => {
    const admin = await makeUser({ roles: ["admin"] });
    const machine = await makeMachine({ gpus: 2 });
    const { code } = await createEnrollmentCode(toActor(admin), { machineId: machine.id }, new Date());
    const { credential } = (await (await postEnroll(post(`${BASE}/enroll`, { code, hostname: machine.name, agentVersion: "0.1.0" }))).json()) as { credential: string };
    const start = new Date("2026-12-01T09:41:20Z");
    // By minute: idle on both GPUs, idle on one, busy, idle but for one busy sample; some stretches unmeasured.
    const util = (i: number, g: number) => {
      const minute = Math.floor((start.getTime() + i * 10_000) / MINUTE_MS);
      if (i % 97 < 11) return null;
      const kind = minute % 5;
      return kind === 0 || (kind === 1 && g === 0) ? 0 : kind === 4 ? (i % 6 === 2 ? 40 : 0) : (i * 31 + g) % 101;
    };
    const samples: SampleIn[] = Array.from({ length: 600 }, (_, i) => ({
      seq: i + 1,
      at: new Date(start.getTime() + i * 10_000).toISOString(),
      gpus: [0, 1].map((g) => ({ uuid: `GPU-${machine.id.slice(0, 8)}-0000-0000-0000-00000000000${g}`, index: g, name: "RTX 4090", utilPct: util(i, g), memUsedMib: 1000 + i, memTotalMib: 24_564, powerW: 200, tempC: 60 })),
      processes: [],
      faults: [],
    }));
    // Reports of 7 samples (so minutes split between reports), every third report held back and replayed at the end, newest first.
    const reports = Array.from({ length: Math.ceil(samples.length / 7) }, (_, r) => samples.slice(r * 7, r * 7 + 7));
    const late = reports.filter((_, r) => r % 3 === 1).reverse();
    for (const batch of [...reports.filter((_, r) => r % 3 !== 1), ...late]) {
      const response = await postTelemetry(post(`${BASE}/telemetry`, { agentVersion: "0.1.0", sentAt: new Date().toISOString(), samples: batch }, credential));
      expect(response.status).toBe(200);
    }
    const gpuIds = machine.gpus.map((g) => g.id);
    const end = new Date(start.getTime() + 600 * 10_000);
    const minutes = await findBuckets(db(), "minute", gpuIds, bucketStart(start, MINUTE_MS), end);
    const expected = hourMarks(minutes.map((m) => ({ gpuId: m.gpuId, start: m.start, before: null, after: m })));
    const stored = await db().gpuUsageHour.findMany({ where: { gpuId: { in: gpuIds } } });
    expect(stored).toHaveLength(expected.length);
    for (const marks of expected) {
      const row = stored.find((h) => h.gpuId === marks.gpuId && h.start.getTime() === marks.start.getTime())!;
      expect({ measured: row.measuredMinutes, busy: row.busyMinutes }).toEqual({ measured: marks.measuredMinutes, busy: marks.busyMinutes });
      expect(row.usedMinutes).toBeCloseTo(marks.usedMinutes, 9);
    }

    const slice = await makeHold({ machineId: machine.id, gpuIds, user: admin, start: new Date(start.getTime() + 7 * MINUTE_MS), end: new Date(end.getTime() - 5 * MINUTE_MS) });
    const [use] = await sliceUsages([slice.id], end);
    const want = realUse(await findBuckets(db(), "minute", gpuIds, bucketStart(slice.startAt, MINUTE_MS), slice.endAt));
    expect(want.idleMinutes).toBeGreaterThan(0);
    expect(use).toMatchObject({ samples: want.samples, peakUtilPct: want.peakUtilPct, peakMemMib: want.peakMemMib, idleMinutes: want.idleMinutes });
    expect(use!.avgUtilPct).toBeCloseTo(want.avgUtilPct!, 9);
    expect(use!.measuredGpuHours).toBeCloseTo(want.measuredGpuHours, 9);
    expect(use!.usedGpuHours).toBeCloseTo(want.usedGpuHours, 9);
  });
});
