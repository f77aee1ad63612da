import { AppError } from "@/core/errors";
import { distinctAuditActions, findAuditEntries, findSubjectNames, type AuditFilter } from "@/server/db/audit";
import { read } from "@/server/db/tx";

export { AUDIT_SUBJECT_TYPES } from "@/core/audit";

/** A deleted team keeps its name in the entry's "before". */
function nameFromSnapshot(snapshot: unknown): string | undefined {
  const name = (snapshot as { name?: unknown } | null)?.name;
  return typeof name === "string" ? name : undefined;
}

/** audit_log.id is a PostgreSQL bigint; a cursor beyond it cannot come from a previous page. */
const MAX_CURSOR = 2n ** 63n - 1n;

/** Filters PostgreSQL could not compare (it refuses dates before 4713 BC) are refused here, naming the field. */
function checkFilter(filter: { cursor?: string; from?: Date; to?: Date }) {
  if (filter.cursor !== undefined && (!/^\d{1,19}$/.test(filter.cursor) || BigInt(filter.cursor) > MAX_CURSOR)) {
    throw new AppError("VALIDATION", "cursor: must be a cursor from a previous page", { field: "cursor" });
  }
  for (const field of ["from", "to"] as const) {
    const year = filter[field]?.getUTCFullYear();
    if (year !== undefined && (year < 1 || year > 9999)) throw new AppError("VALIDATION", `${field}: must be between the years 1 and 9999`, { field });
  }
}

export async function listAuditEntries(filter: Omit<AuditFilter, "before"> & { cursor?: string }) {
  checkFilter(filter);
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
