import { REFERENCE_PRICES, usd } from "@/core/costs/reference-catalog";
import { recordAudit } from "./audit";
import type { PrismaClient } from "./generated/client";

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
      data: REFERENCE_PRICES.map((p) => ({
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
      after: { skus: REFERENCE_PRICES.map((p) => p.sku) },
      reason: "First start: the reference price catalog of PRODUCT.md, loaded as editable defaults",
    });
    return { loaded: REFERENCE_PRICES.length };
  });
}
