import { REFERENCE_CLOUD_EQUIVALENTS, REFERENCE_PRICES, usd } from "@/core/costs/reference-catalog";
import type { Db } from "@/server/db/tx";

export async function seedPrices(tx: Db): Promise<{ prices: number }> {
  for (const p of REFERENCE_PRICES) {
    const effectiveFrom = new Date(`${p.from}T00:00:00Z`);
    await tx.priceEntry.upsert({
      where: { sku_effectiveFrom: { sku: p.sku, effectiveFrom } },
      create: { provider: p.provider, sku: p.sku, unit: p.unit, priceMicros: usd(p.price), effectiveFrom, sourceNote: p.note },
      update: {},
    });
  }
  for (const [name, cloudSku] of Object.entries(REFERENCE_CLOUD_EQUIVALENTS)) {
    await tx.gpuModel.updateMany({ where: { name, cloudSku: null }, data: { cloudSku } });
  }
  // hermes was bought as a ready-made workstation, so it has a purchase price instead of a parts list.
  await tx.machine.updateMany({ where: { name: "hermes", buildId: null, purchasePriceMicros: null }, data: { purchasePriceMicros: 4_850_000_000n } });
  return { prices: REFERENCE_PRICES.length };
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
