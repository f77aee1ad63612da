import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { judgeIdle, type GpuSample } from "./judge";
import { DEFAULT_IDLE_POLICY } from "./policy";

const MIN = 60_000;
const T0 = Date.UTC(2026, 11, 7, 9, 0);
const slice = { id: "s", start: T0, end: T0 + 600 * MIN, gpuUuids: ["GPU-a", "GPU-b"], idleExempt: false };

/** Recordings in stretches: each stretch some minutes long, busy or idle on each GPU, with or without processes, or silent. */
const recordingArb = fc
  .array(fc.record({ minutes: fc.integer({ min: 1, max: 90 }), kind: fc.constantFrom("idle", "busy", "half", "silent", "unused") }), { minLength: 1, maxLength: 12 })
  .map((stretches) => {
    const samples: GpuSample[] = [];
    let minute = 0;
    for (const { minutes, kind } of stretches) {
      for (let m = minute; m < minute + minutes; m++) {
        if (kind === "silent") continue;
        const util = (gpu: number) => (kind === "busy" || (kind === "half" && gpu === 0) ? 50 : 0);
        samples.push({ at: T0 + m * MIN, gpus: [0, 1].map((g) => ({ uuid: g ? "GPU-b" : "GPU-a", utilization: util(g), processes: kind === "unused" ? 0 : 1 })) });
      }
      minute += minutes;
    }
    return samples;
  });

describe("judgeIdle over any recording, judged every minute", () => {
  it("reclaims at most once, only after the full policy time of samples at 0 % on every GPU, and never on a silent machine", () => {
    fc.assert(
      fc.property(recordingArb, (samples) => {
        const reclaims: number[] = [];
        // As the portal does: the first release or reclaim ends the slice there.
        let judgedSlice = slice;
        for (let minute = 1; minute <= 600; minute++) {
          const now = T0 + minute * MIN;
          const judged = judgeIdle({ slice: judgedSlice, samples: samples.filter((s) => s.at <= now), policy: DEFAULT_IDLE_POLICY, now, lastJudgedAt: now - MIN, maxGapMs: 3 * MIN });
          for (const action of judged.actions.filter((a) => a.kind === "reclaim-idle" || a.kind === "release-no-show")) {
            reclaims.push(minute);
            const limit = action.kind === "reclaim-idle" ? DEFAULT_IDLE_POLICY.idleReclaimMinutes : DEFAULT_IDLE_POLICY.noShowReleaseMinutes;
            expect(action.at).toBe(action.since + limit * MIN);
            const window = samples.filter((s) => s.at >= action.since && s.at <= now);
            expect(window.every((s) => s.gpus.every((g) => (action.kind === "reclaim-idle" ? g.utilization === 0 : g.processes === 0)))).toBe(true);
            expect(now - Math.max(...window.map((s) => s.at))).toBeLessThanOrEqual(3 * MIN);
            judgedSlice = { ...slice, end: now };
          }
        }
        expect(reclaims.length).toBeLessThanOrEqual(1);
      }),
      { numRuns: 60 },
    );
  });
});
