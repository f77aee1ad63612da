import type { MachineCostValues, NewPrice } from "@/contracts/savings";
import type { BuildRecord, PartRecord, QuoteRecord } from "@/core/transfer/records";
import type { Prisma, Slice, SliceGpu, User } from "./generated/client";
import type { GpuModelData } from "./gpu-models";
import type { MachineData } from "./machines";
import type { Db } from "./tx";

/**
 * Database access of inventory import and export. An import runs in one transaction that first
 * locks every team, then every machine (the order slice decisions use), so no request, approval
 * or edit interleaves with it.
 */
export async function lockForImport(tx: Db): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "team" ORDER BY id FOR UPDATE`;
  await tx.$queryRaw`SELECT id FROM "machine" ORDER BY id FOR UPDATE`;
}

const sliceColumns = {
  id: true,
  status: true,
  gpuCount: true,
  threads: true,
  ramGb: true,
  startAt: true,
  endAt: true,
  releasedAt: true,
  purpose: true,
  decidedAt: true,
  decisionReason: true,
  overrideReason: true,
  machine: { select: { name: true } },
  requester: { select: { email: true } },
  team: { select: { name: true } },
  decidedBy: { select: { email: true } },
  gpus: { select: { gpu: { select: { index: true } } } },
} satisfies Prisma.SliceSelect;

/** Everything an export holds, with ids. One query after the other: inside a transaction they share one connection. */
export async function findInventoryRows(client: Db) {
  const teams = await client.team.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } });
  const users = await client.user.findMany({ select: { id: true, email: true, name: true, assignedRoles: true, active: true, linuxUsername: true, team: { select: { name: true } } }, orderBy: { email: "asc" } });
  const gpuModels = await client.gpuModel.findMany({ select: { id: true, name: true, vramGb: true, boardPowerW: true, cloudSku: true }, orderBy: { name: "asc" } });
  const prices = await client.priceEntry.findMany({ orderBy: [{ sku: "asc" }, { effectiveFrom: "asc" }] });
  const builds = await client.build.findMany({ include: { parts: { orderBy: { position: "asc" } }, quotes: true }, orderBy: { name: "asc" } });
  const machines = await client.machine.findMany({
    include: { gpus: { select: { id: true, index: true, uuid: true, gpuModel: { select: { name: true } } }, orderBy: { index: "asc" } }, build: { select: { name: true } } },
    orderBy: { name: "asc" },
  });
  const quotas = await client.quotaPolicy.findMany();
  const slices = await client.slice.findMany({ select: sliceColumns, orderBy: [{ startAt: "asc" }, { id: "asc" }] });
  return { teams, users, gpuModels, prices, builds, machines, quotas, slices };
}
export type InventoryRows = Awaited<ReturnType<typeof findInventoryRows>>;

export async function insertTeamRow(tx: Db, name: string) {
  return (await tx.team.create({ data: { name }, select: { id: true } })).id;
}

export function updateTeamRow(tx: Db, id: string, name: string) {
  return tx.team.update({ where: { id }, data: { name }, select: { id: true } });
}

/**
 * The columns an imported user writes. Rows, not records: the import document's records
 * (core/transfer/schema) name teams and people, these hold the ids they resolved to.
 */
export type UserData = Pick<User, "email" | "name" | "teamId" | "assignedRoles" | "active"> & {
  /** Undefined leaves it to the database's default (the e-mail's local part). */
  linuxUsername?: string;
};

export async function insertUserRow(tx: Db, data: UserData) {
  return (await tx.user.create({ data, select: { id: true } })).id;
}

export function updateUserRow(tx: Db, id: string, data: UserData) {
  return tx.user.update({ where: { id }, data, select: { id: true } });
}

type ImportedGpuModelData = GpuModelData & { cloudSku: string | null };

export async function insertGpuModelRow(tx: Db, data: ImportedGpuModelData) {
  return (await tx.gpuModel.create({ data, select: { id: true } })).id;
}

export function updateGpuModelRow(tx: Db, id: string, data: ImportedGpuModelData) {
  return tx.gpuModel.update({ where: { id }, data, select: { id: true } });
}

export async function insertPriceRow(tx: Db, data: NewPrice) {
  return (await tx.priceEntry.create({ data, select: { id: true } })).id;
}

/** Only what describes a price may change; the price itself never does (see planImport). */
export function updatePriceNotes(tx: Db, id: string, data: { provider: string; sourceNote: string }) {
  return tx.priceEntry.update({ where: { id }, data, select: { id: true } });
}

/** A build as the import writes it: its complete transfer record, with money as bigint micro-dollars and instants as dates. */
export type BuildContentsData = Omit<BuildRecord, "parts" | "quotes"> & {
  parts: (Omit<PartRecord, "unitPriceMicros"> & { unitPriceMicros: bigint })[];
  quotes: (Omit<QuoteRecord, "priceMicros" | "quotedAt"> & { priceMicros: bigint; quotedAt: Date | null })[];
};

/** Creates or rewrites a build with its parts list and quotes. */
export async function writeBuildRow(tx: Db, id: string | undefined, data: BuildContentsData) {
  const { parts, quotes, ...build } = data;
  const row = id ? await tx.build.update({ where: { id }, data: build, select: { id: true } }) : await tx.build.create({ data: build, select: { id: true } });
  await tx.buildPart.deleteMany({ where: { buildId: row.id } });
  await tx.vendorQuote.deleteMany({ where: { buildId: row.id } });
  await tx.buildPart.createMany({ data: parts.map((p, position) => ({ ...p, specs: { ...p.specs }, position, buildId: row.id })) });
  await tx.vendorQuote.createMany({ data: quotes.map((q) => ({ ...q, buildId: row.id })) });
  return row.id;
}

/** A machine as the import document carries it: the admin-edited columns plus its build link and cost settings. */
export type ImportedMachineData = MachineData & MachineCostValues & { buildId: string | null };

export async function writeMachineRow(tx: Db, id: string | undefined, data: ImportedMachineData) {
  return id ? (await tx.machine.update({ where: { id }, data, select: { id: true } })).id : (await tx.machine.create({ data, select: { id: true } })).id;
}

/** Unlinks builds and frees GPU UUIDs first, so a build or UUID that moves between records never exists twice mid-import. */
export async function releaseUniques(tx: Db, machineIds: string[], gpuIds: string[]) {
  if (machineIds.length > 0) await tx.machine.updateMany({ where: { id: { in: machineIds } }, data: { buildId: null } });
  if (gpuIds.length > 0) await tx.gpu.updateMany({ where: { id: { in: gpuIds } }, data: { uuid: null } });
}

export async function writeGpuRow(tx: Db, id: string | undefined, data: { machineId: string; index: number; gpuModelId: string; uuid: string | null }) {
  return id ? (await tx.gpu.update({ where: { id }, data: { gpuModelId: data.gpuModelId, uuid: data.uuid }, select: { id: true } })).id : (await tx.gpu.create({ data, select: { id: true } })).id;
}

/** The columns an imported slice writes (ids resolved from the record's names, as for UserData). */
export type SliceData = Pick<
  Slice,
  "id" | "machineId" | "requesterId" | "teamId" | "status" | "gpuCount" | "threads" | "ramGb" | "startAt" | "endAt" | "releasedAt" | "purpose" | "decidedById" | "decidedAt" | "decisionReason" | "overrideReason"
>;

export type HoldData = Pick<SliceGpu, "sliceId" | "gpuId" | "startAt" | "endAt">;

// Years of history arrive as tens of thousands of slices. They go in as one INSERT ... SELECT
// FROM unnest(...) per chunk with a parameter per column: Prisma's createMany kept every chunk's
// data alive until the transaction ended (an 8-year import ran out of a 512 MB heap).
const CHUNK = 5000;

export async function insertSliceRows(tx: Db, rows: SliceData[]) {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    const col = <T>(pick: (s: SliceData) => T) => chunk.map(pick);
    await tx.$executeRaw`
      INSERT INTO slice (id, machine_id, requester_id, team_id, status, gpu_count, threads, ram_gb, start_at, end_at, released_at,
                         purpose, decided_by_id, decided_at, decision_reason, override_reason, updated_at)
      SELECT id, machine_id, requester_id, team_id, status::"SliceStatus", gpu_count, threads, ram_gb, start_at, end_at, released_at,
             purpose, decided_by_id, decided_at, decision_reason, override_reason, now()
      FROM unnest(${col((s) => s.id)}::uuid[], ${col((s) => s.machineId)}::uuid[], ${col((s) => s.requesterId)}::uuid[], ${col((s) => s.teamId)}::uuid[],
                  ${col((s) => s.status)}::text[], ${col((s) => s.gpuCount)}::int[], ${col((s) => s.threads)}::int[], ${col((s) => s.ramGb)}::int[],
                  ${col((s) => s.startAt)}::timestamptz[], ${col((s) => s.endAt)}::timestamptz[], ${col((s) => s.releasedAt)}::timestamptz[],
                  ${col((s) => s.purpose)}::text[], ${col((s) => s.decidedById)}::uuid[], ${col((s) => s.decidedAt)}::timestamptz[],
                  ${col((s) => s.decisionReason)}::text[], ${col((s) => s.overrideReason)}::text[])
        AS t(id, machine_id, requester_id, team_id, status, gpu_count, threads, ram_gb, start_at, end_at, released_at,
             purpose, decided_by_id, decided_at, decision_reason, override_reason)`;
  }
}

export async function updateSliceRow(tx: Db, { id, ...data }: SliceData) {
  await tx.slice.update({ where: { id }, data, select: { id: true } });
}

export async function deleteHoldRows(tx: Db, sliceIds: string[]) {
  if (sliceIds.length > 0) await tx.sliceGpu.deleteMany({ where: { sliceId: { in: sliceIds } } });
}

/** The exclusion constraint refuses any hold that overlaps another of the same GPU. */
export async function insertHoldRows(tx: Db, rows: HoldData[]) {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    await tx.$executeRaw`
      INSERT INTO slice_gpu (slice_id, gpu_id, start_at, end_at)
      SELECT * FROM unnest(${chunk.map((h) => h.sliceId)}::uuid[], ${chunk.map((h) => h.gpuId)}::uuid[],
                           ${chunk.map((h) => h.startAt)}::timestamptz[], ${chunk.map((h) => h.endAt)}::timestamptz[])`;
  }
}
