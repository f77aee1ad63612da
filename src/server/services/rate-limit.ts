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

/** Takes `calls` requests from the subject's bucket, shared by every portal process. */
export function takeRequests(subject: RateSubject, now: Date, calls = 1): Promise<RateDecision> {
  const limit = "tokenId" in subject ? RATE_LIMIT : SESSION_RATE_LIMIT;
  return read((client) => takeFromBucket(client, subjectKey(subject), now, limit, calls));
}

/** The refusal people and clients see when a bucket is empty. */
export function rateLimited(subject: RateSubject, decision: RateDecision): AppError {
  const limit = "tokenId" in subject ? RATE_LIMIT : SESSION_RATE_LIMIT;
  const who = "tokenId" in subject ? "with this API token" : "from your session";
  return new AppError("RATE_LIMITED", `Too many requests ${who} (${limit.capacity} at once, then ${limit.perMinute} a minute). Retry in ${decision.retryAfterSeconds} s.`, {
    details: { retryAfterSeconds: decision.retryAfterSeconds },
  });
}
