/**
 * The agent's queue of samples not yet acknowledged by the portal: ordered by sequence number,
 * sent oldest first in batches, trimmed by age and size so a long outage cannot fill the disk.
 */

export interface Queued {
  seq: number;
  /** When the sample was taken, in epoch milliseconds. */
  atMs: number;
}

/** About seven days of samples taken every 10 s (60,480), rounded up. */
export const SPOOL_MAX_SAMPLES = 61_000;
export const SPOOL_MAX_AGE_MS = 7 * 86_400_000;

/** The oldest `max` samples: a resend after an outage replays in order. */
export function nextBatch<T extends Queued>(queue: readonly T[], max: number): T[] {
  return queue.slice(0, max);
}

/** The queue without the samples the portal acknowledged (up to and including `lastSeq`). */
export function acknowledge<T extends Queued>(queue: readonly T[], lastSeq: number): T[] {
  return queue.filter((item) => item.seq > lastSeq);
}

/** Drops samples older than `maxAgeMs` and then the oldest beyond `maxSamples`; says how many went. */
export function trimQueue<T extends Queued>(queue: readonly T[], nowMs: number, limits: { maxAgeMs: number; maxSamples: number } = { maxAgeMs: SPOOL_MAX_AGE_MS, maxSamples: SPOOL_MAX_SAMPLES }): { kept: T[]; dropped: number } {
  const fresh = queue.filter((item) => nowMs - item.atMs <= limits.maxAgeMs);
  const kept = fresh.length > limits.maxSamples ? fresh.slice(fresh.length - limits.maxSamples) : fresh;
  return { kept, dropped: queue.length - kept.length };
}
