import { findIdleSamples, findSweepMark, findWatchedMachines, saveSweepMark } from "@/server/db/idle-samples";
import { findActiveSlicesForIdle } from "@/server/db/enforcement";
import { read, transaction } from "@/server/db/tx";
import { notify } from "@/server/notifications/notify";
import { sweepIdleSlices } from "./idle-sweep";

/** An agent that has not reported for this long is silent: admins are told, once per silence. */
export const AGENT_SILENT_MS = 10 * 60_000;
/** A first sweep of a machine looks back this far. */
const FIRST_LOOK_BACK_MS = 60_000;

export interface MinuteSweep {
  machines: number;
  warnings: number;
  reclaimed: number;
  silent: string[];
}

/**
 * The portal's minute job over every active machine with an agent: tells admins about an agent
 * that went silent (once per silence: the event's key is the last report's time), and judges the
 * machine's running slices from the stored samples since the previous run (its mark), warning and
 * reclaiming as the machine's mode and the idle policy say. Idempotent: a rerun of the same
 * minute finds the mark moved and nothing new to do.
 */
export async function runMinuteSweep(now: Date): Promise<MinuteSweep> {
  const machines = await read(findWatchedMachines);
  const out: MinuteSweep = { machines: machines.length, warnings: 0, reclaimed: 0, silent: [] };
  for (const machine of machines) {
    const reports = machine.agentCredentials.map((c) => c.lastReportAt?.getTime() ?? 0);
    const lastSeenAt = Math.max(0, ...reports);
    if (lastSeenAt > 0 && now.getTime() - lastSeenAt >= AGENT_SILENT_MS) {
      out.silent.push(machine.name);
      await transaction((tx) => notify(tx, { kind: "agent-silent", machineId: machine.id, machineName: machine.name, lastSeenAt }, now));
    }
    const { mark, slices } = await read(async (client) => ({ mark: await findSweepMark(client, machine.id), slices: await findActiveSlicesForIdle(client, machine.id, now) }));
    const lastJudgedAt = mark?.judgedAt ?? new Date(now.getTime() - FIRST_LOOK_BACK_MS);
    if (machine.enforcementMode !== "observe" && slices.length > 0) {
      // The judge needs each slice's whole history: whether anything ever ran on it decides no-show or idle.
      const from = new Date(Math.min(...slices.map((s) => s.startAt.getTime())));
      const samples = await read((client) => findIdleSamples(client, machine.id, from, now));
      const swept = await sweepIdleSlices({ machineId: machine.id, samples, now, lastJudgedAt });
      for (const slice of swept) {
        if (slice.reclaimed) out.reclaimed += 1;
        else out.warnings += slice.actions.length;
      }
    }
    // Moved on observe machines too, so switching one to enforce does not replay its past.
    if (now > lastJudgedAt) await transaction((tx) => saveSweepMark(tx, machine.id, now));
  }
  return out;
}
