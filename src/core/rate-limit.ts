/**
 * A token bucket per key: `capacity` requests at once, refilled at `perMinute` a minute. Pure:
 * the caller passes the clock and keeps the state (a Map), so it is tested without waiting.
 */
export interface Bucket {
  tokens: number;
  at: number;
}

export interface RateDecision {
  allowed: boolean;
  /** Seconds until one more request is allowed (0 when allowed). */
  retryAfterSeconds: number;
  remaining: number;
}

export function takeToken(state: Map<string, Bucket>, key: string, now: number, limit: { capacity: number; perMinute: number }): RateDecision {
  const previous = state.get(key) ?? { tokens: limit.capacity, at: now };
  const refilled = Math.min(limit.capacity, previous.tokens + ((now - previous.at) / 60_000) * limit.perMinute);
  if (refilled >= 1) {
    state.set(key, { tokens: refilled - 1, at: now });
    return { allowed: true, retryAfterSeconds: 0, remaining: Math.floor(refilled - 1) };
  }
  state.set(key, { tokens: refilled, at: now });
  return { allowed: false, retryAfterSeconds: Math.ceil(((1 - refilled) / limit.perMinute) * 60), remaining: 0 };
}
