import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nextRenewalAt, SERVING_RENEWAL_PERIOD_MS, SERVING_RENEWAL_WINDOW_MS, servingRenewal, type RenewableSlice } from "./renewal";
import { SLICE_KINDS } from "./kinds";
import { SLICE_STATUSES } from "./lifecycle";
import { at } from "@test/core/slices-fixtures";

const end = at("2026-12-31T12:00");
const serving = (over: Partial<RenewableSlice> = {}): RenewableSlice => ({ kind: "serving", status: "approved", end, releasedAt: null, ...over });

describe("servingRenewal", () => {
  it.each([
    ["a week before the end: due, one period later", serving(), at("2026-12-24T12:00"), { due: true, newEnd: at("2027-01-30T12:00") }],
    ["an hour before the end: due", serving(), at("2026-12-31T11:00"), { due: true, newEnd: at("2027-01-30T12:00") }],
    ["a millisecond over a week before: not yet", serving(), at("2026-12-24T12:00") - 1, { due: false, reason: "not-yet" }],
    ["at the end: over, never renewed into the past", serving(), end, { due: false, reason: "ended" }],
    ["released: never", serving({ releasedAt: at("2026-12-20T00:00") }), at("2026-12-30T00:00"), { due: false, reason: "released" }],
    ["released later than now still counts as released", serving({ releasedAt: end }), at("2026-12-30T00:00"), { due: false, reason: "released" }],
    ["training slices are not renewed", serving({ kind: "training" }), at("2026-12-30T00:00"), { due: false, reason: "not-serving" }],
    ["interactive slices are not renewed", serving({ kind: "interactive" }), at("2026-12-30T00:00"), { due: false, reason: "not-serving" }],
    ["a pending request is not renewed", serving({ status: "pending" }), at("2026-12-30T00:00"), { due: false, reason: "not-approved" }],
    ["a cancelled slice is not renewed", serving({ status: "cancelled" }), at("2026-12-30T00:00"), { due: false, reason: "not-approved" }],
  ])("%s", (_, slice, now, expected) => {
    expect(servingRenewal(slice, now)).toEqual(expected);
  });

  it("a month is 30 days and the window 7", () => {
    expect(SERVING_RENEWAL_PERIOD_MS).toBe(30 * 86_400_000);
    expect(SERVING_RENEWAL_WINDOW_MS).toBe(7 * 86_400_000);
  });

  const sliceArb = fc.record({
    kind: fc.constantFrom(...SLICE_KINDS),
    status: fc.constantFrom(...SLICE_STATUSES),
    end: fc.integer({ min: at("2026-01-01T00:00"), max: at("2028-01-01T00:00") }),
    releasedAt: fc.option(fc.integer({ min: at("2026-01-01T00:00"), max: at("2028-01-01T00:00") }), { nil: null }),
  });
  const nowArb = (s: RenewableSlice) => fc.integer({ min: s.end - 2 * SERVING_RENEWAL_PERIOD_MS, max: s.end + SERVING_RENEWAL_WINDOW_MS });

  it("never shortens, extends by exactly the period, and is due only for approved unreleased serving slices within the window", () => {
    fc.assert(
      fc.property(sliceArb.chain((s) => fc.tuple(fc.constant(s), nowArb(s))), ([slice, now]) => {
        const decision = servingRenewal(slice, now);
        const eligible = slice.kind === "serving" && slice.status === "approved" && slice.releasedAt === null;
        const inWindow = now < slice.end && slice.end - now <= SERVING_RENEWAL_WINDOW_MS;
        expect(decision.due).toBe(eligible && inWindow);
        if (decision.due) {
          expect(decision.newEnd).toBeGreaterThan(slice.end);
          expect(decision.newEnd - slice.end).toBe(SERVING_RENEWAL_PERIOD_MS);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("renewing at once is idempotent: once renewed, the slice is not due again until its new window", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: SERVING_RENEWAL_WINDOW_MS }), (left) => {
        const now = end - left;
        const first = servingRenewal(serving(), now);
        if (!first.due) throw new Error("due within the window");
        expect(servingRenewal(serving({ end: first.newEnd }), now)).toEqual({ due: false, reason: "not-yet" });
      }),
    );
  });
});

describe("nextRenewalAt", () => {
  it("is the start of the window before the end, or now once within it", () => {
    expect(nextRenewalAt(serving(), at("2026-12-01T00:00"))).toBe(at("2026-12-24T12:00"));
    expect(nextRenewalAt(serving(), at("2026-12-30T00:00"))).toBe(at("2026-12-30T00:00"));
  });
  it("is null when the slice is never renewed", () => {
    const now = at("2026-12-01T00:00");
    expect(nextRenewalAt(serving({ kind: "training" }), now)).toBeNull();
    expect(nextRenewalAt(serving({ releasedAt: now }), now)).toBeNull();
    expect(nextRenewalAt(serving({ status: "pending" }), now)).toBeNull();
    expect(nextRenewalAt(serving(), end)).toBeNull();
  });
  it("agrees with servingRenewal: due exactly from the instant it names", () => {
    fc.assert(
      fc.property(fc.integer({ min: end - 2 * SERVING_RENEWAL_PERIOD_MS, max: end - 1 }), (now) => {
        const next = nextRenewalAt(serving(), now)!;
        expect(servingRenewal(serving(), next).due).toBe(true);
        expect(servingRenewal(serving(), now).due).toBe(next === now);
      }),
    );
  });
});
