import { DEMO_ACCOUNTS, DEMO_GROUPS } from "@/server/auth/demo-idp/accounts";
import type { Role } from "@/core/roles";
import type { PrismaClient } from "@/server/db/generated/client";
import { seedBuilds } from "./builds";
import { seedInventory } from "./inventory";
import { seedPrices } from "./prices";
import { seedSlices } from "./slices";

function demoRoles(groups: readonly string[]): Role[] {
  const roles: Role[] = [];
  if (groups.includes(DEMO_GROUPS.admin)) roles.push("admin");
  if (groups.includes(DEMO_GROUPS.leadership)) roles.push("leadership");
  return roles.length > 0 ? roles : ["member"];
}

/**
 * Demo data for the out-of-the-box portal: the demo IdP's accounts and their colleagues, the
 * machines and their builds, the price catalog and years of slice history. Idempotent: existing
 * rows are left as they are, so what people changed in the demo survives a restart.
 */
export async function seedDemo(prisma: PrismaClient, now: Date) {
  // The history is tens of thousands of rows: more than the default 5 s interactive transaction allows.
  return prisma.$transaction(
    async (tx) => {
      const teamIds = new Map<string, string>();
      for (const name of new Set(DEMO_ACCOUNTS.map((a) => a.team))) {
        const team = await tx.team.upsert({ where: { name }, create: { name }, update: {} });
        teamIds.set(name, team.id);
      }
      for (const account of DEMO_ACCOUNTS) {
        await tx.user.upsert({
          where: { email: account.email },
          create: { email: account.email, name: account.name, teamId: teamIds.get(account.team)!, idpRoles: demoRoles(account.groups) },
          update: {},
        });
      }
      const { machineIds } = await seedInventory(tx);
      const builds = await seedBuilds(tx, machineIds);
      const prices = await seedPrices(tx);
      const slices = await seedSlices(tx, now);
      return { teams: teamIds.size, users: DEMO_ACCOUNTS.length, machines: Object.keys(machineIds).length, ...builds, ...prices, ...slices };
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
}
