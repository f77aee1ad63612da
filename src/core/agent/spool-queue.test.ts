import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { acknowledge, nextBatch, trimQueue } from "./spool-queue";

const queueOf = (n: number, startMs = 0) => Array.from({ length: n }, (_, i) => ({ seq: i + 1, atMs: startMs + i * 10_000 }));

describe("the agent's sample queue", () => {
  it("sends the oldest first and forgets only what was acknowledged", () => {
    const queue = queueOf(10);
    expect(nextBatch(queue, 3).map((q) => q.seq)).toEqual([1, 2, 3]);
    expect(acknowledge(queue, 3).map((q) => q.seq)).toEqual([4, 5, 6, 7, 8, 9, 10]);
  });

  it("drops what is older than the limit, then the oldest beyond the size cap", () => {
    const queue = queueOf(10);
    expect(trimQueue(queue, 95_000, { maxAgeMs: 50_000, maxSamples: 100 })).toMatchObject({ dropped: 5 });
    const capped = trimQueue(queue, 90_000, { maxAgeMs: 1e9, maxSamples: 4 });
    expect(capped.kept.map((q) => q.seq)).toEqual([7, 8, 9, 10]);
    expect(capped.dropped).toBe(6);
  });

  it("replaying batch by batch sends every sample exactly once, in order (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 1, max: 50 }), (n, size) => {
        let queue = queueOf(n);
        const sent: number[] = [];
        while (queue.length) {
          const batch = nextBatch(queue, size);
          sent.push(...batch.map((q) => q.seq));
          queue = acknowledge(queue, batch.at(-1)!.seq);
        }
        expect(sent).toEqual(queueOf(n).map((q) => q.seq));
      }),
    );
  });
});
