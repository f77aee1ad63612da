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

describe("takeToken with a cost", () => {
  it("takes a batch's calls at once, or none of them", () => {
    const state = new Map<string, Bucket>();
    expect(takeToken(state, "a", 0, limit, 2)).toEqual({ allowed: true, retryAfterSeconds: 0, remaining: 1 });
    expect(takeToken(state, "a", 0, limit, 2)).toEqual({ allowed: false, retryAfterSeconds: 1, remaining: 0 });
    expect(takeToken(state, "a", 0, limit, 1)).toEqual({ allowed: true, retryAfterSeconds: 0, remaining: 0 });
    expect(takeToken(state, "a", 0, limit, 3)).toEqual({ allowed: false, retryAfterSeconds: 3, remaining: 0 });
  });

  it("does not refill backwards when a clock runs behind", () => {
    const state = new Map<string, Bucket>();
    for (let i = 0; i < 3; i++) takeToken(state, "a", 10_000, limit);
    expect(takeToken(state, "a", 5_000, limit).allowed).toBe(false);
    expect(takeToken(state, "a", 11_000, limit).allowed).toBe(true);
  });
});
