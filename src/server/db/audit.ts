import type { Db } from "./tx";
import type { Prisma } from "./generated/client";

export interface AuditEntryInput {
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

const json = (value: unknown) =>
  value === undefined || value === null ? undefined : (JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue);

export async function recordAudit(tx: Db, entry: AuditEntryInput): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      subjectType: entry.subjectType,
      subjectId: entry.subjectId,
      before: json(entry.before),
      after: json(entry.after),
      reason: entry.reason ?? null,
    },
  });
}

/**
 * Records a change of a few fields, each given as [before, after]: the entry's before and after
 * hold just those fields (e.g. a rename: `{ name: [old, new] }`).
 */
export function recordChange(tx: Db, entry: Omit<AuditEntryInput, "before" | "after">, fields: Record<string, readonly [unknown, unknown]>) {
  const side = (i: 0 | 1) => Object.fromEntries(Object.entries(fields).map(([key, values]) => [key, values[i]]));
  return recordAudit(tx, { ...entry, before: side(0), after: side(1) });
}

export interface AuditFilter {
  action?: string;
  actorId?: string;
  subjectType?: string;
  subjectId?: string;
  /** Entries about or by this user. */
  involving?: string;
  from?: Date;
  to?: Date;
  /** Entries older than this id (keyset pagination, newest first). */
  before?: bigint;
  limit: number;
}

export async function findAuditEntries(client: Db, filter: AuditFilter) {
  const where: Prisma.AuditLogWhereInput = {
    action: filter.action ? { startsWith: filter.action } : undefined,
    actorId: filter.actorId,
    subjectType: filter.subjectType,
    subjectId: filter.subjectId,
    at: filter.from || filter.to ? { gte: filter.from, lt: filter.to } : undefined,
    id: filter.before ? { lt: filter.before } : undefined,
    OR: filter.involving
      ? [{ actorId: filter.involving }, { subjectType: "user", subjectId: filter.involving }]
      : undefined,
  };
  return client.auditLog.findMany({
    where,
    orderBy: { id: "desc" },
    take: filter.limit,
    include: { actor: { select: { id: true, name: true, email: true } } },
  });
}

export async function distinctAuditActions(client: Db): Promise<string[]> {
  const rows = await client.auditLog.findMany({ distinct: ["action"], select: { action: true }, orderBy: { action: "asc" } });
  return rows.map((row) => row.action);
}

/** Display names of what audit entries are about, by subject type; ids of other types are ignored. */
export async function findSubjectNames(client: Db, idsByType: Record<string, string[]>) {
  const uuid = /^[0-9a-f-]{36}$/i;
  const ids = (type: string) => ({ in: (idsByType[type] ?? []).filter((id) => uuid.test(id)) });
  const select = { id: true, name: true } as const;
  const rows = await Promise.all([
    client.user.findMany({ where: { id: ids("user") }, select }),
    client.team.findMany({ where: { id: ids("team") }, select }),
    client.machine.findMany({ where: { id: ids("machine") }, select }),
    client.build.findMany({ where: { id: ids("build") }, select }),
    client.gpuModel.findMany({ where: { id: ids("gpu-model") }, select }),
  ]);
  const slices = await client.slice.findMany({
    where: { id: ids("slice") },
    select: { id: true, startAt: true, machine: { select: { name: true } }, requester: { select: { name: true } } },
  });
  const prices = await client.priceEntry.findMany({ where: { id: ids("price") }, select: { id: true, sku: true, effectiveFrom: true } });
  const priceNames = prices.map((p) => ({ id: p.id, name: `${p.sku} from ${p.effectiveFrom.toISOString().slice(0, 10)}` }));
  const sliceNames = slices.map((s) => ({ id: s.id, name: `${s.requester.name}'s slice on ${s.machine.name} (${s.startAt.toISOString().slice(0, 16).replace("T", " ")} UTC)` }));
  return new Map([...rows.flat(), ...sliceNames, ...priceNames].map((row) => [row.id, row.name]));
}
