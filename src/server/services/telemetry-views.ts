import { isUnbookedUse, UNBOOKED_AFTER_SIGHTINGS } from "@/core/agent/unbooked";
import { AppError, notFound } from "@/core/errors";
import { findAgentOf } from "@/server/db/agents";
import { findSliceRealUse, type SliceRealUse } from "@/server/db/slice-real-use";
import { findGpuIdentities, findLatestProcesses, findLatestReadings, findMachineGpus, findMachineName, findRecentSamples, findSeries } from "@/server/db/telemetry-views";
import { read } from "@/server/db/tx";
import { findOpenUnbookedUses, findUnbookedUses, findUsersByLinuxName } from "@/server/db/unbooked";

const LIVE_WINDOW_MS = 30 * 60_000;
/** An agent that has not reported for this long is shown as silent. */
export const AGENT_SILENT_AFTER_MS = 2 * 60_000;

async function peopleByLinuxName(client: Parameters<Parameters<typeof read>[0]>[0], names: (string | null)[]) {
  const known = [...new Set(names.filter((n): n is string => !!n))];
  const users = known.length ? await findUsersByLinuxName(client, known) : [];
  return new Map(users.map((u) => [u.linuxUsername, { id: u.id, name: u.name, team: u.team.name }]));
}

/** The live view of a machine: its agent's health, each GPU's latest reading, a 30-minute sparkline and its processes with their people. */
export async function liveMachineTelemetry(machineId: string, now: Date, options: { withUnbooked: boolean }) {
  return read(async (client) => {
    const machine = await findMachineGpus(client, machineId);
    if (!machine) throw notFound("Machine", "machineId");
    const gpuIds = machine.gpus.map((g) => g.id);
    const since = new Date(now.getTime() - LIVE_WINDOW_MS);
    const [agent, samples, processes, unbooked] = await Promise.all([
      findAgentOf(client, machineId),
      gpuIds.length ? findRecentSamples(client, gpuIds, since) : [],
      gpuIds.length ? findLatestProcesses(client, gpuIds, since) : [],
      options.withUnbooked ? findOpenUnbookedUses(client, machineId, UNBOOKED_AFTER_SIGHTINGS) : [],
    ]);
    const people = await peopleByLinuxName(client, [...processes.map((p) => p.linuxUser), ...unbooked.map((u) => u.who)]);
    return {
      agent: agent && {
        state: agent.revokedAt ? ("revoked" as const) : !agent.lastReportAt ? ("enrolled" as const) : now.getTime() - agent.lastReportAt.getTime() > AGENT_SILENT_AFTER_MS ? ("silent" as const) : ("reporting" as const),
        hostname: agent.hostname,
        version: agent.agentVersion,
        enrolledAt: agent.createdAt,
        lastReportAt: agent.lastReportAt,
        clockSkewMs: agent.clockSkewMs,
        faults: agent.faults,
      },
      gpus: machine.gpus.map((g) => {
        const own = samples.filter((s) => s.gpuId === g.id);
        const last = own.at(-1);
        return {
          gpuId: g.id,
          index: g.index,
          uuid: g.uuid,
          model: g.gpuModel.name,
          memTotalMib: g.gpuModel.vramGb * 1024,
          latest: last ? { at: last.at, utilPct: last.utilPct, memUsedMib: last.memUsedMib, powerW: last.powerW, tempC: last.tempC } : null,
          sparkline: own.map((s) => s.utilPct ?? 0).slice(-90),
          processes: processes.filter((p) => p.gpuId === g.id).map((p) => ({ pid: p.pid, linuxUser: p.linuxUser ?? (p.uid === null ? null : `uid:${p.uid}`), person: p.linuxUser ? (people.get(p.linuxUser) ?? null) : null, name: p.name, memMib: p.memMib })),
        };
      }),
      unbooked: unbooked.map((u) => ({ id: u.id, gpuIndex: machine.gpus.find((g) => g.id === u.gpuId)?.index ?? null, who: u.who, person: people.get(u.who) ?? null, processName: u.processName, since: u.firstSeenAt, lastSeenAt: u.lastSeenAt, maxMemMib: u.maxMemMib })),
    };
  });
}

/** Latest utilization of every GPU that reported in the last two minutes, for the inventory cards. */
export async function fleetLiveTelemetry(now: Date) {
  const since = new Date(now.getTime() - AGENT_SILENT_AFTER_MS);
  return read((client) => findLatestReadings(client, since));
}

export const TELEMETRY_STEPS = [60, 300, 900, 3600, 86_400] as const;
/** At most this many points per GPU, so a year asks for hours or days, not minutes. */
const MAX_POINTS = 2000;

export async function machineTelemetrySeries(input: { machineId: string; from: Date; to: Date; step: number }) {
  if (input.to <= input.from) throw new AppError("VALIDATION", "to: must be after from", { field: "to" });
  if ((input.to.getTime() - input.from.getTime()) / 1000 / input.step > MAX_POINTS) throw new AppError("VALIDATION", `step: gives more than ${MAX_POINTS} points per GPU over this window; choose a larger step`, { field: "step" });
  return read(async (client) => {
    const gpus = await findGpuIdentities(client, input.machineId);
    if (!gpus.length && !(await findMachineName(client, input.machineId))) throw notFound("Machine", "machineId");
    // Whole steps: the first point is the step that contains `from`.
    const from = new Date(Math.floor(input.from.getTime() / 1000 / input.step) * input.step * 1000);
    const rows = gpus.length ? await findSeries(client, gpus.map((g) => g.id), from, input.to, input.step) : [];
    return {
      from: input.from,
      to: input.to,
      step: input.step,
      gpus: gpus.map((g) => ({ gpuId: g.id, index: g.index, uuid: g.uuid, points: rows.filter((r) => r.gpuId === g.id).map(({ gpuId: _gpuId, ...point }) => point) })),
    };
  });
}

export type SliceUsage = SliceRealUse;

/** Real use of slices from their GPUs' per-minute aggregates within their holds (up to now), with the programs seen. */
export async function sliceUsages(sliceIds: string[], now: Date): Promise<SliceUsage[]> {
  const uses = await read((client) => findSliceRealUse(client, sliceIds, now));
  const bySlice = new Map(uses.map((u) => [u.sliceId, u]));
  return sliceIds.flatMap((id) => bySlice.get(id) ?? []);
}

/** Unbooked use across the fleet since `since`, with the person behind each Linux user where known. */
export async function listUnbookedUse(since: Date) {
  return read(async (client) => {
    const rows = await findUnbookedUses(client, since, UNBOOKED_AFTER_SIGHTINGS);
    const people = await peopleByLinuxName(client, rows.map((r) => r.who));
    return rows.filter(isUnbookedUse).map((r) => ({
      id: r.id,
      machine: r.machine,
      gpuIndex: r.gpu.index,
      who: r.who,
      person: people.get(r.who) ?? null,
      processName: r.processName,
      since: r.firstSeenAt,
      lastSeenAt: r.lastSeenAt,
      endedAt: r.endedAt,
      maxMemMib: r.maxMemMib,
    }));
  });
}
