import type { EnforcementMode } from "./generated/client";
import type { Db } from "./tx";

export const IDLE_DEFAULT_SCOPE = "default";

export function findMachineEnforcement(client: Db, machineId: string) {
  return client.machine.findUnique({
    where: { id: machineId },
    select: { id: true, name: true, status: true, cores: true, threads: true, ramGb: true, reservedThreads: true, reservedRamGb: true, enforcementMode: true, loginThreads: true, loginRamGb: true, gpus: { select: { index: true, uuid: true }, orderBy: { index: "asc" } } },
  });
}

export function updateMachineEnforcement(tx: Db, machineId: string, data: { enforcementMode: EnforcementMode; loginThreads: number; loginRamGb: number }) {
  return tx.machine.update({ where: { id: machineId }, data, select: { enforcementMode: true, loginThreads: true, loginRamGb: true } });
}

/**
 * The machine's approved slices whose effective window (end, or release if earlier) overlaps
 * [from, to), with the holder's Linux user name and the GPUs (index, UUID) they hold.
 */
export async function findScheduledSlices(client: Db, machineId: string, from: Date, to: Date) {
  const rows = await client.slice.findMany({
    where: { machineId, status: "approved", startAt: { lt: to }, endAt: { gt: from }, OR: [{ releasedAt: null }, { releasedAt: { gt: from } }] },
    select: {
      id: true,
      threads: true,
      ramGb: true,
      startAt: true,
      endAt: true,
      releasedAt: true,
      idleExempt: true,
      requester: { select: { linuxUsername: true, name: true } },
      gpus: { select: { gpu: { select: { index: true, uuid: true } } } },
    },
    orderBy: [{ startAt: "asc" }, { id: "asc" }],
  });
  return rows
    .map((r) => ({ ...r, effectiveEnd: r.releasedAt && r.releasedAt < r.endAt ? r.releasedAt : r.endAt }))
    .filter((r) => r.effectiveEnd > r.startAt);
}

/** Ends an approved slice now, with why (the holds follow in the caller's transaction). */
export function endSliceEarly(tx: Db, sliceId: string, at: Date, endReason: string) {
  return tx.slice.update({ where: { id: sliceId }, data: { releasedAt: at, endReason }, select: { id: true } });
}

export function setSliceIdleExempt(tx: Db, sliceId: string, idleExempt: boolean) {
  return tx.slice.update({ where: { id: sliceId }, data: { idleExempt }, select: { id: true } });
}

export interface IdleRowValues {
  noShowNotifyMinutes: number | null;
  noShowReleaseMinutes: number | null;
  idleWarnMinutes: number | null;
  idleWarnAgainMinutes: number | null;
  idleReclaimMinutes: number | null;
}

export function findIdleRows(client: Db) {
  return client.idlePolicy.findMany();
}

export function upsertIdleRow(tx: Db, scope: string, values: IdleRowValues) {
  return tx.idlePolicy.upsert({ where: { scope }, create: { scope, ...values }, update: values });
}

export function deleteIdleRow(tx: Db, scope: string) {
  return tx.idlePolicy.deleteMany({ where: { scope } });
}

/** The machine's approved slices running at `at`, with what the idle judgement needs. */
export function findActiveSlicesForIdle(client: Db, machineId: string, at: Date) {
  return client.slice.findMany({
    where: { machineId, status: "approved", startAt: { lte: at }, endAt: { gt: at }, OR: [{ releasedAt: null }, { releasedAt: { gt: at } }] },
    select: { id: true, teamId: true, startAt: true, endAt: true, releasedAt: true, idleExempt: true, kind: true, requester: { select: { id: true, name: true } }, gpus: { select: { gpu: { select: { uuid: true } } } } },
    orderBy: { startAt: "asc" },
  });
}
