/**
 * A token bucket per key: `capacity` requests at once, refilled at `perMinute` a minute. Pure:
 * the caller passes the clock and keeps the state (a Map), so it is tested without waiting. The
 * portal keeps its buckets in PostgreSQL (src/server/db/rate-limit.ts), shared by its processes;
 * this is the specification that store is tested against.
 */
export interface Bucket {
  tokens: number;
  at: number;
}

export interface RateLimit {
  capacity: number;
  perMinute: number;
}

export interface RateDecision {
  allowed: boolean;
  /** Seconds until one more request is allowed (0 when allowed). */
  retryAfterSeconds: number;
  remaining: number;
}

/** Takes `cost` requests at once (a batch of calls costs one per call). */
export function takeToken(state: Map<string, Bucket>, key: string, now: number, limit: RateLimit, cost = 1): RateDecision {
  const previous = state.get(key) ?? { tokens: limit.capacity, at: now };
  const refilled = Math.min(limit.capacity, previous.tokens + (Math.max(0, now - previous.at) / 60_000) * limit.perMinute);
  const at = Math.max(previous.at, now);
  if (refilled >= cost) {
    state.set(key, { tokens: refilled - cost, at });
    return { allowed: true, retryAfterSeconds: 0, remaining: Math.floor(refilled - cost) };
  }
  state.set(key, { tokens: refilled, at });
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(((cost - refilled) / limit.perMinute) * 60)), remaining: 0 };
}
