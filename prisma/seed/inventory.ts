import type { Db } from "@/server/db/tx";

/** PRODUCT.md "Reference data": VRAM and board power from NVIDIA's specifications. */
const GPU_MODELS = [
  { name: "GTX 1080 Ti", vramGb: 11, boardPowerW: 250 },
  { name: "RTX 3090", vramGb: 24, boardPowerW: 350 },
  { name: "RTX 4090", vramGb: 24, boardPowerW: 450 },
  { name: "RTX 5090", vramGb: 32, boardPowerW: 575 },
] as const;

type ModelName = (typeof GPU_MODELS)[number]["name"];

interface SeedMachine {
  name: string;
  location: string;
  cpuModel: string;
  cores: number;
  threads: number;
  ramGb: number;
  storage: string;
  inServiceAt: Date;
  model: ModelName;
  /** As `nvidia-smi -L` would print them, by index. */
  uuids: string[];
}

/** zeus is PRODUCT.md's founding machine; atlas and hermes came later (their builds: prisma/seed/build-parts.ts). */
const MACHINES: SeedMachine[] = [
  {
    name: "zeus",
    location: "Office server room, rack 1",
    cpuModel: "Intel Core i7-7820X",
    cores: 8,
    threads: 16,
    ramGb: 128,
    storage: "1 TB NVMe SSD + 4 TB HDD",
    inServiceAt: new Date("2018-06-15T00:00:00Z"),
    model: "GTX 1080 Ti",
    uuids: [
      "GPU-3f6c2a1e-8b4d-4e2a-9c71-5d0e8a6b2f14",
      "GPU-a1d94b07-2c6e-4f38-b5a2-7e91c3d0f865",
      "GPU-6e2b8f53-d417-4a9c-8e06-b3c5f1a27d90",
    ],
  },
  {
    name: "atlas",
    location: "Office server room, rack 2",
    cpuModel: "AMD Ryzen Threadripper PRO 7975WX",
    cores: 32,
    threads: 64,
    ramGb: 256,
    storage: "2 × 4 TB NVMe SSD",
    inServiceAt: new Date("2023-03-01T00:00:00Z"),
    model: "RTX 4090",
    uuids: [
      "GPU-0b7e4c92-5a1f-4d63-a8e2-c94f1b6d3e07",
      "GPU-d58a2e16-9f3b-47c0-b1d4-6a2e8c05f9b3",
      "GPU-4c91f7a8-1e6d-4b25-9f03-e7a5d2c8b641",
      "GPU-e2f36b5d-7c80-4a19-8d6e-1b4a9f3c0e72",
    ],
  },
  {
    name: "hermes",
    location: "Lab, 2nd floor",
    cpuModel: "AMD Ryzen 9 5950X",
    cores: 16,
    threads: 32,
    ramGb: 128,
    storage: "2 TB NVMe SSD",
    inServiceAt: new Date("2021-02-01T00:00:00Z"),
    model: "RTX 3090",
    uuids: ["GPU-7a3d9e61-4b2c-4f8e-a05d-92c6e1f4b8a3", "GPU-c6e18b4f-3d7a-4e92-b6f1-0a5d8c2e7b94"],
  },
];

/**
 * Demo inventory: four GPU models and three machines with their GPUs. Idempotent by name: rows
 * that exist are left as they are (what people changed in the demo survives a restart), and a
 * machine's GPUs are only created with the machine. Returns the ids by name for the builds and
 * slice-history seeds.
 */
export async function seedInventory(tx: Db): Promise<{ gpuModelIds: Record<string, string>; machineIds: Record<string, string> }> {
  const gpuModelIds: Record<string, string> = {};
  for (const model of GPU_MODELS) {
    gpuModelIds[model.name] = (await tx.gpuModel.upsert({ where: { name: model.name }, create: model, update: {}, select: { id: true } })).id;
  }
  const machineIds: Record<string, string> = {};
  for (const { model, uuids, ...machine } of MACHINES) {
    const gpuModelId = gpuModelIds[model]!;
    const row = await tx.machine.upsert({
      where: { name: machine.name },
      create: { ...machine, gpus: { create: uuids.map((uuid, index) => ({ index, uuid, gpuModelId })) } },
      update: {},
      select: { id: true },
    });
    machineIds[machine.name] = row.id;
  }
  return { gpuModelIds, machineIds };
}
