import { queryRows } from "./direct";
import { Prisma } from "./generated/client";
import type { Db } from "./tx";

/** Repository of agent credentials and one-time enrollment codes. */

export function insertEnrollmentCode(tx: Db, data: { machineId: string; codeHash: string; expiresAt: Date; createdById: string }) {
  return tx.agentEnrollmentCode.create({ data, select: { id: true, expiresAt: true } });
}

/** Locks the code's row, so two agents presenting the same code cannot both enroll. */
export async function lockEnrollmentCode(tx: Db, codeHash: string) {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM agent_enrollment_code WHERE code_hash = ${codeHash} FOR UPDATE`;
  if (!rows[0]) return null;
  return tx.agentEnrollmentCode.findUniqueOrThrow({ where: { id: rows[0].id }, include: { machine: { select: { id: true, name: true } } } });
}

export function markCodeUsed(tx: Db, id: string, at: Date) {
  return tx.agentEnrollmentCode.update({ where: { id }, data: { usedAt: at }, select: { id: true } });
}

export function revokeCredentialsOf(tx: Db, machineId: string, at: Date) {
  return tx.agentCredential.updateMany({ where: { machineId, revokedAt: null }, data: { revokedAt: at } });
}

export function insertCredential(tx: Db, data: { machineId: string; tokenHash: string; prefix: string; hostname: string; agentVersion: string }) {
  return tx.agentCredential.create({ data, select: { id: true, machineId: true, prefix: true } });
}

export function findCredentialByHash(client: Db, tokenHash: string) {
  return client.agentCredential.findUnique({ where: { tokenHash }, select: { id: true, machineId: true, revokedAt: true, machine: { select: { name: true } } } });
}

/** The machine's current (newest unrevoked) credential and its health, or the newest revoked one. */
export function findAgentOf(client: Db, machineId: string) {
  return client.agentCredential.findFirst({
    where: { machineId },
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    omit: { tokenHash: true },
  });
}

/** Every report updates its credential: one raw statement, as the rest of the ingest (Prisma's update compiles its query per call). */
export async function recordReport(tx: Db, id: string, data: { lastReportAt: Date; lastSampleAt?: Date; agentVersion: string; clockSkewMs: number; faults: string[] }) {
  await queryRows(tx, Prisma.sql`
    UPDATE agent_credential SET last_report_at = ${data.lastReportAt}::timestamptz, last_sample_at = COALESCE(${data.lastSampleAt ?? null}::timestamptz, last_sample_at),
      agent_version = ${data.agentVersion}, clock_skew_ms = ${data.clockSkewMs}::int, faults = ${data.faults}::text[]
    WHERE id = ${id}::uuid`);
}
