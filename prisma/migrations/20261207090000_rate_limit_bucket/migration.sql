-- Rate-limit token buckets, shared by every portal process: one row per API token or signed-in
-- person, updated by one atomic upsert per request (src/server/db/rate-limit.ts). UNLOGGED: the
-- buckets are worth nothing after a crash (everyone starts with a full bucket), and skipping the
-- write-ahead log keeps that upsert cheap.
-- CreateTable
CREATE UNLOGGED TABLE "rate_limit_bucket" (
    "subject" TEXT NOT NULL,
    "tokens" DOUBLE PRECISION NOT NULL,
    "refilled_at" TIMESTAMPTZ(3) NOT NULL,
    "allowed" BOOLEAN NOT NULL,

    CONSTRAINT "rate_limit_bucket_pkey" PRIMARY KEY ("subject")
);
