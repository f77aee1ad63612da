import type { QuotaPolicyValues } from "@/contracts/admin";
import type { Db } from "./tx";

export const DEFAULT_SCOPE = "default";

/** A limit left out (the import document has no serving limit) keeps the stored one. */
export type QuotaRowValues = QuotaPolicyValues;

/** The default row and, when present, the team's override row. */
export async function findQuotaRows(client: Db, teamId: string) {
  const rows = await client.quotaPolicy.findMany({ where: { scope: { in: [DEFAULT_SCOPE, teamId] } } });
  return { fleet: rows.find((r) => r.scope === DEFAULT_SCOPE) ?? null, team: rows.find((r) => r.scope === teamId) ?? null };
}

export function findAllQuotaRows(client: Db) {
  return client.quotaPolicy.findMany();
}

export function upsertQuotaRow(tx: Db, scope: string, values: QuotaRowValues) {
  return tx.quotaPolicy.upsert({ where: { scope }, create: { scope, ...values }, update: values });
}

export function deleteQuotaRow(tx: Db, scope: string) {
  return tx.quotaPolicy.deleteMany({ where: { scope } });
}
