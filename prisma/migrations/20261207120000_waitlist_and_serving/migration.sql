-- Requests by need wait in a fair-share queue (waitlist_entry); slices have a kind (serving apart
-- from training); teams have a fair share and a quota of concurrent serving GPUs.
-- CreateEnum
CREATE TYPE "SliceKind" AS ENUM ('training', 'interactive', 'serving');

-- CreateEnum
CREATE TYPE "WaitlistStatus" AS ENUM ('waiting', 'placed', 'unmeetable', 'cancelled');

-- AlterTable
ALTER TABLE "quota_policy" ADD COLUMN     "team_max_serving_gpus" INTEGER;

-- AlterTable
ALTER TABLE "slice" ADD COLUMN     "kind" "SliceKind" NOT NULL DEFAULT 'training';

-- AlterTable
ALTER TABLE "team" ADD COLUMN     "fair_share" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "waitlist_entry" (
    "id" UUID NOT NULL,
    "requester_id" UUID NOT NULL,
    "team_id" UUID NOT NULL,
    "gpu_count" INTEGER NOT NULL,
    "min_gpu_memory_gb" INTEGER,
    "gpu_models" TEXT[],
    "threads_per_gpu" INTEGER,
    "ram_gb_per_gpu" INTEGER,
    "duration_minutes" INTEGER NOT NULL,
    "earliest_start" TIMESTAMPTZ(3) NOT NULL,
    "latest_end" TIMESTAMPTZ(3),
    "purpose" TEXT NOT NULL,
    "kind" "SliceKind" NOT NULL DEFAULT 'training',
    "status" "WaitlistStatus" NOT NULL DEFAULT 'waiting',
    "pinned_rank" INTEGER,
    "slice_id" UUID,
    "placed_gpu_ids" UUID[],
    "outcome" TEXT,
    "decided_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "waitlist_entry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "waitlist_entry_slice_id_key" ON "waitlist_entry"("slice_id");

-- CreateIndex
CREATE INDEX "waitlist_entry_status_created_at_idx" ON "waitlist_entry"("status", "created_at");

-- CreateIndex
CREATE INDEX "waitlist_entry_requester_id_status_idx" ON "waitlist_entry"("requester_id", "status");

-- AddForeignKey
ALTER TABLE "waitlist_entry" ADD CONSTRAINT "waitlist_entry_requester_id_fkey" FOREIGN KEY ("requester_id") REFERENCES "user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "waitlist_entry" ADD CONSTRAINT "waitlist_entry_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "team"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "waitlist_entry" ADD CONSTRAINT "waitlist_entry_slice_id_fkey" FOREIGN KEY ("slice_id") REFERENCES "slice"("id") ON DELETE SET NULL ON UPDATE CASCADE;
