import type { Db } from "../tx";

export const usd = (dollars: string) => {
  const [whole, fraction = ""] = dollars.split(".");
  return BigInt(whole!) * 1_000_000n + BigInt(fraction.padEnd(6, "0").slice(0, 6));
};

/**
 * The reference prices of PRODUCT.md (GCP, mid-2018, per GPU-hour; N1 vCPU and GB-hour) and a
 * current price for the newer machines' cloud equivalent. Effective dates start before the
 * first machine went into service so every held hour has a price.
 */
export const SEED_PRICES = [
  { provider: "GCP", sku: "gcp-k80", unit: "gpu_hour", price: "0.45", from: "2018-01-01", note: "GCP GPU-hour, June 2018 (the founding blog post)" },
  { provider: "GCP", sku: "gcp-p100", unit: "gpu_hour", price: "1.46", from: "2018-01-01", note: "GCP GPU-hour, June 2018 (the founding blog post)" },
  { provider: "GCP", sku: "gcp-v100", unit: "gpu_hour", price: "2.48", from: "2018-01-01", note: "GCP GPU-hour, June 2018 (the founding blog post)" },
  { provider: "GCP", sku: "gcp-tpu-v2", unit: "gpu_hour", price: "6.50", from: "2018-01-01", note: "GCP TPU-hour, June 2018 (the founding blog post)" },
  { provider: "GCP", sku: "gcp-a100-40gb", unit: "gpu_hour", price: "2.933908", from: "2021-01-01", note: "GCP A100 40GB GPU-hour, us-central1 on-demand (a2-highgpu GPU share)" },
  { provider: "GCP", sku: "gcp-n1-vcpu", unit: "vcpu_hour", price: "0.031611", from: "2018-01-01", note: "GCP us-central1 N1 vCPU-hour (also OpenCost configs/default.json)" },
  { provider: "GCP", sku: "gcp-n1-ram-gb", unit: "gb_hour", price: "0.004237", from: "2018-01-01", note: "GCP us-central1 N1 GB-hour (also OpenCost configs/default.json)" },
  { provider: "AWS", sku: "aws-p3.2xlarge", unit: "gpu_hour", price: "3.06", from: "2018-01-01", note: "AWS p3.2xlarge on-demand, 1 V100 with CPU and RAM bundled, 2018" },
] as const;

/** Which catalog SKU prices which card: the founders priced a 1080 Ti as a P100. */
export const SEED_CLOUD_EQUIVALENTS: Record<string, string> = {
  "GTX 1080 Ti": "gcp-p100",
  "RTX 3090": "gcp-v100",
  "RTX 4090": "gcp-a100-40gb",
  "RTX 5090": "gcp-a100-40gb",
};

export async function seedPrices(tx: Db): Promise<{ prices: number }> {
  for (const p of SEED_PRICES) {
    const effectiveFrom = new Date(`${p.from}T00:00:00Z`);
    await tx.priceEntry.upsert({
      where: { sku_effectiveFrom: { sku: p.sku, effectiveFrom } },
      create: { provider: p.provider, sku: p.sku, unit: p.unit, priceMicros: usd(p.price), effectiveFrom, sourceNote: p.note },
      update: {},
    });
  }
  for (const [name, cloudSku] of Object.entries(SEED_CLOUD_EQUIVALENTS)) {
    await tx.gpuModel.updateMany({ where: { name, cloudSku: null }, data: { cloudSku } });
  }
  // hermes was bought as a ready-made workstation, so it has a purchase price instead of a parts list.
  await tx.machine.updateMany({ where: { name: "hermes", buildId: null, purchasePriceMicros: null }, data: { purchasePriceMicros: 4_850_000_000n } });
  return { prices: SEED_PRICES.length };
}
