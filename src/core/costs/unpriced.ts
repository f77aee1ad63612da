import type { MachineCostProfile, PriceEntry, PriceUnit } from "./types";

const WHAT: Record<PriceUnit, string> = { "gpu-hour": "GPU-hours", "vcpu-hour": "thread-hours", "gb-hour": "RAM GB-hours" };
const day = (t: number) => new Date(t).toISOString().slice(0, 10);

/**
 * $0 prices for the SKUs machines are billed by but the catalog does not price (at all, or not
 * yet when the machine went into service), each with a warning naming the machine and the SKU.
 * The ledger refuses to price an hour without a rate, so one such SKU used to fail every savings
 * report, even of windows that machine never touched; an import only warns about it, so it is
 * counted as $0 and said, as an unmapped GPU model already is.
 */
export function unpricedSkus(machines: readonly { name: string; profile: MachineCostProfile }[], prices: readonly PriceEntry[]): { placeholders: PriceEntry[]; warnings: string[] } {
  const firstPriced = new Map<string, number>();
  for (const p of prices) firstPriced.set(p.sku, Math.min(firstPriced.get(p.sku) ?? Infinity, p.effectiveFrom));
  const placeholders = new Map<string, PriceEntry>();
  const warnings: string[] = [];
  for (const { name, profile } of machines) {
    const terms: [string, PriceUnit][] = [...new Set(profile.gpus.map((g) => g.cloudSku))].map((sku) => [sku, "gpu-hour"]);
    terms.push([profile.vcpuSku, "vcpu-hour"], [profile.ramSku, "gb-hour"]);
    for (const [sku, unit] of terms) {
      const first = firstPriced.get(sku);
      if (first !== undefined && first <= profile.inService) continue;
      const what = WHAT[unit];
      warnings.push(
        first === undefined
          ? `${name}: SKU ${sku} has no price in the catalog, so its ${what} count as $0 cloud-equivalent. Add a price on the price catalog page.`
          : `${name}: SKU ${sku} has no price before ${day(first)}, so its ${what} before then count as $0 cloud-equivalent.`,
      );
      if (!placeholders.has(sku)) placeholders.set(sku, { sku, provider: "—", unit, priceMicros: 0n, effectiveFrom: Math.min(0, profile.inService) });
    }
  }
  return { placeholders: [...placeholders.values()], warnings };
}
