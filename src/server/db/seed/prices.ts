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

/**
 * A later price for a SKU already in the catalog, entered by an admin a few weeks ago, so the
 * catalog and the audit log show what a price change looks like. No demo GPU model is priced as
 * a K80, so the demo's savings do not move.
 */
export const DEMO_PRICE_CHANGE = { provider: "GCP", sku: "gcp-k80", unit: "gpu_hour", price: "0.35", note: "Demo entry: a later list price for the same SKU" } as const;

/** The demo's price change (from the first of the month after a month ago) and the admin's audit entry for it; null when it is there. */
export async function seedPriceChange(tx: Db, adminId: string | null, now: Date) {
  const p = DEMO_PRICE_CHANGE;
  const monthAgo = new Date(now.getTime() - 30 * 86_400_000);
  const effectiveFrom = new Date(Date.UTC(monthAgo.getUTCFullYear(), monthAgo.getUTCMonth() + 1, 1));
  if (await tx.priceEntry.findUnique({ where: { sku_effectiveFrom: { sku: p.sku, effectiveFrom } } })) return null;
  const entry = await tx.priceEntry.create({ data: { provider: p.provider, sku: p.sku, unit: p.unit, priceMicros: usd(p.price), effectiveFrom, sourceNote: p.note } });
  const after = { provider: p.provider, sku: p.sku, unit: p.unit, priceMicros: entry.priceMicros.toString(), effectiveFrom: effectiveFrom.toISOString(), sourceNote: p.note };
  const enteredAt = new Date(effectiveFrom.getTime() - 9 * 86_400_000 + 10.4 * 3_600_000);
  return { at: enteredAt, actorId: adminId, action: "price.add", subjectType: "price", subjectId: entry.id, before: null, after, reason: null };
}
