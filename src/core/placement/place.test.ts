import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findCapacityConflicts } from "../slices/capacity";
import { proposeFreeGpus } from "../slices/gpus";
import type { Booking } from "../slices/types";
import { placeByNeed, quotaProblems, strandedBy, cloudMicrosPerHour } from "./place";
import { amountsOn, comparePlacements, suitableGpus } from "./rules";
import { fleetArb, machine, MODEL, scheduleArb, STEP, t } from "@test/core/placement-fleet";
import type { Need, Placement, PlacementMachine, QuotaContext } from "./types";

const HOUR = 3_600_000;
const need = (over: Partial<Need> = {}): Need => ({ gpuCount: 1, durationMs: 8 * HOUR, notBefore: t(0), ...over });
const booking = (m: string, gpus: string[], start: number, end: number, over: Partial<Booking> = {}): Booking => ({ id: `${m}-${start}-${gpus.join()}`, machineId: m, gpuIds: gpus, threads: 5, ramGb: 40, start, end, userId: "u", teamId: "t", ...over });

describe("placeByNeed: examples", () => {
  const zeus = machine("zeus", [MODEL.ti, MODEL.ti, MODEL.ti]);
  const hermes = machine("hermes", [MODEL.r5090, MODEL.r5090], { threads: 32, ramGb: 192 });
  const fleet = [zeus, hermes];

  it("puts a 20 GB need on the only machine with such GPUs and says why the other was not chosen", () => {
    const r = placeByNeed({ machines: fleet, bookings: [], need: need({ minGpuMemoryGb: 20 }), horizon: t(1000) });
    expect(r.placement).toMatchObject({ machineId: "hermes", start: t(0), end: t(16), gpuIds: ["hermes-g0"] });
    const zeusVerdict = r.verdicts.find((v) => v.machineId === "zeus")!;
    expect(zeusVerdict.code).toBe("NO_SUITABLE_GPUS");
    expect(zeusVerdict.message).toContain("GTX 1080 Ti (11 GB)");
  });

  it("refuses at once a need no GPU can meet, naming the largest", () => {
    const r = placeByNeed({ machines: fleet, bookings: [], need: need({ minGpuMemoryGb: 48 }), horizon: t(1000) });
    expect(r.placement).toBeNull();
    expect(r.impossible).toBe("No GPU has 48 GB: the largest has 32 GB (RTX 5090 on hermes).");
  });

  it("refuses a multi-GPU need larger than any one machine", () => {
    const r = placeByNeed({ machines: fleet, bookings: [], need: need({ gpuCount: 3, minGpuMemoryGb: 20 }), horizon: t(1000) });
    expect(r.impossible).toContain("the most on one machine is 2 (hermes)");
  });

  it("takes the earliest start: a busy hermes loses to zeus when any GPU will do", () => {
    const bookings = [booking("hermes", ["hermes-g0", "hermes-g1"], t(0), t(10))];
    const r = placeByNeed({ machines: fleet, bookings, need: need(), horizon: t(1000) });
    expect(r.placement?.machineId).toBe("zeus");
    expect(r.verdicts.find((v) => v.machineId === "hermes")).toMatchObject({ code: "LATER_START" });
    expect(r.verdicts.find((v) => v.machineId === "hermes")!.message).toContain("free only from 2026-11-28 05:00 UTC");
  });

  it("waits for the earliest window when every suitable GPU is held", () => {
    const bookings = [booking("hermes", ["hermes-g0"], t(0), t(6)), booking("hermes", ["hermes-g1"], t(0), t(4))];
    const r = placeByNeed({ machines: fleet, bookings, need: need({ minGpuMemoryGb: 24 }), horizon: t(1000) });
    expect(r.placement).toMatchObject({ machineId: "hermes", start: t(4), gpuIds: ["hermes-g1"] });
  });

  it("at the same start prefers the machine it strands less on, then the cheaper one", () => {
    // Two idle copies: same start, no stranding, same price: the name decides.
    const zeus2 = machine("zeus2", [MODEL.ti, MODEL.ti, MODEL.ti]);
    const r = placeByNeed({ machines: [zeus, zeus2], bookings: [], need: need(), horizon: t(1000) });
    expect(r.verdicts.find((v) => v.machineId === "zeus2")).toMatchObject({ code: "TIE_BY_NAME" });
    // 8 threads per GPU on a 15-thread machine leaves 2 GPUs with 7 threads: one GPU stranded.
    // The 31-thread machine keeps both of its other GPUs usable, so it wins though its name sorts last.
    const ares = machine("ares", [MODEL.ti, MODEL.ti, MODEL.ti]);
    const big = machine("zeus", [MODEL.ti, MODEL.ti, MODEL.ti], { threads: 32 });
    const r2 = placeByNeed({ machines: [ares, big], bookings: [], need: need({ threadsPerGpu: 8 }), horizon: t(1000) });
    expect(r2.placement?.machineId).toBe("zeus");
    expect(r2.verdicts.find((v) => v.machineId === "ares")).toMatchObject({ code: "MORE_STRANDED" });
    const cheap = placeByNeed({ machines: [hermes, machine("athena", [MODEL.r4090, MODEL.r4090], { threads: 32, ramGb: 192 })], bookings: [], need: need({ minGpuMemoryGb: 20 }), horizon: t(1000) });
    expect(cheap.placement?.machineId).toBe("athena");
    expect(cheap.verdicts.find((v) => v.machineId === "hermes")).toMatchObject({ code: "MORE_EXPENSIVE" });
  });

  it("keeps to acceptable models and the latest end", () => {
    const r = placeByNeed({ machines: fleet, bookings: [], need: need({ gpuModels: ["gtx 1080 ti"] }), horizon: t(1000) });
    expect(r.placement?.machineId).toBe("zeus");
    const late = placeByNeed({ machines: [hermes], bookings: [booking("hermes", ["hermes-g0", "hermes-g1"], t(0), t(10))], need: need({ latestEnd: t(20) }), horizon: t(1000) });
    expect(late.placement).toBeNull();
    expect(late.verdicts[0]).toMatchObject({ code: "NO_WINDOW" });
  });

  it("never places on a machine in maintenance", () => {
    const r = placeByNeed({ machines: [{ ...hermes, status: "maintenance" }], bookings: [], need: need({ minGpuMemoryGb: 20 }), horizon: t(1000) });
    expect(r.placement).toBeNull();
    expect(r.impossible).toBeUndefined();
    expect(r.verdicts[0]).toMatchObject({ code: "UNAVAILABLE" });
  });

  it("respects the team's concurrent-GPU quota by starting after its own slices", () => {
    const mine = booking("zeus", ["zeus-g0"], t(0), t(6), { teamId: "t", userId: "u" });
    const quota: QuotaContext = { policy: { team: { maxConcurrentGpus: 1 }, user: {} }, userId: "u", teamId: "t", bookings: [mine], now: t(0) };
    const r = placeByNeed({ machines: fleet, bookings: [mine], need: need(), horizon: t(1000), quota });
    expect(r.placement?.start).toBe(t(6));
  });

  it("does not start after the latest start when the quota only frees later (the team's slices end past it)", () => {
    // The team holds 2 of its 3 GPUs until t(4); 2 more fit its quota only from t(4), but ending
    // by t(10) after 7 steps means starting by t(3).
    const held = [booking("hermes", ["hermes-g0"], t(0), t(4), { teamId: "t" }), booking("hermes", ["hermes-g1"], t(0), t(4), { teamId: "t" })];
    const quota: QuotaContext = { policy: { team: { maxConcurrentGpus: 3 }, user: {} }, userId: "u", teamId: "t", bookings: held, now: t(0) };
    const r = placeByNeed({ machines: fleet, bookings: held, need: need({ gpuCount: 2, durationMs: 7 * STEP, latestEnd: t(10) }), horizon: t(1000), quota });
    expect(r.placement).toBeNull();
    expect(r.verdicts.find((v) => v.machineId === "zeus")).toMatchObject({ code: "NO_WINDOW" });
  });
});

/**
 * The brute force: every machine at every candidate instant (the grid, and each booking's end,
 * since capacity frees there even off the grid), judged by findCapacityConflicts and the quotas,
 * best by the same order.
 */
function bruteForce(fleet: readonly PlacementMachine[], bookings: readonly Booking[], n: Need, horizon: number, quota?: QuotaContext): Placement | null {
  const grid: number[] = [];
  for (let at = n.notBefore; at <= horizon; at += STEP) grid.push(at);
  const ends = bookings.map((b) => b.end).filter((at) => at > n.notBefore && at <= horizon);
  for (const start of [...new Set([...grid, ...ends])].sort((a, b) => a - b)) {
    const end = start + n.durationMs;
    if (n.latestEnd !== undefined && end > n.latestEnd) break;
    const fits: Placement[] = [];
    for (const m of fleet) {
      const restricted = { ...m, gpuIds: suitableGpus(m, n).map((g) => g.id) };
      const { threads, ramGb } = amountsOn(m, n);
      const conflicts = findCapacityConflicts({ machine: restricted, bookings, request: { gpuCount: n.gpuCount, threads, ramGb, start, end }, now: n.notBefore });
      if (conflicts.length > 0 || quotaProblems(quota, n.gpuCount, start, end).length > 0) continue;
      const gpuIds = proposeFreeGpus({ machine: restricted, bookings, gpuCount: n.gpuCount, start, end })!;
      const base = { machineId: m.machineId, machineName: m.name, gpuIds, threads, ramGb, start, end };
      const mine = bookings.filter((b) => b.machineId === m.machineId);
      fits.push({ ...base, stranded: strandedBy(m, mine, base), cloudMicrosPerHour: cloudMicrosPerHour(m, gpuIds, threads, ramGb) });
    }
    if (fits.length > 0) return fits.sort(comparePlacements)[0]!;
  }
  return null;
}

const needArb = fc.record({
  gpuCount: fc.integer({ min: 1, max: 3 }),
  minGpuMemoryGb: fc.option(fc.constantFrom(8, 16, 24, 32), { nil: undefined }),
  threadsPerGpu: fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }),
  ramGbPerGpu: fc.option(fc.integer({ min: 0, max: 50 }), { nil: undefined }),
  len: fc.integer({ min: 1, max: 12 }),
  from: fc.integer({ min: 0, max: 20 }),
  latest: fc.option(fc.integer({ min: 10, max: 70 }), { nil: undefined }),
});

describe("placeByNeed: against a brute-force search on small fleets", () => {
  it("finds the same placement, and every placement it makes is valid", { timeout: 120_000 }, () => {
    const scenario = fleetArb.chain((fleet) => fc.tuple(fc.constant(fleet), scheduleArb(fleet), needArb, fc.boolean()));
    fc.assert(
      fc.property(scenario, ([fleet, bookings, r, withQuota]) => {
        const n: Need = { gpuCount: r.gpuCount, minGpuMemoryGb: r.minGpuMemoryGb, threadsPerGpu: r.threadsPerGpu, ramGbPerGpu: r.ramGbPerGpu, durationMs: r.len * STEP, notBefore: t(r.from), latestEnd: r.latest === undefined ? undefined : t(r.latest) };
        const quota: QuotaContext | undefined = withQuota ? { policy: { team: { maxConcurrentGpus: 3 }, user: {} }, userId: "u-t1", teamId: "t1", bookings, now: t(0) } : undefined;
        const horizon = t(80);
        const got = placeByNeed({ machines: fleet, bookings, need: n, horizon, quota });
        if (got.placement) {
          const p = got.placement;
          const m = fleet.find((x) => x.machineId === p.machineId)!;
          expect(findCapacityConflicts({ machine: m, bookings, request: { gpuCount: n.gpuCount, threads: p.threads, ramGb: p.ramGb, start: p.start, end: p.end }, now: n.notBefore })).toEqual([]);
          expect(quotaProblems(quota, n.gpuCount, p.start, p.end)).toEqual([]);
        }
        expect(got.placement).toEqual(got.impossible ? null : bruteForce(fleet, bookings, n, horizon, quota));
        expect(got.verdicts.filter((v) => v.chosen).length).toBe(got.placement ? 1 : 0);
        expect(got.verdicts.map((v) => v.machineId).sort()).toEqual(fleet.map((m) => m.machineId).sort());
      }),
      { numRuns: 1000 },
    );
  });
});
