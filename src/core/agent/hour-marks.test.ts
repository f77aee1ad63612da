import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bitCount, busyShare, hourMarks, mergeMarks, minuteBit, type HourMarks, type MinuteChange } from "./hour-marks";
import { aggregate, merge, MINUTE_MS, realUse, type Bucket, type GpuPoint } from "./rollup";

const t0 = Date.UTC(2026, 11, 7, 10, 0, 0);
const point = (gpuId: string, s: number, utilPct: number | null): GpuPoint => ({ gpuId, at: new Date(t0 + s * 1000), utilPct, memUsedMib: 1000, powerW: 100, tempC: 50 });
const key = (b: { gpuId: string; start: Date }) => `${b.gpuId}@${b.start.getTime()}`;

/** Delivers points in batches the way the ingest does: merge each batch's minutes, then its hour marks. */
function deliver(batches: GpuPoint[][]) {
  const minutes = new Map<string, Bucket>();
  const hours = new Map<string, HourMarks>();
  for (const batch of batches) {
    const changes: MinuteChange[] = aggregate(batch, MINUTE_MS).map((incoming) => {
      const before = minutes.get(key(incoming)) ?? null;
      const after = before ? merge(before, incoming) : incoming;
      minutes.set(key(incoming), after);
      return { gpuId: incoming.gpuId, start: incoming.start, before, after };
    });
    for (const marks of hourMarks(changes)) hours.set(key(marks), hours.has(key(marks)) ? mergeMarks(hours.get(key(marks))!, marks) : marks);
  }
  return { minutes: [...minutes.values()], hours: [...hours.values()] };
}

describe("hour marks", () => {
  it("sets one bit per minute of the hour", () => {
    expect(minuteBit(new Date(t0))).toBe(1n);
    expect(minuteBit(new Date(t0 + 59 * MINUTE_MS + 30_000))).toBe(1n << 59n);
    expect(minuteBit(new Date(t0 + 60 * MINUTE_MS))).toBe(1n);
  });

  it("marks measured and busy minutes and sums busy shares", () => {
    const points = [point("g", 0, 50), point("g", 10, 0), point("g", 60, 0), point("g", 125, null)];
    const [marks] = deliver([points]).hours;
    expect(marks).toMatchObject({ measuredMinutes: 0b011n, busyMinutes: 0b001n });
    expect(marks!.usedMinutes).toBeCloseTo(0.5);
  });

  it("a late sample that makes a minute busy moves its share and sets its bit", () => {
    const { hours } = deliver([[point("g", 0, 0), point("g", 10, 0)], [point("g", 20, 80)]]);
    expect(hours[0]).toMatchObject({ measuredMinutes: 1n, busyMinutes: 1n });
    expect(hours[0]!.usedMinutes).toBeCloseTo(1 / 3);
    expect(busyShare({ utilSamples: 0, idleSamples: 0 })).toBe(0);
  });

  it("hour marks merged over any split of deliveries give the real use of the minutes (property)", () => {
    const pointArb = fc.record({ gpu: fc.constantFrom("a", "b"), s: fc.integer({ min: 0, max: 7199 }), util: fc.option(fc.constantFrom(0, 0, 0, 30, 100)) });
    fc.assert(
      fc.property(fc.array(pointArb, { minLength: 1, maxLength: 150 }), fc.array(fc.integer({ min: 0, max: 150 }), { maxLength: 4 }), (raw, cuts) => {
        const points = raw.map((r) => point(r.gpu, r.s, r.util));
        const bounds = [0, ...[...cuts].sort((x, y) => x - y), points.length];
        const { minutes, hours } = deliver(bounds.slice(1).map((end, i) => points.slice(bounds[i], end)));
        const expected = realUse(minutes);
        // A slice's minute is idle when some GPU measured it and none was busy: OR across GPUs per hour.
        const perHour = new Map<number, { measured: bigint; busy: bigint }>();
        for (const h of hours) {
          const acc = perHour.get(h.start.getTime()) ?? { measured: 0n, busy: 0n };
          perHour.set(h.start.getTime(), { measured: acc.measured | h.measuredMinutes, busy: acc.busy | h.busyMinutes });
        }
        const idle = [...perHour.values()].reduce((n, h) => n + bitCount(h.measured & ~h.busy), 0);
        expect(idle).toBe(expected.idleMinutes);
        expect(hours.reduce((n, h) => n + bitCount(h.measuredMinutes), 0) / 60).toBeCloseTo(expected.measuredGpuHours, 9);
        expect(hours.reduce((n, h) => n + h.usedMinutes, 0) / 60).toBeCloseTo(expected.usedGpuHours, 9);
      }),
    );
  });
});
