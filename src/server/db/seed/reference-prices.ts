import type { PrismaClient } from "../generated/client";
import { recordAudit } from "../audit";
import { SEED_CLOUD_EQUIVALENTS, SEED_PRICES, usd } from "./prices";

/**
 * On a first start with a real IdP the catalog is empty and Savings cannot price a single hour.
 * PRODUCT.md's reference prices go in as editable defaults, marked as such, so savings show as
 * soon as a machine exists; admins then check them on the price catalog page. Only ever into an
 * empty catalog: prices an admin entered or deleted are never touched again.
 */
export async function loadReferencePrices(prisma: PrismaClient): Promise<{ loaded: number }> {
  return prisma.$transaction(async (tx) => {
    // Two instances starting at once must not both load.
    await tx.$executeRaw`LOCK TABLE price_entry IN EXCLUSIVE MODE`;
    if ((await tx.priceEntry.count()) > 0) return { loaded: 0 };
    await tx.priceEntry.createMany({
      data: SEED_PRICES.map((p) => ({
        provider: p.provider,
        sku: p.sku,
        unit: p.unit,
        priceMicros: usd(p.price),
        effectiveFrom: new Date(`${p.from}T00:00:00Z`),
        sourceNote: p.note,
        referenceDefault: true,
      })),
    });
    await recordAudit(tx, {
      actorId: null,
      action: "price.reference-load",
      subjectType: "price",
      subjectId: "catalog",
      after: { skus: SEED_PRICES.map((p) => p.sku) },
      reason: "First start: the reference price catalog of PRODUCT.md, loaded as editable defaults",
    });
    return { loaded: SEED_PRICES.length };
  });
}

/** The reference catalog's cloud equivalent for a GPU model of this name, if it knows the card. */
export function referenceCloudSku(gpuModelName: string): string | null {
  const key = Object.keys(SEED_CLOUD_EQUIVALENTS).find((name) => name.toLowerCase() === gpuModelName.trim().toLowerCase());
  return key ? SEED_CLOUD_EQUIVALENTS[key]! : null;
}
