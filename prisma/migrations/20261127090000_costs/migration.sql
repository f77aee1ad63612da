-- CreateEnum
CREATE TYPE "PriceUnit" AS ENUM ('gpu_hour', 'vcpu_hour', 'gb_hour');

-- AlterTable
ALTER TABLE "gpu_model" ADD COLUMN     "cloud_sku" TEXT;

-- AlterTable
ALTER TABLE "machine" ADD COLUMN     "amortization_months" INTEGER NOT NULL DEFAULT 36,
ADD COLUMN     "baseline_watts" INTEGER NOT NULL DEFAULT 100,
ADD COLUMN     "kwh_price_micros" BIGINT NOT NULL DEFAULT 130000,
ADD COLUMN     "maintenance_per_month_micros" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "purchase_price_micros" BIGINT,
ADD COLUMN     "ram_sku" TEXT NOT NULL DEFAULT 'gcp-n1-ram-gb',
ADD COLUMN     "vcpu_sku" TEXT NOT NULL DEFAULT 'gcp-n1-vcpu';

-- CreateTable
CREATE TABLE "price_entry" (
    "id" UUID NOT NULL,
    "provider" TEXT NOT NULL,
    "sku" TEXT NOT NULL,
    "unit" "PriceUnit" NOT NULL,
    "price_micros" BIGINT NOT NULL,
    "effective_from" TIMESTAMPTZ(3) NOT NULL,
    "source_note" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "price_entry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "price_entry_sku_effective_from_key" ON "price_entry"("sku", "effective_from");

-- Written by hand (Prisma's schema cannot express what follows) --------------------------------

ALTER TABLE "price_entry" ADD CONSTRAINT "price_entry_price_valid" CHECK ("price_micros" >= 0);
ALTER TABLE "machine" ADD CONSTRAINT "machine_costs_valid" CHECK (
  "amortization_months" >= 1 AND "baseline_watts" >= 0 AND "kwh_price_micros" >= 0
  AND "maintenance_per_month_micros" >= 0 AND ("purchase_price_micros" IS NULL OR "purchase_price_micros" >= 0));
