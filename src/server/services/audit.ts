import { distinctAuditActions, findAuditEntries, findSubjectNames, type AuditFilter } from "@/server/db/audit";
import { read } from "@/server/db/tx";

export { AUDIT_SUBJECT_TYPES } from "@/core/audit";

/** A deleted team keeps its name in the entry's "before". */
function nameFromSnapshot(snapshot: unknown): string | undefined {
  const name = (snapshot as { name?: unknown } | null)?.name;
  return typeof name === "string" ? name : undefined;
}

export async function listAuditEntries(filter: Omit<AuditFilter, "before"> & { cursor?: string }) {
  const { rows, names } = await read(async (client) => {
    const rows = await findAuditEntries(client, { ...filter, before: filter.cursor ? BigInt(filter.cursor) : undefined, limit: filter.limit + 1 });
    const idsByType: Record<string, string[]> = {};
    for (const row of rows) (idsByType[row.subjectType] ??= []).push(row.subjectId);
    const names = await findSubjectNames(client, idsByType);
    return { rows, names };
  });
  const page = rows.slice(0, filter.limit);
  return {
    entries: page.map((row) => ({
      id: row.id.toString(),
      at: row.at,
      actor: row.actor,
      action: row.action,
      subjectType: row.subjectType,
      subjectId: row.subjectId,
      subjectName: names.get(row.subjectId) ?? nameFromSnapshot(row.before) ?? nameFromSnapshot(row.after) ?? row.subjectId,
      before: row.before,
      after: row.after,
      reason: row.reason,
    })),
    nextCursor: rows.length > filter.limit ? page.at(-1)?.id.toString() : undefined,
  };
}

export function listAuditActions() {
  return read(distinctAuditActions);
}
