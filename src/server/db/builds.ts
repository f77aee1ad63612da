import type { BuildContents } from "@/contracts/builds";
import type { Prisma } from "./generated/client";
import type { Db } from "./tx";

const withContents = {
  parts: { orderBy: { position: "asc" } },
  quotes: { orderBy: [{ priceMicros: "asc" }, { vendor: "asc" }, { id: "asc" }] },
  machine: { select: { id: true, name: true } },
} satisfies Prisma.BuildInclude;

export type BuildRow = Prisma.BuildGetPayload<{ include: typeof withContents }>;

export type BuildData = BuildContents;
export type PartData = BuildData["parts"][number];
export type QuoteData = BuildData["quotes"][number];

export function findBuilds(client: Db) {
  return client.build.findMany({ include: withContents, orderBy: [{ name: "asc" }, { id: "asc" }] });
}

export function findBuildById(client: Db, id: string) {
  return client.build.findUnique({ where: { id }, include: withContents });
}

/** Build names are unique regardless of case, so "Zeus" and "zeus" cannot both exist. */
export function findBuildByName(client: Db, name: string) {
  return client.build.findFirst({ where: { name: { equals: name, mode: "insensitive" } }, select: { id: true, name: true } });
}

/** Names starting with `prefix` (any case), to pick a free "<name> (copy N)". */
export async function findBuildNamesStartingWith(client: Db, prefix: string): Promise<string[]> {
  const rows = await client.build.findMany({ where: { name: { startsWith: prefix, mode: "insensitive" } }, select: { name: true } });
  return rows.map((row) => row.name);
}

/**
 * Takes the build's row lock for the rest of the transaction, so saves, links and deletes of one
 * build happen one after the other and each sees what the previous one committed.
 * false when there is no such build.
 */
export async function lockBuild(tx: Db, id: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM build WHERE id = ${id}::uuid FOR UPDATE`;
  return rows.length === 1;
}

const partRows = (parts: PartData[]) =>
  parts.map((part, position) => ({
    position,
    category: part.category,
    name: part.name,
    quantity: part.quantity,
    unitPriceMicros: BigInt(part.unitPriceMicros),
    specs: part.specs as Prisma.InputJsonObject,
  }));

const quoteRows = (quotes: QuoteData[]) =>
  quotes.map((quote) => ({ vendor: quote.vendor, description: quote.description, priceMicros: BigInt(quote.priceMicros) }));

export function insertBuild(tx: Db, data: BuildData) {
  return tx.build.create({
    data: {
      name: data.name,
      status: data.status,
      notes: data.notes,
      parts: { create: partRows(data.parts) },
      quotes: { create: quoteRows(data.quotes) },
    },
    include: withContents,
  });
}

/**
 * Replaces everything the editor saves. `updatedAt` is moved strictly forward (not merely to
 * now) because it is the version the next save must present: two saves within one millisecond
 * must still differ.
 */
export async function replaceBuildContents(tx: Db, id: string, previousUpdatedAt: Date, data: BuildData, now: Date) {
  await tx.buildPart.deleteMany({ where: { buildId: id } });
  await tx.vendorQuote.deleteMany({ where: { buildId: id } });
  return tx.build.update({
    where: { id },
    data: {
      name: data.name,
      status: data.status,
      notes: data.notes,
      updatedAt: new Date(Math.max(now.getTime(), previousUpdatedAt.getTime() + 1)),
      parts: { create: partRows(data.parts) },
      quotes: { create: quoteRows(data.quotes) },
    },
    include: withContents,
  });
}

export function deleteBuildRow(tx: Db, id: string) {
  return tx.build.delete({ where: { id } });
}

/** Who last did one of `actions` to the build, from the audit log (for "Ada saved this build at …"). */
export function findLatestBuildChange(client: Db, buildId: string, actions: string[]) {
  return client.auditLog.findFirst({
    where: { subjectType: "build", subjectId: buildId, action: { in: actions } },
    orderBy: { id: "desc" },
    select: { action: true, at: true, actorId: true, actor: { select: { name: true } } },
  });
}

const machineForLinking = {
  id: true,
  name: true,
  status: true,
  build: { select: { id: true, name: true } },
} satisfies Prisma.MachineSelect;

export function findMachinesForLinking(client: Db) {
  return client.machine.findMany({ select: machineForLinking, orderBy: { name: "asc" } });
}

export function findMachineForLinking(client: Db, id: string) {
  return client.machine.findUnique({ where: { id }, select: machineForLinking });
}

export function findMachinesByName(client: Db, names: string[]) {
  return client.machine.findMany({ where: { name: { in: names } }, select: machineForLinking });
}

/**
 * Points the machine at the build only if it has none; false when another link got there first
 * (the row is re-checked after waiting for a concurrent writer, so two links cannot both win).
 */
export async function linkMachineToBuild(tx: Db, machineId: string, buildId: string): Promise<boolean> {
  const { count } = await tx.machine.updateMany({ where: { id: machineId, buildId: null }, data: { buildId } });
  return count === 1;
}

export function unlinkBuildFromMachine(tx: Db, buildId: string) {
  return tx.machine.updateMany({ where: { buildId }, data: { buildId: null } });
}

export interface MachineCapexRow {
  machineId: string;
  buildId: string;
  buildName: string;
  /** The linked build's total: sum of quantity x unit price, exact. */
  capexMicros: bigint;
}

/**
 * The capex each machine's build supplies, summed in SQL as exact integers. Machines without a
 * build are absent. `machineIds` narrows it down; omitted, every linked machine is returned.
 */
export async function findMachineCapex(client: Db, machineIds?: string[]): Promise<MachineCapexRow[]> {
  const rows = await client.$queryRaw<{ machine_id: string; build_id: string; build_name: string; capex: bigint }[]>`
    SELECT m.id AS machine_id, b.id AS build_id, b.name AS build_name,
           COALESCE(SUM(p.quantity::bigint * p.unit_price_micros), 0)::bigint AS capex
    FROM machine m
    JOIN build b ON b.id = m.build_id
    LEFT JOIN build_part p ON p.build_id = b.id
    WHERE ${machineIds ?? null}::uuid[] IS NULL OR m.id = ANY(${machineIds ?? null}::uuid[])
    GROUP BY m.id, b.id, b.name
    ORDER BY m.id`;
  return rows.map((row) => ({ machineId: row.machine_id, buildId: row.build_id, buildName: row.build_name, capexMicros: BigInt(row.capex) }));
}
