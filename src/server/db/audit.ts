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

/** Display names of the users and teams that audit entries are about. */
export async function findSubjectNames(client: Db, ids: { userIds: string[]; teamIds: string[] }) {
  const uuid = /^[0-9a-f-]{36}$/i;
  const [users, teams] = await Promise.all([
    client.user.findMany({ where: { id: { in: ids.userIds.filter((id) => uuid.test(id)) } }, select: { id: true, name: true } }),
    client.team.findMany({ where: { id: { in: ids.teamIds.filter((id) => uuid.test(id)) } }, select: { id: true, name: true } }),
  ]);
  return new Map([...users, ...teams].map((row) => [row.id, row.name]));
}
