import { groupUsedHeld, type SliceUse } from "@/core/agent/used-held";
import { sliceCloudCostMicros } from "@/core/costs/pricing";
import { findSliceMeasurements, findTelemetrySince } from "@/server/db/telemetry-views";
import { read } from "@/server/db/tx";
import { findUserNames } from "@/server/db/users";
import { costData } from "./savings";

const HOUR_MS = 3_600_000;

/**
 * Used GPU-hours beside held ones and the idle-held cost, per machine, team and person, over a
 * window clipped to when telemetry exists (and to now). Slices of the window without any
 * telemetry count as held but not measured.
 */
export async function usedVersusHeld(input: { from: Date; to: Date }, now: Date) {
  return read(async (client) => {
    const since = await findTelemetrySince(client);
    const empty = { telemetrySince: since, from: input.from, to: input.to, byMachine: [], byTeam: [], byPerson: [] };
    if (!since) return empty;
    const from = new Date(Math.max(input.from.getTime(), since.getTime()));
    const to = new Date(Math.min(input.to.getTime(), now.getTime()));
    if (to <= from) return { ...empty, from, to };
    const [data, measured, users] = await Promise.all([costData(client), findSliceMeasurements(client, from, to), findUserNames(client)]);
    const measuredBySlice = new Map(measured.map((m) => [m.sliceId, m]));
    const names = new Map(users.map((u) => [u.id, u.name]));
    const window = { from: from.getTime(), to: to.getTime() };
    const uses: SliceUse[] = [];
    for (const slice of data.slices) {
      const start = Math.max(slice.start, window.from);
      const end = Math.min(slice.end, window.to);
      if (end <= start) continue;
      const machine = data.machines.find((m) => m.profile.machineId === slice.machineId);
      if (!machine) continue;
      const m = measuredBySlice.get(slice.id);
      uses.push({
        sliceId: slice.id,
        machine: machine.name,
        team: data.teams.get(slice.teamId) ?? slice.teamId,
        person: names.get(slice.userId) ?? slice.userId,
        heldGpuHours: ((end - start) / HOUR_MS) * slice.gpuIds.length,
        cloudMicros: sliceCloudCostMicros(slice, machine.profile, data.prices, window),
        measuredGpuHours: Number(m?.measuredGpuHours ?? 0),
        usedGpuHours: Number(m?.usedGpuHours ?? 0),
      });
    }
    return { telemetrySince: since, from, to, byMachine: groupUsedHeld(uses, "machine"), byTeam: groupUsedHeld(uses, "team"), byPerson: groupUsedHeld(uses, "person") };
  });
}
