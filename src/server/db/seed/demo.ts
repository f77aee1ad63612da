import { DEMO_ACCOUNTS, DEMO_GROUPS } from "@/server/auth/demo-idp/accounts";
import type { Role } from "@/core/roles";
import type { PrismaClient } from "../generated/client";

function demoRoles(groups: readonly string[]): Role[] {
  const roles: Role[] = [];
  if (groups.includes(DEMO_GROUPS.admin)) roles.push("admin");
  if (groups.includes(DEMO_GROUPS.leadership)) roles.push("leadership");
  return roles.length > 0 ? roles : ["member"];
}

/**
 * Demo data for the out-of-the-box portal: the demo IdP's accounts with their teams. Idempotent:
 * existing rows are left as they are, so what people changed in the demo survives a restart.
 */
export async function seedDemo(prisma: PrismaClient): Promise<{ teams: number; users: number }> {
  return prisma.$transaction(async (tx) => {
    const teamIds = new Map<string, string>();
    for (const name of new Set(DEMO_ACCOUNTS.map((a) => a.team))) {
      const team = await tx.team.upsert({ where: { name }, create: { name }, update: {} });
      teamIds.set(name, team.id);
    }
    for (const account of DEMO_ACCOUNTS) {
      await tx.user.upsert({
        where: { email: account.email },
        create: {
          email: account.email,
          name: account.name,
          teamId: teamIds.get(account.team)!,
          idpRoles: demoRoles(account.groups),
        },
        update: {},
      });
    }
    return { teams: teamIds.size, users: DEMO_ACCOUNTS.length };
  });
}
