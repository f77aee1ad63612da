import type { Db } from "./tx";

/** What the demo's simulated agents need: every active machine's GPUs with who holds each now, and the people. */
export async function findDemoFleet(client: Db, now: Date) {
  const [machines, users] = await Promise.all([
    client.machine.findMany({
      where: { status: "active" },
      orderBy: { name: "asc" },
      select: {
        id: true,
        name: true,
        gpus: {
          orderBy: { index: "asc" },
          select: {
            id: true,
            index: true,
            uuid: true,
            gpuModel: { select: { name: true, vramGb: true, boardPowerW: true } },
            holds: {
              where: { startAt: { lte: now }, endAt: { gt: now }, slice: { status: "approved", OR: [{ releasedAt: null }, { releasedAt: { gt: now } }] } },
              select: { startAt: true, slice: { select: { purpose: true, requester: { select: { linuxUsername: true } } } } },
            },
          },
        },
      },
    }),
    client.user.findMany({ where: { active: true }, orderBy: { linuxUsername: "asc" }, select: { linuxUsername: true, assignedRoles: true, idpRoles: true } }),
  ]);
  return { machines, users };
}
