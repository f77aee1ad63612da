import { createHash } from "node:crypto";
import { AppError, notFound } from "@/core/errors";
import { desiredStateAt } from "@/core/enforcement/desired-state";
import { nextBoundary } from "@/core/enforcement/next-boundary";
import { scheduleFingerprintInput } from "@/core/enforcement/schedule-fingerprint";
import type { EnforcementMode, ScheduleDocument } from "@/core/enforcement/types";
import { recordAudit } from "@/server/db/audit";
import { findMachineEnforcement, findScheduledSlices, updateMachineEnforcement } from "@/server/db/enforcement";
import { lockMachine } from "@/server/db/machines";
import { read, transaction, type Db } from "@/server/db/tx";
import type { Actor } from "./actor";

/** How far ahead an agent keeps the schedule, to go on enforcing it while the portal is away. */
export const SCHEDULE_HORIZON_MS = 48 * 3_600_000;

/** Sets how the machine's agent treats the schedule, and what people without a slice get there. */
export async function setMachineEnforcement(actor: Actor, input: { machineId: string; mode: EnforcementMode; loginThreads?: number; loginRamGb?: number; reason?: string }) {
  return transaction(async (tx) => {
    await lockMachine(tx, input.machineId);
    const machine = await findMachineEnforcement(tx, input.machineId);
    if (!machine) throw notFound("Machine", "machineId");
    const loginThreads = input.loginThreads ?? machine.loginThreads;
    const loginRamGb = input.loginRamGb ?? machine.loginRamGb;
    if (loginThreads > Math.max(machine.reservedThreads, 1)) {
      throw new AppError("VALIDATION", `must be at most the machine's reserved threads (${machine.reservedThreads}): people without a slice run on those.`, { field: "loginThreads" });
    }
    if (loginRamGb > Math.max(machine.reservedRamGb, 1)) {
      throw new AppError("VALIDATION", `must be at most the machine's reserved RAM (${machine.reservedRamGb} GB): people without a slice share it.`, { field: "loginRamGb" });
    }
    const before = { mode: machine.enforcementMode, loginThreads: machine.loginThreads, loginRamGb: machine.loginRamGb };
    const after = await updateMachineEnforcement(tx, machine.id, { enforcementMode: input.mode, loginThreads, loginRamGb });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "machine.enforcement",
      subjectType: "machine",
      subjectId: machine.id,
      before,
      after: { mode: after.enforcementMode, loginThreads: after.loginThreads, loginRamGb: after.loginRamGb },
      reason: input.reason,
    });
    return { machineId: machine.id, mode: after.enforcementMode, loginThreads: after.loginThreads, loginRamGb: after.loginRamGb };
  });
}

async function loadSchedule(client: Db, machineId: string, now: Date) {
  const machine = await findMachineEnforcement(client, machineId);
  if (!machine) throw notFound("Machine", "machineId");
  const to = new Date(now.getTime() + SCHEDULE_HORIZON_MS);
  const rows = await findScheduledSlices(client, machineId, now, to);
  const schedule: ScheduleDocument = {
    machine: { cores: machine.cores, threads: machine.threads, reservedThreads: machine.reservedThreads, ramGb: machine.ramGb, reservedRamGb: machine.reservedRamGb },
    loginProfile: { threads: machine.loginThreads, ramGb: machine.loginRamGb },
    from: now.getTime(),
    to: to.getTime(),
    slices: rows.map((r) => ({
      id: r.id,
      linuxUsername: r.requester.linuxUsername,
      gpus: r.gpus.map((g) => ({ index: g.gpu.index, uuid: g.gpu.uuid })).sort((a, b) => a.index - b.index),
      threads: r.threads,
      ramGb: r.ramGb,
      start: r.startAt.getTime(),
      end: r.effectiveEnd.getTime(),
    })),
  };
  return { machine, schedule, rows };
}

/**
 * What the machine's agent needs: its mode, the next 48 h of schedule (which it caches and keeps
 * enforcing while the portal is away), the desired state now as the portal sees it (uids and
 * device nodes are the machine's to resolve), when it next changes, and an ETag that changes only
 * when the schedule or the mode does (the long-poll answers 304 while it matches).
 */
export async function desiredStateFor(machineId: string, now: Date) {
  const { machine, schedule, rows } = await read((client) => loadSchedule(client, machineId, now));
  const mode = machine.enforcementMode;
  return {
    machineId: machine.id,
    machineName: machine.name,
    mode,
    etag: `"${createHash("sha256").update(scheduleFingerprintInput(schedule, mode)).digest("base64url").slice(0, 32)}"`,
    schedule,
    desired: desiredStateAt(schedule, {}, now.getTime()),
    nextBoundary: nextBoundary(schedule, now.getTime()),
    /** For people reading the machine page: who holds each slice and whether it is exempt from idle reclaim. */
    slices: rows.map((r) => ({ id: r.id, holder: r.requester.name, linuxUsername: r.requester.linuxUsername, start: r.startAt, end: r.effectiveEnd, gpus: r.gpus.map((g) => g.gpu.index).sort((a, b) => a - b), idleExempt: r.idleExempt })),
  };
}

export type DesiredStateView = Awaited<ReturnType<typeof desiredStateFor>>;
