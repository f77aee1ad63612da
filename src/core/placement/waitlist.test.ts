import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findCapacityConflicts } from "../slices/capacity";
import type { Booking } from "../slices/types";
import { orderWaitlist, pinsAfterMove, teamUsage, usagePerShare } from "./fair-share";
import { fleetArb, machine, MODEL, scheduleArb, STEP, t } from "@test/core/placement-fleet";
import { bookingsByMachine, placeByNeed } from "./place";
import type { Need, Placement, PlacementMachine, QuotaContext } from "./types";
import { estimateStarts, planWaitlistPass, type WaitingRequest } from "./waitlist";

const HOUR = 3_600_000;
const entry = (id: string, teamId: string, hours: number, over: Partial<WaitingRequest["need"]> = {}): WaitingRequest => ({
  id, teamId, userId: `u-${id}`, need: { gpuCount: 1, durationMs: hours * HOUR, notBefore: t(0), ...over },
});
const hold = (m: string, gpus: string[], start: number, end: number, teamId = "t0"): Booking => ({ id: `${m}:${gpus.join()}:${start}`, machineId: m, gpuIds: gpus, threads: 5, ramGb: 40, start, end, userId: "x", teamId });

describe("fair-share order", () => {
  it("puts the team furthest below its share first, then the oldest", () => {
    const usage = new Map([["vision", 100 * HOUR], ["nlp", 10 * HOUR]]);
    const entries = [
      { id: "a", teamId: "vision", createdAt: 1 },
      { id: "b", teamId: "nlp", createdAt: 3 },
      { id: "c", teamId: "nlp", createdAt: 2 },
      { id: "d", teamId: "platform", createdAt: 9 },
    ];
    expect(orderWaitlist(entries, usage, new Map()).map((e) => e.id)).toEqual(["d", "c", "b", "a"]);
    // Vision with 20 times the share of NLP is below it per share.
    expect(orderWaitlist(entries, usage, new Map([["vision", 20]])).map((e) => e.id)).toEqual(["d", "a", "c", "b"]);
  });

  it("counts only the last 30 days, per GPU", () => {
    const now = t(2000);
    const usage = teamUsage([hold("m", ["g0", "g1"], now - 2 * HOUR, now), hold("m", ["g0"], now - 40 * 24 * HOUR, now - 39 * 24 * HOUR, "t1")], now);
    expect(usage.get("t0")).toBe(4 * HOUR);
    expect(usage.has("t1")).toBe(false);
    expect(usagePerShare("nobody", usage, new Map())).toBe(0);
  });

  it("never lets a team over its share go before one under it unless pinned", () => {
    const arb = fc.tuple(
      fc.array(fc.record({ team: fc.constantFrom("a", "b", "c"), createdAt: fc.nat(100) }), { maxLength: 20 }),
      fc.dictionary(fc.constantFrom("a", "b", "c"), fc.nat(1000)),
      fc.dictionary(fc.constantFrom("a", "b", "c"), fc.integer({ min: 1, max: 5 })),
    );
    fc.assert(
      fc.property(arb, ([rows, used, share]) => {
        const usage = new Map(Object.entries(used));
        const shares = new Map(Object.entries(share));
        const order = orderWaitlist(rows.map((r, i) => ({ id: `e${i}`, teamId: r.team, createdAt: r.createdAt })), usage, shares);
        for (let i = 1; i < order.length; i++) {
          const before = usagePerShare(order[i - 1]!.teamId, usage, shares);
          const after = usagePerShare(order[i]!.teamId, usage, shares);
          expect(before).toBeLessThanOrEqual(after);
          if (before === after) expect(order[i - 1]!.createdAt).toBeLessThanOrEqual(order[i]!.createdAt);
        }
      }),
    );
  });

  it("moves an entry to a position and pins the ones ahead of it", () => {
    const order = ["a", "b", "c", "d"].map((id, i) => ({ id, teamId: "t", createdAt: i }));
    const pins = pinsAfterMove(order, "d", 2);
    expect([...pins.entries()]).toEqual([["a", 1], ["d", 2]]);
    const reordered = orderWaitlist(order.map((e) => ({ ...e, pinnedRank: pins.get(e.id) })), new Map(), new Map());
    expect(reordered.map((e) => e.id)).toEqual(["a", "d", "b", "c"]);
  });
});

describe("the waitlist pass", () => {
  const zeus = machine("zeus", [MODEL.ti, MODEL.ti, MODEL.ti]);

  it("places the head when it fits now, and backfills a short request that ends before the head can start", () => {
    // GPUs 0 and 1 held for 10 hours, GPU 2 free now: the head needs 2 GPUs (earliest at t(20)),
    // the next needs 1 GPU for 20 hours (would end after t(20): must wait), the last 1 GPU for 8 hours (ends at t(16): backfills).
    const bookings = [hold("zeus", ["zeus-g0", "zeus-g1"], t(0), t(20))];
    const queue = [entry("head", "a", 10, { gpuCount: 2 }), entry("long", "b", 20), entry("short", "c", 8)];
    const pass = planWaitlistPass({ machines: [zeus], bookings, queue, now: t(0), horizon: t(1000) });
    expect(pass.reservation).toBe(t(20));
    expect(pass.placed.map((p) => [p.entryId, p.backfilled])).toEqual([["short", true]]);
    const plain = planWaitlistPass({ machines: [zeus], bookings, queue, now: t(0), horizon: t(1000), backfill: false });
    expect(plain.placed).toEqual([]);
  });

  it("drops entries no machine can meet any more, saying why", () => {
    const pass = planWaitlistPass({ machines: [{ ...zeus, status: "retired" }], bookings: [], queue: [entry("x", "a", 1)], now: t(0), horizon: t(100) });
    expect(pass.unmeetable).toEqual([{ entryId: "x", reason: "There is no machine in service." }]);
  });

  it("estimates each start behind the entries ahead", () => {
    const bookings = [hold("zeus", ["zeus-g0", "zeus-g1", "zeus-g2"], t(0), t(4))];
    const est = estimateStarts({ machines: [zeus], bookings, queue: [entry("a", "a", 2, { gpuCount: 3 }), entry("b", "b", 2, { gpuCount: 3 })], now: t(0), horizon: t(1000) });
    expect([...est.values()]).toEqual([t(4), t(8)]);
  });

  it("keeps every invariant, places each entry at most once, and never delays the blocked head", { timeout: 120_000 }, () => {
    const scenario = fleetArb.chain((fleet) =>
      fc.tuple(fc.constant(fleet), scheduleArb(fleet), fc.array(fc.record({ gpus: fc.integer({ min: 1, max: 3 }), len: fc.integer({ min: 1, max: 30 }), mem: fc.constantFrom(0, 16, 24) }), { maxLength: 12 })),
    );
    fc.assert(
      fc.property(scenario, ([fleet, bookings, rows]) => {
        const now = t(8);
        const queue = rows.map((r, i) => entry(`e${i}`, `t${i % 3}`, (r.len * STEP) / HOUR, { gpuCount: r.gpus, minGpuMemoryGb: r.mem || undefined, notBefore: now }));
        const pass = planWaitlistPass({ machines: fleet, bookings, queue, now, horizon: t(200) });
        expect(new Set(pass.placed.map((p) => p.entryId)).size).toBe(pass.placed.length);
        const all = [...bookings];
        for (const { entryId, placement } of pass.placed) {
          const m = fleet.find((x) => x.machineId === placement.machineId)!;
          const conflicts = findCapacityConflicts({ machine: m, bookings: all, request: { gpuIds: placement.gpuIds, gpuCount: placement.gpuIds.length, threads: placement.threads, ramGb: placement.ramGb, start: placement.start, end: placement.end }, now });
          expect(conflicts).toEqual([]);
          expect(placement.start).toBe(now);
          all.push({ id: entryId, machineId: m.machineId, gpuIds: placement.gpuIds, threads: placement.threads, ramGb: placement.ramGb, start: placement.start, end: placement.end, userId: "u", teamId: "t" });
          if (pass.reservation !== null && (pass.placed.find((p) => p.entryId === entryId)!.backfilled)) expect(placement.end).toBeLessThanOrEqual(pass.reservation);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("places exactly what the plain definition places: a full search per entry, without the shortcuts", { timeout: 120_000 }, () => {
    const scenario = fleetArb.chain((fleet) =>
      fc.tuple(fc.constant(fleet), scheduleArb(fleet), fc.array(fc.record({ gpus: fc.integer({ min: 1, max: 3 }), len: fc.integer({ min: 1, max: 30 }), mem: fc.constantFrom(0, 16, 24), team: fc.constantFrom("t1", "t2"), later: fc.constantFrom(0, 0, 0, 2) }), { maxLength: 10 }), fc.boolean(), fc.boolean()),
    );
    fc.assert(
      fc.property(scenario, ([fleet, bookings, rows, backfill, withQuota]) => {
        const now = t(8);
        const queue = rows.map((r, i) => entry(`e${i}`, r.team, (r.len * STEP) / HOUR, { gpuCount: r.gpus, minGpuMemoryGb: r.mem || undefined, notBefore: now + r.later * STEP }));
        const policyOf = withQuota ? () => ({ team: { maxConcurrentGpus: 3 }, user: {} }) : undefined;
        const input = { machines: fleet, bookings, queue, now, horizon: t(200), backfill, policyOf };
        expect(planWaitlistPass(input).placed).toEqual(plainPass(input));
      }),
      { numRuns: 300 },
    );
  });
});

/** The pass as first defined: every entry gets a full placement search, in queue order. */
function plainPass(input: { machines: PlacementMachine[]; bookings: Booking[]; queue: WaitingRequest[]; now: number; horizon: number; backfill: boolean; policyOf?: () => QuotaContext["policy"] }) {
  const { machines, queue, now, horizon, backfill } = input;
  const bookings = [...input.bookings];
  const byMachine = bookingsByMachine(bookings, now);
  const placed: Array<{ entryId: string; placement: Placement; backfilled: boolean }> = [];
  let blocked = false;
  let reservation: number | null = null;
  for (const e of queue) {
    const notBefore = Math.max(now, e.need.notBefore);
    if (blocked && !backfill) continue;
    const latestEnd = blocked && reservation !== null ? Math.min(e.need.latestEnd ?? Infinity, reservation) : e.need.latestEnd;
    const need: Need = { ...e.need, notBefore, latestEnd: latestEnd === Infinity ? undefined : latestEnd };
    const policy = input.policyOf?.();
    const quota = policy && { policy, userId: e.userId, teamId: e.teamId, bookings, now };
    const result = placeByNeed({ machines, bookings: byMachine, need, horizon: blocked ? notBefore : horizon, quota, explain: false });
    if (result.impossible) continue;
    const p = result.placement;
    if (p && p.start === notBefore) {
      const b: Booking = { id: `waitlist:${e.id}`, machineId: p.machineId, gpuIds: p.gpuIds, threads: p.threads, ramGb: p.ramGb, start: p.start, end: p.end, userId: e.userId, teamId: e.teamId };
      bookings.push(b);
      byMachine.set(p.machineId, [...(byMachine.get(p.machineId) ?? []), b]);
      placed.push({ entryId: e.id, placement: p, backfilled: blocked });
      continue;
    }
    if (!blocked) {
      blocked = true;
      reservation = p ? p.start : null;
    }
  }
  return placed;
}
