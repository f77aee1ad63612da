import type { GpuSample } from "@/core/idle/judge";
import type { Db } from "./tx";

/**
 * The machine's stored raw samples in [from, to] as the idle judge reads them: per sample time,
 * each GPU's UUID, utilization and number of compute processes.
 */
export async function findIdleSamples(client: Db, machineId: string, from: Date, to: Date): Promise<GpuSample[]> {
  const rows = await client.$queryRaw<{ at: Date; uuid: string; util: number | null; processes: bigint }[]>`
    SELECT s.at, g.uuid, s.util_pct AS util,
           (SELECT count(*) FROM gpu_process_sample p WHERE p.gpu_id = s.gpu_id AND p.at = s.at) AS processes
      FROM gpu_sample s JOIN gpu g ON g.id = s.gpu_id
     WHERE g.machine_id = ${machineId}::uuid AND g.uuid IS NOT NULL AND s.at >= ${from} AND s.at <= ${to}
     ORDER BY s.at`;
  const byAt = new Map<number, GpuSample>();
  for (const row of rows) {
    const at = row.at.getTime();
    const sample = byAt.get(at) ?? { at, gpus: [] };
    sample.gpus.push({ uuid: row.uuid, utilization: row.util, processes: Number(row.processes) });
    byAt.set(at, sample);
  }
  return [...byAt.values()];
}

export function findSweepMark(client: Db, machineId: string) {
  return client.idleSweepMark.findUnique({ where: { machineId } });
}

export function saveSweepMark(tx: Db, machineId: string, judgedAt: Date) {
  return tx.idleSweepMark.upsert({ where: { machineId }, create: { machineId, judgedAt }, update: { judgedAt } });
}

/** Machines the minute job looks at: in service, with an agent that may report (a credential not revoked). */
export function findWatchedMachines(client: Db) {
  return client.machine.findMany({
    where: { status: "active", agentCredentials: { some: { revokedAt: null } } },
    select: { id: true, name: true, enforcementMode: true, agentCredentials: { where: { revokedAt: null }, select: { lastReportAt: true, createdAt: true } } },
  });
}
