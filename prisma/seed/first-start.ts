import { createPrismaClient } from "@/server/db/client";
import { seedDemo } from "./demo";
import { loadReferencePrices } from "@/server/db/reference-prices";

/**
 * The data a start needs: the demo's people, machines and history when the demo IdP runs with
 * demo data; otherwise (a real IdP, or the demo IdP started with --no-demo-data) only the
 * reference price catalog, and only into an empty catalog.
 */
export async function prepareData(databaseUrl: string, options: { demoData: boolean; now: Date }) {
  const prisma = createPrismaClient(databaseUrl);
  try {
    if (options.demoData) return { demoData: true, ...(await seedDemo(prisma, options.now)) };
    return { demoData: false, referencePrices: (await loadReferencePrices(prisma)).loaded };
  } finally {
    await prisma.$disconnect();
  }
}
