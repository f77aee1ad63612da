-- CreateTable
CREATE TABLE "agent_credential" (
    "id" UUID NOT NULL,
    "machine_id" UUID NOT NULL,
    "token_hash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "hostname" TEXT NOT NULL DEFAULT '',
    "agent_version" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revoked_at" TIMESTAMPTZ(3),
    "last_report_at" TIMESTAMPTZ(3),
    "last_sample_at" TIMESTAMPTZ(3),
    "clock_skew_ms" INTEGER,
    "faults" TEXT[] DEFAULT ARRAY[]::TEXT[],

    CONSTRAINT "agent_credential_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "agent_enrollment_code" (
    "id" UUID NOT NULL,
    "machine_id" UUID NOT NULL,
    "code_hash" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "agent_enrollment_code_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "telemetry_sample" (
    "credential_id" UUID NOT NULL,
    "seq" BIGINT NOT NULL,
    "machine_id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "telemetry_sample_pkey" PRIMARY KEY ("credential_id","seq")
);

-- CreateTable
CREATE TABLE "gpu_sample" (
    "gpu_id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "util_pct" SMALLINT,
    "mem_used_mib" INTEGER,
    "power_w" REAL,
    "temp_c" SMALLINT,

    CONSTRAINT "gpu_sample_pkey" PRIMARY KEY ("gpu_id","at")
);

-- CreateTable
CREATE TABLE "gpu_usage_minute" (
    "gpu_id" UUID NOT NULL,
    "start" TIMESTAMPTZ(3) NOT NULL,
    "samples" INTEGER NOT NULL,
    "util_samples" INTEGER NOT NULL,
    "util_sum" INTEGER NOT NULL,
    "util_max" SMALLINT NOT NULL,
    "idle_samples" INTEGER NOT NULL,
    "mem_max_mib" INTEGER NOT NULL,
    "power_sum" REAL NOT NULL,
    "temp_max" SMALLINT NOT NULL,

    CONSTRAINT "gpu_usage_minute_pkey" PRIMARY KEY ("gpu_id","start")
);

-- CreateTable
CREATE TABLE "gpu_usage_hour" (
    "gpu_id" UUID NOT NULL,
    "start" TIMESTAMPTZ(3) NOT NULL,
    "samples" INTEGER NOT NULL,
    "util_samples" INTEGER NOT NULL,
    "util_sum" INTEGER NOT NULL,
    "util_max" SMALLINT NOT NULL,
    "idle_samples" INTEGER NOT NULL,
    "mem_max_mib" INTEGER NOT NULL,
    "power_sum" REAL NOT NULL,
    "temp_max" SMALLINT NOT NULL,

    CONSTRAINT "gpu_usage_hour_pkey" PRIMARY KEY ("gpu_id","start")
);

-- CreateTable
CREATE TABLE "gpu_process_sample" (
    "gpu_id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "pid" INTEGER NOT NULL,
    "uid" BIGINT,
    "linux_user" TEXT,
    "name" TEXT NOT NULL,
    "mem_mib" INTEGER,

    CONSTRAINT "gpu_process_sample_pkey" PRIMARY KEY ("gpu_id","at","pid")
);

-- CreateTable
CREATE TABLE "gpu_process_hour" (
    "gpu_id" UUID NOT NULL,
    "start" TIMESTAMPTZ(3) NOT NULL,
    "who" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "samples" INTEGER NOT NULL,
    "mem_max_mib" INTEGER NOT NULL,

    CONSTRAINT "gpu_process_hour_pkey" PRIMARY KEY ("gpu_id","start","who","name")
);

-- CreateTable
CREATE TABLE "unbooked_use" (
    "id" UUID NOT NULL,
    "machine_id" UUID NOT NULL,
    "gpu_id" UUID NOT NULL,
    "who" TEXT NOT NULL,
    "process_name" TEXT NOT NULL,
    "first_seen_at" TIMESTAMPTZ(3) NOT NULL,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL,
    "sightings" INTEGER NOT NULL,
    "max_mem_mib" INTEGER NOT NULL,
    "ended_at" TIMESTAMPTZ(3),

    CONSTRAINT "unbooked_use_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "agent_credential_token_hash_key" ON "agent_credential"("token_hash");

-- CreateIndex
CREATE INDEX "agent_credential_machine_id_idx" ON "agent_credential"("machine_id");

-- CreateIndex
CREATE UNIQUE INDEX "agent_enrollment_code_code_hash_key" ON "agent_enrollment_code"("code_hash");

-- CreateIndex
CREATE INDEX "agent_enrollment_code_machine_id_idx" ON "agent_enrollment_code"("machine_id");

-- CreateIndex
CREATE INDEX "telemetry_sample_at_idx" ON "telemetry_sample"("at");

-- CreateIndex
CREATE INDEX "gpu_sample_at_idx" ON "gpu_sample"("at");

-- CreateIndex
CREATE INDEX "gpu_usage_minute_start_idx" ON "gpu_usage_minute"("start");

-- CreateIndex
CREATE INDEX "unbooked_use_machine_id_ended_at_idx" ON "unbooked_use"("machine_id", "ended_at");

-- CreateIndex
CREATE INDEX "unbooked_use_first_seen_at_idx" ON "unbooked_use"("first_seen_at");

-- AddForeignKey
ALTER TABLE "agent_credential" ADD CONSTRAINT "agent_credential_machine_id_fkey" FOREIGN KEY ("machine_id") REFERENCES "machine"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agent_enrollment_code" ADD CONSTRAINT "agent_enrollment_code_machine_id_fkey" FOREIGN KEY ("machine_id") REFERENCES "machine"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agent_enrollment_code" ADD CONSTRAINT "agent_enrollment_code_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "unbooked_use" ADD CONSTRAINT "unbooked_use_machine_id_fkey" FOREIGN KEY ("machine_id") REFERENCES "machine"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "unbooked_use" ADD CONSTRAINT "unbooked_use_gpu_id_fkey" FOREIGN KEY ("gpu_id") REFERENCES "gpu"("id") ON DELETE CASCADE ON UPDATE CASCADE;
