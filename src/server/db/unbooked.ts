import type { Suspect } from "@/core/agent/unbooked";
import { queryRows } from "./direct";
import { Prisma } from "./generated/client";
import type { Db } from "./tx";

export function insertSuspect(tx: Db, machineId: string, s: Suspect) {
  return tx.unbookedUse.create({ data: { machineId, gpuId: s.gpuId, who: s.who, processName: s.processName.slice(0, 256), firstSeenAt: s.firstSeenAt, lastSeenAt: s.lastSeenAt, sightings: s.sightings, maxMemMib: s.maxMemMib }, select: { id: true } });
}

/** Updates stored suspects in one statement (an open unbooked use is updated by every report). */
export async function updateSuspects(tx: Db, rows: { id: string; suspect: Suspect; endedAt: Date | null }[]) {
  if (!rows.length) return;
  const sorted = [...rows].sort((a, b) => a.id.localeCompare(b.id));
  await queryRows(tx, Prisma.sql`
    UPDATE unbooked_use u SET last_seen_at = v.last_seen_at, sightings = v.sightings, max_mem_mib = v.max_mem_mib, ended_at = v.ended_at
    FROM unnest(${sorted.map((r) => r.id)}::uuid[], ${sorted.map((r) => r.suspect.lastSeenAt)}::timestamptz[], ${sorted.map((r) => r.suspect.sightings)}::int[],
                ${sorted.map((r) => r.suspect.maxMemMib)}::int[], ${sorted.map((r) => r.endedAt)}::timestamptz[]) AS v(id, last_seen_at, sightings, max_mem_mib, ended_at)
    WHERE u.id = v.id`);
}

export function deleteSuspect(tx: Db, id: string) {
  return tx.unbookedUse.delete({ where: { id }, select: { id: true } });
}

type Holding = { gpuId: string; linuxUser: string; startAt: Date; endAt: Date };

/** Who held which of the machine's GPUs within [from, to]: approved slices, with the holder's Linux user. */
const holdingsSql = (machineId: string, from: Date, to: Date) => Prisma.sql`
  SELECT sg.gpu_id AS "gpuId", u.linux_username AS "linuxUser", sg.start_at AS "startAt", LEAST(sg.end_at, COALESCE(s.released_at, sg.end_at)) AS "endAt"
  FROM slice s JOIN slice_gpu sg ON sg.slice_id = s.id JOIN "user" u ON u.id = s.requester_id
  WHERE s.machine_id = ${machineId}::uuid AND s.status = 'approved' AND sg.start_at <= ${to} AND sg.end_at > ${from}
    AND (s.released_at IS NULL OR s.released_at > ${from})`;

export function findHoldings(tx: Db, machineId: string, from: Date, to: Date) {
  return tx.$queryRaw<Holding[]>(holdingsSql(machineId, from, to));
}

/** What judging a report's processes needs, in one round trip: the holdings within [from, to] and the machine's open suspects. */
export async function findJudgingContext(tx: Db, machineId: string, from: Date, to: Date): Promise<{ holdings: Holding[]; open: (Suspect & { id: string })[] }> {
  type Json<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] };
  const [row] = await queryRows<{ holdings: Json<Holding>[]; open: Json<Suspect & { id: string }>[] }>(tx, Prisma.sql`
    SELECT (SELECT COALESCE(json_agg(h), '[]') FROM (${holdingsSql(machineId, from, to)}) h) AS holdings,
      (SELECT COALESCE(json_agg(json_build_object('id', x.id, 'gpuId', x.gpu_id, 'who', x.who, 'processName', x.process_name, 'firstSeenAt', x.first_seen_at,
         'lastSeenAt', x.last_seen_at, 'sightings', x.sightings, 'maxMemMib', x.max_mem_mib)), '[]')
       FROM unbooked_use x WHERE x.machine_id = ${machineId}::uuid AND x.ended_at IS NULL) AS open`);
  return {
    holdings: row!.holdings.map((h) => ({ ...h, startAt: new Date(h.startAt), endAt: new Date(h.endAt) })),
    open: row!.open.map((x) => ({ ...x, firstSeenAt: new Date(x.firstSeenAt), lastSeenAt: new Date(x.lastSeenAt) })),
  };
}

/** A machine's unbooked uses still going on (seen at least `minSightings` times), oldest first. */
export function findOpenUnbookedUses(client: Db, machineId: string, minSightings: number) {
  return client.unbookedUse.findMany({ where: { machineId, endedAt: null, sightings: { gte: minSightings } }, orderBy: { firstSeenAt: "asc" } });
}

/** Unbooked uses (seen at least twice) started since `since`, newest first, with machine, GPU and person. */
export function findUnbookedUses(client: Db, since: Date, minSightings: number) {
  return client.unbookedUse.findMany({
    where: { firstSeenAt: { gte: since }, sightings: { gte: minSightings } },
    orderBy: { firstSeenAt: "desc" },
    take: 200,
    include: { machine: { select: { id: true, name: true } }, gpu: { select: { index: true } } },
  });
}

export function findUsersByLinuxName(client: Db, names: string[]) {
  return client.user.findMany({ where: { linuxUsername: { in: names } }, select: { id: true, name: true, linuxUsername: true, team: { select: { name: true } } } });
}

export function findGpuIndexes(tx: Db, gpuIds: string[]) {
  return tx.gpu.findMany({ where: { id: { in: gpuIds } }, select: { id: true, index: true } });
}
