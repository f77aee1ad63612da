import type { Part } from "@/core/builds/parts";
import type { VendorQuote } from "@/core/builds/premium";
import { SEED_BUILD_ATLAS, SEED_BUILD_PLANNED, SEED_BUILD_ZEUS, SEED_QUOTE_LAMBDA } from "@seed/build-parts";
import { findBuildByName, findMachinesByName, insertBuild, linkMachineToBuild } from "@/server/db/builds";
import type { BuildStatus } from "@/server/db/generated/client";
import type { Db } from "@/server/db/tx";

interface SeedBuild {
  name: string;
  status: BuildStatus;
  notes: string;
  parts: Part[];
  quotes: VendorQuote[];
  /** The machine this build became, linked when the machine exists and has no build yet. */
  machine?: string;
}

const SEED_BUILDS: SeedBuild[] = [
  {
    name: "Zeus (2018 founding build)",
    status: "in_service",
    notes: "Three GTX 1080 Ti instead of renting cloud GPUs. The board cannot take a 4th card.",
    parts: SEED_BUILD_ZEUS,
    quotes: [SEED_QUOTE_LAMBDA],
    machine: "zeus",
  },
  {
    name: "Atlas (4× RTX 4090)",
    status: "in_service",
    notes: "Four 2-slot blower RTX 4090s on a WRX90 board, two 1600 W PSUs.",
    parts: SEED_BUILD_ATLAS,
    quotes: [],
    machine: "atlas",
  },
  {
    name: "Planned 2× RTX 5090",
    status: "planned",
    notes: "Next machine: two RTX 5090 on a non-PRO Threadripper.",
    parts: SEED_BUILD_PLANNED,
    quotes: [],
  },
];

/**
 * The reference builds of prisma/seed/build-parts.ts. Idempotent by name: a build that
 * exists is left as people edited (or unlinked) it; a new build is linked to its machine unless
 * the machine is missing or already runs a build.
 */
export async function seedBuilds(tx: Db, machineIdsByName: Record<string, string>): Promise<{ builds: number; linked: number }> {
  const machines = await findMachinesByName(tx, Object.keys(machineIdsByName));
  let linked = 0;
  for (const seed of SEED_BUILDS) {
    if (await findBuildByName(tx, seed.name)) continue;
    const build = await insertBuild(tx, {
      name: seed.name,
      status: seed.status,
      notes: seed.notes,
      parts: seed.parts.map(({ category, name, quantity, unitPriceMicros, specs }) => ({ category, name, quantity, unitPriceMicros, specs })),
      quotes: seed.quotes,
    });
    const machine = machines.find((m) => seed.machine !== undefined && m.id === machineIdsByName[seed.machine]);
    if (machine && !machine.build && (await linkMachineToBuild(tx, machine.id, build.id))) linked += 1;
  }
  return { builds: SEED_BUILDS.length, linked };
}
