import fc from "fast-check";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { takeToken, type Bucket } from "@/core/rate-limit";
import { createPrismaClient, db } from "./client";
import { takeFromBucket } from "./rate-limit";
import { resetDatabase } from "@test/db/database";

const limit = { capacity: 5, perMinute: 60 };
// A second client on its own connection pool stands for a second portal process.
const otherProcess = createPrismaClient(process.env.DATABASE_URL!);
afterAll(() => otherProcess.$disconnect());
beforeEach(() => resetDatabase());

describe("rate-limit buckets in PostgreSQL", () => {
  it("are shared by every process: two clients together get one burst", async () => {
    const now = new Date();
    const clients = [db(), otherProcess];
    const decisions = [];
    for (let i = 0; i < 8; i++) decisions.push(await takeFromBucket(clients[i % 2]!, "token:a", now, limit));
    expect(decisions.map((d) => d.allowed)).toEqual([true, true, true, true, true, false, false, false]);
    expect(decisions[5]).toEqual({ allowed: false, retryAfterSeconds: 1, remaining: 0 });
    expect((await takeFromBucket(otherProcess, "token:b", now, limit)).allowed).toBe(true);
    expect((await takeFromBucket(db(), "token:a", new Date(now.getTime() + 1000), limit)).allowed).toBe(true);
  });

  it("never lets concurrent requests of several processes spend the same token twice", async () => {
    const now = new Date();
    const all = await Promise.all(Array.from({ length: 40 }, (_, i) => takeFromBucket(i % 2 ? db() : otherProcess, "user:racer", now, { capacity: 10, perMinute: 60 })));
    expect(all.filter((d) => d.allowed)).toHaveLength(10);
  });

  it("charges a batch its number of calls, and refuses a batch larger than what is left", async () => {
    const now = new Date();
    expect(await takeFromBucket(db(), "user:b", now, limit, 3)).toEqual({ allowed: true, retryAfterSeconds: 0, remaining: 2 });
    expect(await takeFromBucket(db(), "user:b", now, limit, 3)).toEqual({ allowed: false, retryAfterSeconds: 1, remaining: 0 });
    expect(await takeFromBucket(db(), "user:b", now, limit, 2)).toEqual({ allowed: true, retryAfterSeconds: 0, remaining: 0 });
  });

  it("decides as the pure token bucket does, for any sequence of requests", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ gapSeconds: fc.integer({ min: 0, max: 4 }), cost: fc.integer({ min: 1, max: 3 }), process: fc.boolean() }), { minLength: 1, maxLength: 25 }), async (steps) => {
        const subject = `token:${crypto.randomUUID()}`;
        const model = new Map<string, Bucket>();
        let now = Date.UTC(2026, 11, 7);
        for (const step of steps) {
          now += step.gapSeconds * 1000;
          const stored = await takeFromBucket(step.process ? otherProcess : db(), subject, new Date(now), limit, step.cost);
          expect(stored).toEqual(takeToken(model, subject, now, limit, step.cost));
        }
      }),
      { numRuns: 15 },
    );
  });
});
