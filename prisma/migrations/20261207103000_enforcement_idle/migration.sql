-- Enforcement modes and login profile per machine, idle reclaim on slices, idle policies per fleet and team.
-- CreateEnum
CREATE TYPE "EnforcementMode" AS ENUM ('observe', 'warn', 'enforce');

-- AlterTable
ALTER TABLE "machine" ADD COLUMN     "enforcement_mode" "EnforcementMode" NOT NULL DEFAULT 'observe',
ADD COLUMN     "login_ram_gb" INTEGER NOT NULL DEFAULT 4,
ADD COLUMN     "login_threads" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "slice" ADD COLUMN     "end_reason" TEXT,
ADD COLUMN     "idle_exempt" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "idle_policy" (
    "scope" TEXT NOT NULL,
    "no_show_notify_minutes" INTEGER,
    "no_show_release_minutes" INTEGER,
    "idle_warn_minutes" INTEGER,
    "idle_warn_again_minutes" INTEGER,
    "idle_reclaim_minutes" INTEGER,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "idle_policy_pkey" PRIMARY KEY ("scope")
);
