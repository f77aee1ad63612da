import { takeToken, type Bucket, type RateDecision } from "@/core/rate-limit";

/** Per API token: bursts of 120 requests, refilled at 600 a minute (10 a second). */
export const RATE_LIMIT = { capacity: 120, perMinute: 600 } as const;

// Kept on globalThis so the dev server's module reloads do not hand every token a fresh burst.
// Per process: behind several server processes, each one counts on its own.
const store = globalThis as { rigshareRateBuckets?: Map<string, Bucket> };
const buckets = (store.rigshareRateBuckets ??= new Map());

export function takeRequest(tokenId: string, now: Date): RateDecision {
  return takeToken(buckets, tokenId, now.getTime(), RATE_LIMIT);
}
