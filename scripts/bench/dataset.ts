// The benchmark dataset of issues 5 and 7: 20 people in 3 teams, 3 machines (9 GPUs) and 8 years
// of GPU slices (about 50,000), with the seed's price catalog, in the database at DATABASE_URL.
import { db } from "@/server/db/client";
import { generateHistory } from "@seed/history";
import { seedPrices } from "@seed/prices";
import { insertApproved } from "@seed/slices";
import { transaction } from "@/server/db/tx";

const MACHINES = [
  { name: "zeus", gpus: 3, model: "GTX 1080 Ti", threads: 16, ramGb: 128 },
  { name: "atlas", gpus: 4, model: "RTX 4090", threads: 64, ramGb: 256 },
  { name: "hermes", gpus: 2, model: "RTX 3090", threads: 32, ramGb: 128 },
];

export async function createBenchmarkDataset(now: Date) {
  const inService = new Date(now.getTime() - 8 * 365.25 * 86_400_000);
  const teams = await Promise.all(["Vision", "NLP", "Platform"].map((name) => db().team.create({ data: { name } })));
  const users = await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      db().user.create({ data: { email: `bench${i}@rigshare.test`, name: `Bench User ${i}`, teamId: teams[i % 3]!.id, assignedRoles: i === 0 ? ["admin"] : ["member"] } }),
    ),
  );
  const machines = [];
  for (const m of MACHINES) {
    const model = await db().gpuModel.upsert({ where: { name: m.model }, create: { name: m.model, vramGb: 24, boardPowerW: 300 }, update: {} });
    machines.push(
      await db().machine.create({
        data: {
          name: m.name,
          cpuModel: "Bench CPU",
          cores: m.threads / 2,
          threads: m.threads,
          ramGb: m.ramGb,
          inServiceAt: inService,
          purchasePriceMicros: BigInt(m.gpus) * 2_000_000_000n,
          gpus: { create: Array.from({ length: m.gpus }, (_, index) => ({ index, gpuModelId: model.id })) },
        },
        include: { gpus: { orderBy: { index: "asc" } } },
      }),
    );
  }
  await transaction(async (tx) => {
    await seedPrices(tx);
    // Eight years back predates the A100 price; price every card as a V100, which has a 2018 price.
    await tx.gpuModel.updateMany({ data: { cloudSku: "gcp-v100" } });
  });
  const history = generateHistory({
    machines: machines.map((m) => ({
      id: m.id,
      inServiceAt: m.inServiceAt,
      gpuIds: m.gpus.map((g) => g.id),
      profile: { threads: Math.floor((m.threads - 1) / m.gpus.length), ramGb: Math.floor((m.ramGb - 8) / m.gpus.length) },
    })),
    users: users.map((u) => ({ id: u.id, teamId: u.teamId })),
    until: new Date(now.getTime() - 86_400_000),
    seed: 8,
    meanHoldHours: 8,
    meanGapHours: 4.5,
  });
  // Chunks commit on their own: one transaction over 50,000 inserts would outlast any sane timeout.
  await insertApproved(db(), history, users[0]!.id);
  return { slices: history.length, users, machines, teams };
}
