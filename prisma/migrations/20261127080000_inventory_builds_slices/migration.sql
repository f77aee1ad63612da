-- CreateEnum
CREATE TYPE "MachineStatus" AS ENUM ('active', 'maintenance', 'retired');

-- CreateEnum
CREATE TYPE "BuildStatus" AS ENUM ('planned', 'ordered', 'in_service');

-- CreateEnum
CREATE TYPE "PartCategory" AS ENUM ('cpu', 'motherboard', 'gpu', 'ram', 'storage', 'psu', 'case', 'cooler', 'other');

-- CreateEnum
CREATE TYPE "SliceStatus" AS ENUM ('pending', 'approved', 'rejected', 'cancelled');

-- CreateEnum
CREATE TYPE "ExtensionStatus" AS ENUM ('pending', 'approved', 'rejected', 'cancelled');

-- CreateTable
CREATE TABLE "gpu_model" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "vram_gb" INTEGER NOT NULL,
    "board_power_w" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "gpu_model_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "machine" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "location" TEXT NOT NULL DEFAULT '',
    "status" "MachineStatus" NOT NULL DEFAULT 'active',
    "cpu_model" TEXT NOT NULL,
    "cores" INTEGER NOT NULL,
    "threads" INTEGER NOT NULL,
    "ram_gb" INTEGER NOT NULL,
    "storage" TEXT NOT NULL DEFAULT '',
    "in_service_at" TIMESTAMPTZ(3) NOT NULL,
    "retired_at" TIMESTAMPTZ(3),
    "reserved_threads" INTEGER NOT NULL DEFAULT 1,
    "reserved_ram_gb" INTEGER NOT NULL DEFAULT 8,
    "build_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "machine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "gpu" (
    "id" UUID NOT NULL,
    "machine_id" UUID NOT NULL,
    "index" INTEGER NOT NULL,
    "uuid" TEXT,
    "gpu_model_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "gpu_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "build" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "status" "BuildStatus" NOT NULL DEFAULT 'planned',
    "notes" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "build_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "build_part" (
    "id" UUID NOT NULL,
    "build_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "category" "PartCategory" NOT NULL,
    "name" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "unit_price_micros" BIGINT NOT NULL,
    "specs" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "build_part_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "vendor_quote" (
    "id" UUID NOT NULL,
    "build_id" UUID NOT NULL,
    "vendor" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "price_micros" BIGINT NOT NULL,
    "quoted_at" TIMESTAMPTZ(3),

    CONSTRAINT "vendor_quote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "quota_policy" (
    "scope" TEXT NOT NULL,
    "team_max_concurrent_gpus" INTEGER,
    "team_max_gpu_hours_per_month" INTEGER,
    "user_max_concurrent_gpus" INTEGER,
    "user_max_slice_hours" INTEGER,
    "user_max_days_ahead" INTEGER,
    "auto_approve" BOOLEAN,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "quota_policy_pkey" PRIMARY KEY ("scope")
);

-- CreateTable
CREATE TABLE "slice" (
    "id" UUID NOT NULL,
    "machine_id" UUID NOT NULL,
    "requester_id" UUID NOT NULL,
    "team_id" UUID NOT NULL,
    "gpu_count" INTEGER NOT NULL,
    "threads" INTEGER NOT NULL,
    "ram_gb" INTEGER NOT NULL,
    "start_at" TIMESTAMPTZ(3) NOT NULL,
    "end_at" TIMESTAMPTZ(3) NOT NULL,
    "purpose" TEXT NOT NULL,
    "status" "SliceStatus" NOT NULL DEFAULT 'pending',
    "released_at" TIMESTAMPTZ(3),
    "decided_by_id" UUID,
    "decided_at" TIMESTAMPTZ(3),
    "decision_reason" TEXT,
    "override_reason" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "slice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "slice_gpu" (
    "slice_id" UUID NOT NULL,
    "gpu_id" UUID NOT NULL,
    "start_at" TIMESTAMPTZ(3) NOT NULL,
    "end_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "slice_gpu_pkey" PRIMARY KEY ("slice_id","gpu_id")
);

-- CreateTable
CREATE TABLE "slice_extension" (
    "id" UUID NOT NULL,
    "slice_id" UUID NOT NULL,
    "requested_end_at" TIMESTAMPTZ(3) NOT NULL,
    "reason" TEXT NOT NULL,
    "status" "ExtensionStatus" NOT NULL DEFAULT 'pending',
    "decided_by_id" UUID,
    "decided_at" TIMESTAMPTZ(3),
    "decision_reason" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "slice_extension_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "gpu_model_name_key" ON "gpu_model"("name");

-- CreateIndex
CREATE UNIQUE INDEX "machine_name_key" ON "machine"("name");

-- CreateIndex
CREATE UNIQUE INDEX "machine_build_id_key" ON "machine"("build_id");

-- CreateIndex
CREATE UNIQUE INDEX "gpu_uuid_key" ON "gpu"("uuid");

-- CreateIndex
CREATE UNIQUE INDEX "gpu_machine_id_index_key" ON "gpu"("machine_id", "index");

-- CreateIndex
CREATE UNIQUE INDEX "build_name_key" ON "build"("name");

-- CreateIndex
CREATE INDEX "build_part_build_id_position_idx" ON "build_part"("build_id", "position");

-- CreateIndex
CREATE INDEX "vendor_quote_build_id_idx" ON "vendor_quote"("build_id");

-- CreateIndex
CREATE INDEX "slice_machine_id_status_start_at_idx" ON "slice"("machine_id", "status", "start_at");

-- CreateIndex
CREATE INDEX "slice_requester_id_status_idx" ON "slice"("requester_id", "status");

-- CreateIndex
CREATE INDEX "slice_team_id_status_start_at_idx" ON "slice"("team_id", "status", "start_at");

-- CreateIndex
CREATE INDEX "slice_status_end_at_idx" ON "slice"("status", "end_at");

-- CreateIndex
CREATE INDEX "slice_gpu_gpu_id_start_at_idx" ON "slice_gpu"("gpu_id", "start_at");

-- CreateIndex
CREATE INDEX "slice_extension_slice_id_status_idx" ON "slice_extension"("slice_id", "status");

-- CreateIndex
CREATE INDEX "slice_extension_status_idx" ON "slice_extension"("status");

-- AddForeignKey
ALTER TABLE "machine" ADD CONSTRAINT "machine_build_id_fkey" FOREIGN KEY ("build_id") REFERENCES "build"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "gpu" ADD CONSTRAINT "gpu_machine_id_fkey" FOREIGN KEY ("machine_id") REFERENCES "machine"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "gpu" ADD CONSTRAINT "gpu_gpu_model_id_fkey" FOREIGN KEY ("gpu_model_id") REFERENCES "gpu_model"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "build_part" ADD CONSTRAINT "build_part_build_id_fkey" FOREIGN KEY ("build_id") REFERENCES "build"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "vendor_quote" ADD CONSTRAINT "vendor_quote_build_id_fkey" FOREIGN KEY ("build_id") REFERENCES "build"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "slice" ADD CONSTRAINT "slice_machine_id_fkey" FOREIGN KEY ("machine_id") REFERENCES "machine"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "slice" ADD CONSTRAINT "slice_requester_id_fkey" FOREIGN KEY ("requester_id") REFERENCES "user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "slice" ADD CONSTRAINT "slice_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "team"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "slice" ADD CONSTRAINT "slice_decided_by_id_fkey" FOREIGN KEY ("decided_by_id") REFERENCES "user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "slice_gpu" ADD CONSTRAINT "slice_gpu_slice_id_fkey" FOREIGN KEY ("slice_id") REFERENCES "slice"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "slice_gpu" ADD CONSTRAINT "slice_gpu_gpu_id_fkey" FOREIGN KEY ("gpu_id") REFERENCES "gpu"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "slice_extension" ADD CONSTRAINT "slice_extension_slice_id_fkey" FOREIGN KEY ("slice_id") REFERENCES "slice"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "slice_extension" ADD CONSTRAINT "slice_extension_decided_by_id_fkey" FOREIGN KEY ("decided_by_id") REFERENCES "user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Written by hand (Prisma's schema cannot express what follows) --------------------------------

-- Invariant 1 of PRODUCT.md, enforced by the database itself: one GPU is never held by two
-- approved slices whose windows overlap. Windows are half-open, so back-to-back holds are fine.
ALTER TABLE "slice_gpu" ADD CONSTRAINT "slice_gpu_no_double_booking"
  EXCLUDE USING gist ("gpu_id" WITH =, tstzrange("start_at", "end_at", '[)') WITH &&);

-- Last lines of defence behind the application's validation.
ALTER TABLE "slice_gpu" ADD CONSTRAINT "slice_gpu_window_valid" CHECK ("end_at" > "start_at");
ALTER TABLE "slice" ADD CONSTRAINT "slice_window_valid" CHECK ("end_at" > "start_at");
ALTER TABLE "slice" ADD CONSTRAINT "slice_amounts_valid" CHECK ("gpu_count" >= 1 AND "threads" >= 0 AND "ram_gb" >= 0);
ALTER TABLE "machine" ADD CONSTRAINT "machine_specs_valid" CHECK (
  "cores" >= 1 AND "threads" >= "cores" AND "ram_gb" >= 1
  AND "reserved_threads" >= 0 AND "reserved_threads" < "threads"
  AND "reserved_ram_gb" >= 0 AND "reserved_ram_gb" < "ram_gb");
ALTER TABLE "gpu" ADD CONSTRAINT "gpu_index_valid" CHECK ("index" >= 0);
ALTER TABLE "gpu_model" ADD CONSTRAINT "gpu_model_specs_valid" CHECK ("vram_gb" >= 1 AND "board_power_w" >= 1);
ALTER TABLE "build_part" ADD CONSTRAINT "build_part_amounts_valid" CHECK ("quantity" >= 0 AND "unit_price_micros" >= 0);
ALTER TABLE "vendor_quote" ADD CONSTRAINT "vendor_quote_price_valid" CHECK ("price_micros" >= 0);
