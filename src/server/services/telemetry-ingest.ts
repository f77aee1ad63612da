import type { TelemetryIn, TelemetryOut } from "@/core/agent/contract";
import { matchGpus } from "@/core/agent/gpu-match";
import { hourMarks } from "@/core/agent/hour-marks";
import { aggregate, bucketStart, HOUR_MS, MINUTE_MS } from "@/core/agent/rollup";
import { judgeUnbooked, processBasename, type Suspect } from "@/core/agent/unbooked";
import { recordReport } from "@/server/db/agents";
import { recordAudit } from "@/server/db/audit";
import { claimSamples, insertSamples, mergeHourBuckets, mergeMinuteBuckets, type GpuRow, type ProcessRow } from "@/server/db/telemetry";
import { setGpuUuid } from "@/server/db/telemetry-views";
import { transaction } from "@/server/db/tx";
import { deleteSuspect, findJudgingContext, insertSuspect, updateSuspects } from "@/server/db/unbooked";
import { forgetAgent, revokedCredential, type AgentIdentity } from "./agent-enrollment";
import { systemProcessNames } from "./agent-config";
import { announceUnbookedUse, newlyUnbooked } from "./unbooked-alerts";
import { maybePruneTelemetry } from "./telemetry-retention";

/**
 * Stores a batch of samples from a machine's agent, once each: the (credential, seq) ledger
 * decides which samples are new, and only those are stored, added to the per-minute and
 * per-hour aggregates and judged for unbooked use. A resent batch changes nothing.
 */
export async function ingestTelemetry(agent: AgentIdentity, input: TelemetryIn, now: Date): Promise<TelemetryOut> {
  const result = await transaction(async (tx) => {
    const uuids = [...new Set(input.samples.flatMap((s) => s.gpus.map((g) => g.uuid)))];
    const reported = input.samples.flatMap((s) => s.gpus.map((g) => ({ uuid: g.uuid, index: g.index })));
    const claim = await claimSamples(tx, agent.credentialId, agent.machineId, input.samples.map((s) => ({ seq: s.seq, at: new Date(s.at) })), uuids);
    if (!claim.valid) {
      forgetAgent(agent.credentialId);
      throw revokedCredential();
    }
    const match = matchGpus(claim.gpus, reported);
    for (const { gpuId, uuid } of match.learned) {
      await setGpuUuid(tx, gpuId, uuid);
      await recordAudit(tx, { actorId: null, action: "gpu.uuid.learn", subjectType: "gpu", subjectId: gpuId, after: { uuid }, reason: "first report of the machine's agent" });
    }
    const fresh = claim.fresh;
    const samples = input.samples.filter((s) => fresh.has(s.seq)).sort((a, b) => a.seq - b.seq);
    const gpuRows: GpuRow[] = [];
    const processRows: ProcessRow[] = [];
    for (const s of samples) {
      const at = new Date(s.at);
      for (const g of s.gpus) {
        const gpuId = match.byUuid.get(g.uuid);
        if (gpuId) gpuRows.push({ gpuId, at, utilPct: g.utilPct === null ? null : Math.round(g.utilPct), memUsedMib: g.memUsedMib === null ? null : Math.round(g.memUsedMib), powerW: g.powerW, tempC: g.tempC === null ? null : Math.round(g.tempC) });
      }
      for (const p of s.processes) {
        const gpuId = match.byUuid.get(p.gpuUuid);
        if (gpuId) processRows.push({ gpuId, at, pid: p.pid, uid: p.uid, linuxUser: p.user, name: p.name, memMib: p.memMib === null ? null : Math.round(p.memMib) });
      }
    }
    const inserted = await insertSamples(tx, gpuRows, processRows, processHours(processRows));
    const minutes = await mergeMinuteBuckets(tx, aggregate(inserted, MINUTE_MS));
    await mergeHourBuckets(tx, aggregate(inserted, HOUR_MS), hourMarks(minutes));
    // A sample without GPU readings (nvidia-smi failed or hung) says nothing about processes: not judged.
    const judgedUntil = await judgeNewSamples(tx, agent, claim.lastSampleAt, processRows, samples.filter((s) => s.gpus.length > 0).map((s) => new Date(s.at)), now);
    const latest = input.samples.reduce((a, b) => (a.seq > b.seq ? a : b));
    await recordReport(tx, agent.credentialId, {
      lastReportAt: now,
      lastSampleAt: judgedUntil ?? undefined,
      agentVersion: input.agentVersion,
      clockSkewMs: Math.max(-(2 ** 31), Math.min(2 ** 31 - 1, Date.parse(input.sentAt) - now.getTime())),
      faults: [...latest.faults, ...match.mismatches].slice(0, 20),
    });
    return { accepted: samples.length, duplicates: input.samples.length - samples.length, mismatches: match.mismatches };
  });
  maybePruneTelemetry(now);
  return result;
}

function processHours(rows: ProcessRow[]) {
  const hours = new Map<string, { gpuId: string; start: Date; who: string; name: string; samples: number; memMaxMib: number }>();
  for (const r of rows) {
    const start = bucketStart(r.at, HOUR_MS);
    const who = r.linuxUser ?? `uid:${r.uid ?? "?"}`;
    const name = processBasename(r.name).slice(0, 120);
    const key = `${r.gpuId}|${start.getTime()}|${who}|${name}`;
    const h = hours.get(key) ?? { gpuId: r.gpuId, start, who, name, samples: 0, memMaxMib: 0 };
    h.samples += 1;
    h.memMaxMib = Math.max(h.memMaxMib, r.memMib ?? 0);
    hours.set(key, h);
  }
  return [...hours.values()];
}

/**
 * Judges the samples newer than the last judged one (replayed older samples were judged by
 * nothing live, and judging them now out of order would break "two in a row"); returns the time
 * of the newest judged sample.
 */
async function judgeNewSamples(tx: Parameters<Parameters<typeof transaction>[0]>[0], agent: AgentIdentity, lastSampleAt: Date | null, processRows: ProcessRow[], times: Date[], now: Date): Promise<Date | null> {
  const newer = times.filter((t) => !lastSampleAt || t > lastSampleAt);
  if (!newer.length) return null;
  const from = newer[0]!;
  const to = newer.at(-1)!;
  const { holdings, open } = await findJudgingContext(tx, agent.machineId, from, to);
  const holders = (gpuId: string, at: Date) => new Set(holdings.filter((h) => h.gpuId === gpuId && h.startAt <= at && at < h.endAt).map((h) => h.linuxUser));
  const byTime = new Map(newer.map((t) => [t.getTime(), { at: t, processes: [] as ProcessRow[] }]));
  for (const p of processRows) byTime.get(p.at.getTime())?.processes.push(p);
  const judged = judgeUnbooked(open, [...byTime.values()], holders, systemProcessNames());
  const ids = new Map(open.map((s) => [`${s.gpuId}|${s.who}`, s.id]));
  const updates: { id: string; suspect: Suspect; endedAt: Date | null }[] = [];
  for (const s of judged.ended) {
    const key = `${s.gpuId}|${s.who}`;
    const id = ids.get(key);
    // Only the first episode to end is the stored one; a later episode of the same person and GPU is new.
    ids.delete(key);
    if (s.sightings >= 2) updates.push({ id: id ?? (await insertSuspect(tx, agent.machineId, s)).id, suspect: s, endedAt: s.lastSeenAt });
    else if (id) await deleteSuspect(tx, id);
  }
  for (const s of judged.open) {
    const id = ids.get(`${s.gpuId}|${s.who}`);
    if (id) updates.push({ id, suspect: s, endedAt: null });
    else await insertSuspect(tx, agent.machineId, s);
  }
  await updateSuspects(tx, updates);
  await announceUnbookedUse(tx, agent, newlyUnbooked(open, [...judged.ended, ...judged.open]), now);
  return to;
}
