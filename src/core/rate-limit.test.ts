import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { takeToken, type Bucket } from "./rate-limit";

const limit = { capacity: 3, perMinute: 60 };

describe("takeToken", () => {
  it("allows a burst up to the capacity, then refuses with the wait until the next token", () => {
    const state = new Map<string, Bucket>();
    expect([0, 0, 0].map(() => takeToken(state, "a", 0, limit).allowed)).toEqual([true, true, true]);
    expect(takeToken(state, "a", 0, limit)).toEqual({ allowed: false, retryAfterSeconds: 1, remaining: 0 });
    expect(takeToken(state, "a", 1000, limit).allowed).toBe(true);
  });

  it("keeps keys apart", () => {
    const state = new Map<string, Bucket>();
    for (let i = 0; i < 3; i++) takeToken(state, "a", 0, limit);
    expect(takeToken(state, "b", 0, limit).allowed).toBe(true);
  });

  it("never allows more than capacity + rate x elapsed time", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5_000 }), { minLength: 1, maxLength: 200 }), (gaps) => {
        const state = new Map<string, Bucket>();
        let now = 0;
        let allowed = 0;
        for (const gap of gaps) {
          now += gap;
          if (takeToken(state, "k", now, limit).allowed) allowed++;
        }
        expect(allowed).toBeLessThanOrEqual(limit.capacity + Math.floor((now / 60_000) * limit.perMinute));
      }),
    );
  });
});
