import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { machine, MODEL, t } from "@test/core/placement-fleet";
import type { PlacementMachine } from "../placement/types";
import { replay, type ReplayOptions, type ReplayRequest } from "./replay";
import { summarize, whatIf } from "./what-if";

const HOUR = 3_600_000;
const OPTIONS: ReplayOptions = { fairShare: true, backfill: true, horizonMs: 30 * 24 * HOUR };
const h = (hours: number) => t(0) + hours * HOUR;
const one = machine("solo", [MODEL.r4090], { threads: 8, ramGb: 64 });
const need = (id: string, at: number, hours: number, over: Partial<Extract<ReplayRequest, { kind: "need" }>> = {}): ReplayRequest => ({
  kind: "need", id, userId: `u-${id}`, teamId: over.teamId ?? "t1", createdAt: at, need: { gpuCount: 1, durationMs: hours * HOUR, notBefore: at }, heldMs: hours * HOUR, waitlist: true, ...over,
});

describe("replay", () => {
  it("serves the queue as the portal would: at each release, in fair-share order, backfilling what ends in time", () => {
    const requests: ReplayRequest[] = [
      { kind: "fixed", id: "held", createdAt: h(0), booking: { id: "held", machineId: "solo", gpuIds: ["solo-g0"], threads: 7, ramGb: 56, start: h(0), end: h(10), userId: "x", teamId: "t0" }, releasedAt: h(4) },
      need("b", h(1), 2),
      need("c", h(2), 8, { teamId: "t2" }),
    ];
    const result = replay({ machines: [one], requests, until: h(100), options: OPTIONS });
    // Released at 4: b (older, same usage) goes first, c follows when b ends at 6.
    expect(result.served.get("b")).toMatchObject({ start: h(4), end: h(6) });
    expect(result.served.get("c")).toMatchObject({ start: h(6), end: h(14) });
    const s = summarize(requests, result, h(100));
    expect(s).toMatchObject({ requests: 2, served: 2, medianWaitHours: 3, p90WaitHours: 4, servedGpuHours: 10 });
  });

  it("is deterministic: the same inputs give the same result", () => {
    const requests = Array.from({ length: 40 }, (_, i) => need(`r${i}`, h(i % 13), 1 + (i % 5), { teamId: `t${i % 3}`, heldMs: (1 + (i % 5)) * HOUR * (i % 2 ? 0.5 : 1) }));
    const fleet = [one, machine("duo", [MODEL.ti, MODEL.ti])];
    const a = replay({ machines: fleet, requests, until: h(500), options: OPTIONS });
    const b = replay({ machines: fleet, requests: [...requests].reverse(), until: h(500), options: OPTIONS });
    expect([...a.served.entries()].sort()).toEqual([...b.served.entries()].sort());
  });

  it("says what one more machine buys: waiting avoided, GPU-hours, value and payback", () => {
    const requests = Array.from({ length: 10 }, (_, i) => need(`r${i}`, h(0), 10));
    const extra = machine("new", [MODEL.r5090, MODEL.r5090], { threads: 48, ramGb: 256 });
    const w = whatIf({ machines: [one], extra, requests, from: h(0), until: h(200), options: OPTIONS, buildCostMicros: 6_000_000_000 });
    expect(w.baseline.totalWaitHours).toBe(10 * 9 / 2 * 10);
    expect(w.waitingAvoidedHours).toBeGreaterThan(0);
    expect(w.newMachineGpuHours).toBe(60);
    expect(w.newMachineValueMicros).toBe(Math.round(60 * (3_060_000 + 23 * 31_611 + 124 * 4_237)));
    expect(w.paybackMonths).toBeGreaterThan(0);
  });
});

const fleetArb: fc.Arbitrary<PlacementMachine[]> = fc.array(fc.constantFrom([MODEL.ti], [MODEL.r4090, MODEL.r4090], [MODEL.ti, MODEL.ti, MODEL.ti]), { minLength: 1, maxLength: 2 }).map((ms) => ms.map((models, i) => machine(`m${i}`, models)));
const requestsArb = fc.array(
  fc.record({ at: fc.integer({ min: 0, max: 48 }), hours: fc.integer({ min: 1, max: 12 }), gpus: fc.integer({ min: 1, max: 2 }), team: fc.constantFrom("a", "b", "c"), early: fc.boolean(), wait: fc.boolean() }),
  { maxLength: 25 },
).map((rows) => rows.map((r, i): ReplayRequest => need(`q${i}`, h(r.at), r.hours, { teamId: r.team, waitlist: r.wait, heldMs: (r.early ? r.hours / 2 : r.hours) * HOUR, need: { gpuCount: r.gpus, durationMs: r.hours * HOUR, notBefore: h(r.at) } })));

describe("what-if with one more machine", () => {
  it("serves at least as many GPU-hours and never adds to the total wait of waiting requests", { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(fleetArb, requestsArb, fc.constantFrom(MODEL.ti, MODEL.r5090), (fleet, requests, model) => {
        const extra = machine("extra", [model, model]);
        const w = whatIf({ machines: fleet, extra, requests, from: h(0), until: h(400), options: OPTIONS, buildCostMicros: 1 });
        expect(w.withMachine.served).toBeGreaterThanOrEqual(w.baseline.served);
        expect(w.withMachine.totalWaitHours).toBeLessThanOrEqual(w.baseline.totalWaitHours + 1e-9);
      }),
      { numRuns: 300 },
    );
  });
});
