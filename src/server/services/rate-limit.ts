import { AppError } from "@/core/errors";
import type { RateDecision, RateLimit } from "@/core/rate-limit";
import { takeFromBucket } from "@/server/db/rate-limit";
import { read } from "@/server/db/tx";

/** Per API token: bursts of 120 requests, refilled at 600 a minute (10 a second). */
export const RATE_LIMIT: RateLimit = { capacity: 120, perMinute: 600 };

/**
 * Per signed-in person, over all their browser tabs: the same budget as a token, counted per
 * tRPC call (a batch of 20 calls takes 20), so the web app cannot be used to do what the API
 * refuses. A page load makes a handful of calls; a person clicking never comes close.
 */
export const SESSION_RATE_LIMIT: RateLimit = RATE_LIMIT;

export type RateSubject = { tokenId: string } | { userId: string };

const subjectKey = (subject: RateSubject) => ("tokenId" in subject ? `token:${subject.tokenId}` : `user:${subject.userId}`);

/**
 * Each process takes a subject's tokens from the shared bucket in leases of `calls + LEASE_EXTRA`
 * (one round trip per LEASE_EXTRA + 1 calls instead of one per call) and spends them locally for
 * up to LEASE_MS. A leased token is spent in the bucket already, so all processes together still
 * grant at most the burst plus the refill: a lease only moves where the tokens are counted. What a
 * lease does not use within LEASE_MS is dropped (never returned), which is the safe side. A call
 * that costs more than the lease holds spends the lease and takes the rest from the bucket; near
 * an empty bucket a new lease is refused and the call takes exactly what it still needs.
 */
const LEASE_EXTRA = 9;
const LEASE_MS = 1_000;
/** Leases are dropped wholesale past this many subjects, so idle ones cannot pile up. */
const MAX_LEASES = 10_000;
const leases = new Map<string, { tokens: number; at: number; remaining: number }>();

/** Takes `calls` requests from the subject's bucket, shared by every portal process. */
export async function takeRequests(subject: RateSubject, now: Date, calls = 1): Promise<RateDecision> {
  const limit = "tokenId" in subject ? RATE_LIMIT : SESSION_RATE_LIMIT;
  const key = subjectKey(subject);
  const t = now.getTime();
  const lease = leases.get(key);
  const left = lease && t >= lease.at && t - lease.at < LEASE_MS ? lease.tokens : 0;
  if (lease && left >= calls) {
    lease.tokens -= calls;
    return { allowed: true, retryAfterSeconds: 0, remaining: lease.remaining + lease.tokens };
  }
  // What the lease still holds pays for part of this call; the bucket pays the rest.
  const need = calls - left;
  const want = Math.min(limit.capacity, need + LEASE_EXTRA);
  let taken = await read((client) => takeFromBucket(client, key, now, limit, want));
  let extra = want - need;
  if (!taken.allowed) {
    taken = await read((client) => takeFromBucket(client, key, now, limit, need));
    extra = 0;
    if (!taken.allowed) return taken;
  }
  if (leases.size >= MAX_LEASES) leases.clear();
  leases.set(key, { tokens: extra, at: t, remaining: taken.remaining });
  return { ...taken, remaining: taken.remaining + extra };
}

/** The refusal people and clients see when a bucket is empty. */
export function rateLimited(subject: RateSubject, decision: RateDecision): AppError {
  const limit = "tokenId" in subject ? RATE_LIMIT : SESSION_RATE_LIMIT;
  const who = "tokenId" in subject ? "with this API token" : "from your session";
  return new AppError("RATE_LIMITED", `Too many requests ${who} (${limit.capacity} at once, then ${limit.perMinute} a minute). Retry in ${decision.retryAfterSeconds} s.`, {
    details: { retryAfterSeconds: decision.retryAfterSeconds },
  });
}
