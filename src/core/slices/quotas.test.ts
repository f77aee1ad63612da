import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkQuotas, countsOtherBookings, DEFAULT_QUOTA_POLICY, type QuotaPolicy, type QuotaRequest } from "./quotas";
import { activeMachineWithGpusArb, bookingsArb, t } from "@test/core/slices-arbitraries";
import { at, booking } from "@test/core/slices-fixtures";
import type { Booking } from "./types";

const now = at("2026-11-20T00:00");
const req = (over: Partial<QuotaRequest> = {}): QuotaRequest => ({
  userId: "alice", teamId: "nlp", userName: "Alice Moreau", teamName: "NLP", gpuCount: 1,
  start: at("2026-11-28T08:00"), end: at("2026-11-28T11:00"), ...over,
});
const check = (policy: QuotaPolicy, request: QuotaRequest, bookings: Booking[] = []) => checkQuotas({ policy, request, bookings, now });
const only = (over: Partial<QuotaPolicy["team"] & QuotaPolicy["user"]>): QuotaPolicy => ({
  team: { maxConcurrentGpus: over.maxConcurrentGpus, maxGpuHoursPerMonth: over.maxGpuHoursPerMonth },
  user: { maxSliceHours: over.maxSliceHours, maxDaysAhead: over.maxDaysAhead },
});

describe("DEFAULT_QUOTA_POLICY", () => {
  it("is the documented demo policy", () => {
    expect(DEFAULT_QUOTA_POLICY).toEqual({
      team: { maxConcurrentGpus: 3, maxGpuHoursPerMonth: 1500, maxServingGpus: 1 },
      user: { maxConcurrentGpus: 1, maxSliceHours: 168, maxDaysAhead: 30 },
    });
  });
  it("lets a member book one default slice for a week", () => {
    expect(check(DEFAULT_QUOTA_POLICY, req({ start: at("2026-11-28T00:00"), end: at("2026-12-05T00:00") }))).toEqual([]);
  });
  it("an empty policy limits nothing", () => {
    expect(check({ team: {}, user: {} }, req({ gpuCount: 99, start: at("2030-01-01T00:00"), end: at("2031-01-01T00:00") }))).toEqual([]);
  });
});

describe("concurrent GPUs", () => {
  const bob = booking({ userId: "bob", userName: "Bob Tan", gpuIds: ["a", "b"], start: at("2026-11-28T08:00"), end: at("2026-11-28T12:00") });
  const carol = booking({ userId: "carol", machineId: "hera", gpuIds: ["c", "d"], start: at("2026-11-28T09:00"), end: at("2026-11-28T10:00") });

  it("team: says the limit, the peak, when, and by how much", () => {
    expect(check({ team: { maxConcurrentGpus: 4 }, user: {} }, req(), [bob, carol])).toEqual([
      { quota: "team.maxConcurrentGpus", limit: 4, actual: 5, excess: 1, at: at("2026-11-28T09:00"),
        message: "The NLP team may hold 4 GPUs at once; this request would make 5 at its peak (2026-11-28 09:00 UTC), 1 over." },
    ]);
  });

  it.each<[string, Booking[]]>([
    ["a team booking ending as the request starts does not count (half-open)", [{ ...carol, start: at("2026-11-28T06:00"), end: at("2026-11-28T08:00") }, bob]],
    ["another team's bookings do not count", [bob, { ...carol, teamId: "vision" }]],
    ["the booking being re-checked does not count", [bob, { ...carol, id: "self" }]],
  ])("team: %s", (_name, bookings) => {
    expect(check({ team: { maxConcurrentGpus: 4 }, user: {} }, req({ excludeBookingId: "self" }), bookings)).toEqual([]);
  });

  it("user: counts the user's slices on every machine", () => {
    const own = booking({ machineId: "hera", gpuIds: ["x"], start: at("2026-11-28T10:00"), end: at("2026-11-28T12:00") });
    expect(check({ team: {}, user: { maxConcurrentGpus: 1 } }, req(), [own, bob])).toEqual([
      { quota: "user.maxConcurrentGpus", limit: 1, actual: 2, excess: 1, at: at("2026-11-28T10:00"),
        message: "Alice Moreau may hold 1 GPU at once; this request would make 2 at its peak (2026-11-28 10:00 UTC), 1 over." },
    ]);
  });

  it("user: a request alone can exceed, and unnamed people get neutral wording", () => {
    const [v] = check({ team: { maxConcurrentGpus: 2 }, user: { maxConcurrentGpus: 1 } }, req({ gpuCount: 3, userName: undefined, teamName: undefined }));
    expect(v?.message).toBe("The team may hold 2 GPUs at once; this request would make 3 at its peak (2026-11-28 08:00 UTC), 1 over.");
    expect(check({ team: {}, user: { maxConcurrentGpus: 1 } }, req({ gpuCount: 3, userName: undefined }))[0]?.message).toBe(
      "The requester may hold 1 GPU at once; this request would make 3 at its peak (2026-11-28 08:00 UTC), 2 over.",
    );
  });
});

describe("team GPU-hours per UTC month", () => {
  // November: 2 GPUs x 28 h + 2 GPUs x 12 h (of a booking running into December) = 80 GPU-hours; December: 24.
  const early = booking({ gpuIds: ["a", "b"], start: at("2026-11-10T00:00"), end: at("2026-11-11T04:00") });
  const straddling = booking({ userId: "bob", gpuIds: ["a", "b"], start: at("2026-11-30T12:00"), end: at("2026-12-01T12:00") });
  const october = booking({ gpuIds: ["a", "b", "c"], start: at("2026-10-01T00:00"), end: at("2026-10-31T00:00") });
  const otherTeam = booking({ teamId: "vision", gpuIds: ["a"], start: at("2026-11-01T00:00"), end: at("2026-11-30T00:00") });
  const bookings = [early, straddling, october, otherTeam];
  const policy = only({ maxGpuHoursPerMonth: 100 });

  it("says the month, the total, its parts and the excess", () => {
    expect(check(policy, req({ start: at("2026-11-20T00:00"), end: at("2026-11-21T06:00") }), bookings)).toEqual([
      { quota: "team.maxGpuHoursPerMonth", limit: 100, actual: 110, excess: 10, month: "2026-11",
        message: "The NLP team may use 100 GPU-hours in November 2026; with this request it would use 110 (80 booked + 30 requested), 10 over." },
    ]);
  });

  it("exactly the limit is allowed", () => {
    expect(check(policy, req({ start: at("2026-11-20T00:00"), end: at("2026-11-20T20:00") }), bookings)).toEqual([]);
  });

  it("splits a request across the month boundary and judges each month", () => {
    // November part 24 h (80 + 24 = 104), December part 48 h (24 + 48 = 72).
    expect(check(policy, req({ start: at("2026-11-30T00:00"), end: at("2026-12-03T00:00") }), bookings)).toEqual([
      expect.objectContaining({ quota: "team.maxGpuHoursPerMonth", month: "2026-11", actual: 104, excess: 4 }),
    ]);
    // December part 96 h: 24 + 96 = 120, 20 over; November 104, 4 over.
    const both = check(policy, req({ start: at("2026-11-30T00:00"), end: at("2026-12-05T00:00") }), bookings);
    expect(both.map((v) => [v.month, v.actual, v.excess])).toEqual([["2026-11", 104, 4], ["2026-12", 120, 20]]);
    expect(both[1]?.message).toBe("The NLP team may use 100 GPU-hours in December 2026; with this request it would use 120 (24 booked + 96 requested), 20 over.");
  });

  it("counts GPUs x hours, fractions included", () => {
    const [v] = check(policy, req({ gpuCount: 2, start: at("2026-11-20T00:00"), end: at("2026-11-20T10:15") }), bookings);
    expect(v).toMatchObject({ actual: 100.5, excess: 0.5 });
  });
});

describe("per-user slice length and booking horizon", () => {
  it.each<[string, QuotaPolicy, Partial<QuotaRequest>, object[]]>([
    ["168 h exactly is allowed", only({ maxSliceHours: 168 }), { start: at("2026-11-28T00:00"), end: at("2026-12-05T00:00") }, []],
    ["200 h is 32 over", only({ maxSliceHours: 168 }), { start: at("2026-11-28T00:00"), end: at("2026-12-06T08:00") },
      [{ quota: "user.maxSliceHours", limit: 168, actual: 200, excess: 32, message: "A slice may last at most 168 hours; this one lasts 200 hours, 32 over." }]],
    ["30 days ahead exactly is allowed", only({ maxDaysAhead: 30 }), { start: at("2026-12-20T00:00"), end: at("2026-12-20T01:00") }, []],
    ["32.5 days ahead is 2.5 over", only({ maxDaysAhead: 30 }), { start: at("2026-12-22T12:00"), end: at("2026-12-22T13:00") },
      [{ quota: "user.maxDaysAhead", limit: 30, actual: 32.5, excess: 2.5, message: "A slice may start at most 30 days ahead; this one starts 32.5 days ahead (2026-12-22 12:00 UTC), 2.5 over." }]],
  ])("%s", (_name, policy, over, expected) => expect(check(policy, req(over))).toEqual(expected));
});

describe("concurrency property", () => {
  it("matches a naive peak over every instant where load can rise", () => {
    const input = activeMachineWithGpusArb.chain((m) =>
      fc.record({ bookings: bookingsArb(m, 15), start: fc.integer({ min: 0, max: 100 }), len: fc.integer({ min: 1, max: 30 }), gpuCount: fc.integer({ min: 1, max: 3 }), limit: fc.integer({ min: 0, max: 6 }) }),
    );
    fc.assert(
      fc.property(input, ({ bookings, start, len, gpuCount, limit }) => {
        const request = { userId: "u1", teamId: "t1", gpuCount, start: t(start), end: t(start + len) };
        const got = checkQuotas({ policy: { team: {}, user: { maxConcurrentGpus: limit } }, request, bookings, now: t(0) });
        const mine = bookings.filter((b) => b.userId === "u1");
        const instants = [request.start, ...mine.map((b) => b.start)].filter((x) => x >= request.start && x < request.end);
        const naive = Math.max(...instants.map((x) => mine.filter((b) => b.start <= x && x < b.end).reduce((s, b) => s + b.gpuIds.length, 0))) + gpuCount;
        expect(got.map((v) => v.actual)).toEqual(naive > limit ? [naive] : []);
      }),
      { numRuns: 200 },
    );
  });
});

describe("the serving quota", () => {
  const serving = (over: Partial<Booking> = {}) => booking({ start: at("2026-11-28T00:00"), end: at("2026-12-28T00:00"), kind: "serving", teamId: "nlp", ...over });
  it("counts only the team's serving slices, and only for a serving request", () => {
    const policy = { team: { maxServingGpus: 1 }, user: {} };
    const request = { userId: "bob", teamId: "nlp", gpuCount: 1, start: at("2026-12-01T00:00"), end: at("2026-12-02T00:00") };
    const bookings = [serving(), booking({ start: at("2026-12-01T00:00"), end: at("2026-12-02T00:00"), teamId: "nlp", gpuIds: ["g2"] })];
    expect(checkQuotas({ policy, request: { ...request, kind: "serving" }, bookings, now: at("2026-11-30T00:00") })).toMatchObject([
      { quota: "team.maxServingGpus", limit: 1, actual: 2, excess: 1, message: expect.stringContaining("may hold 1 serving GPU at once") },
    ]);
    expect(checkQuotas({ policy, request, bookings, now: at("2026-11-30T00:00") })).toEqual([]);
  });
  it("a serving slice is not bound by the slice length; every other quota still applies", () => {
    const policy = { team: { maxServingGpus: 1, maxConcurrentGpus: 1 }, user: { maxSliceHours: 168, maxDaysAhead: 30 } };
    const month = { userId: "bob", teamId: "nlp", gpuCount: 2, start: at("2026-12-01T00:00"), end: at("2026-12-31T00:00") };
    const quotas = (kind: "serving" | "training") => checkQuotas({ policy, request: { ...month, kind }, bookings: [], now: at("2026-11-30T00:00") }).map((v) => v.quota);
    expect(quotas("serving")).toEqual(["team.maxConcurrentGpus", "team.maxServingGpus"]);
    expect(quotas("training")).toEqual(["team.maxConcurrentGpus", "user.maxSliceHours"]);
  });
});

describe("countsOtherBookings", () => {
  it.each<[string, QuotaPolicy, boolean]>([
    ["no limits", { team: {}, user: {} }, false],
    ["slice length and horizon only", { team: {}, user: { maxSliceHours: 168, maxDaysAhead: 30 } }, false],
    ["team GPUs at once", { team: { maxConcurrentGpus: 3 }, user: {} }, true],
    ["team GPU-hours a month", { team: { maxGpuHoursPerMonth: 1500 }, user: {} }, true],
    ["team serving GPUs", { team: { maxServingGpus: 1 }, user: {} }, true],
    ["user GPUs at once", { team: {}, user: { maxConcurrentGpus: 1 } }, true],
    ["the built-in defaults", DEFAULT_QUOTA_POLICY, true],
  ])("%s: %s", (_name, policy, expected) => expect(countsOtherBookings(policy)).toBe(expected));

  it("when false, the other bookings never change the verdict", () => {
    const policyArb = fc.record({ maxSliceHours: fc.option(fc.integer({ min: 1, max: 20 }), { nil: undefined }), maxDaysAhead: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }) });
    const input = activeMachineWithGpusArb.chain((m) =>
      fc.record({ user: policyArb, bookings: bookingsArb(m, 15), start: fc.integer({ min: 0, max: 100 }), len: fc.integer({ min: 1, max: 60 }), gpuCount: fc.integer({ min: 1, max: 3 }), kind: fc.constantFrom("training" as const, "serving" as const) }),
    );
    fc.assert(
      fc.property(input, ({ user, bookings, start, len, gpuCount, kind }) => {
        const policy: QuotaPolicy = { team: {}, user };
        expect(countsOtherBookings(policy)).toBe(false);
        const request = { userId: "u1", teamId: "t1", gpuCount, start: t(start), end: t(start + len), kind };
        expect(checkQuotas({ policy, request, bookings, now: t(0) })).toEqual(checkQuotas({ policy, request, bookings: [], now: t(0) }));
      }),
      { numRuns: 200 },
    );
  });
});
