import type { RateDecision, RateLimit } from "@/core/rate-limit";
import { queryRows } from "./direct";
import { Prisma } from "./generated/client";
import type { Db } from "./tx";

/**
 * Takes `cost` requests from `subject`'s token bucket, refilled at `limit.perMinute`, in one
 * atomic statement that every portal process shares (a Map per process let each process of a
 * scaled-out portal grant the full burst again). Why PostgreSQL and this shape:
 * - it is already there, and one upsert on a primary key is the cheapest round trip it has; the
 *   table is UNLOGGED, so the write skips the write-ahead log;
 * - `INSERT … ON CONFLICT DO UPDATE` locks only the subject's own row, so a caller hammering the
 *   API queues behind itself and never behind others' rows, and concurrent requests of one
 *   subject cannot both spend the last token;
 * - the SET expressions all see the row as it was, so the refill, the decision and the new level
 *   are computed from one snapshot; `allowed` is stored only because RETURNING sees the new row.
 * The decision uses the caller's clock, as the pure core's takeToken does; a clock that runs
 * behind another process's cannot refill a bucket backwards (GREATEST).
 */
export async function takeFromBucket(client: Db, subject: string, now: Date, limit: RateLimit, cost = 1): Promise<RateDecision> {
  const refilled = Prisma.sql`LEAST(${limit.capacity}::float8, b.tokens + GREATEST(0, EXTRACT(EPOCH FROM ${now}::timestamptz - b.refilled_at)::float8) * ${limit.perMinute / 60}::float8)`;
  const [row] = await queryRows<{ tokens: number; allowed: boolean }>(client, Prisma.sql`
    INSERT INTO rate_limit_bucket AS b (subject, tokens, refilled_at, allowed)
    VALUES (${subject}, ${limit.capacity - cost}::float8, ${now}::timestamptz, ${cost <= limit.capacity})
    ON CONFLICT (subject) DO UPDATE SET
      tokens = CASE WHEN ${refilled} >= ${cost}::float8 THEN ${refilled} - ${cost}::float8 ELSE ${refilled} END,
      allowed = ${refilled} >= ${cost}::float8,
      refilled_at = GREATEST(b.refilled_at, EXCLUDED.refilled_at)
    RETURNING tokens, allowed`);
  const tokens = row!.tokens;
  if (row!.allowed) return { allowed: true, retryAfterSeconds: 0, remaining: Math.floor(tokens) };
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(((cost - tokens) / limit.perMinute) * 60)), remaining: 0 };
}
