import { MAX_GPUS_PER_MACHINE } from "@/contracts/inventory";
import { machineSpecProblems, type SpecProblem } from "@/core/inventory/machine-spec";
import { AppError, notFound } from "@/core/errors";
import { sliceCapacity, toMachineCapacity } from "@/core/slices/capacity";
import { formatUtc } from "@/core/slices/format";
import { effectiveEnd } from "@/core/slices/lifecycle";
import { peakLoad } from "@/core/slices/sweep";
import type { MachineStatus } from "@/core/slices/types";
import { recordAudit } from "@/server/db/audit";
import { findGpuModelById } from "@/server/db/gpu-models";
import { findMachineLoads } from "@/server/db/gpu-holds";
import {
  findMachineById,
  findMachineByName,
  insertMachine,
  updateMachineRow,
  type MachineData,
  type MachineRow,
} from "@/server/db/machines";
import { read, transaction, type Db } from "@/server/db/tx";
import type { Actor } from "./actor";
import { fleetMachines } from "./fleet";
import { loadGpuStatuses, type GpuStatus } from "./gpu-status";
import { assertUuidFree } from "./gpus";
import { machineSnapshot, machineView } from "./machine-view";
import { lockAllTeams } from "@/server/db/waitlist";
import { placeWaiting } from "./waitlist/pass";

/** Every machine with its GPUs' status at `now`, active ones first. */
export async function listMachines(now: Date) {
  const { machines, statuses } = await read(async (client) => {
    const machines = await fleetMachines(client);
    return { machines, statuses: await loadGpuStatuses(client, machines.map((m) => m.id), now) };
  });
  const order: Record<MachineStatus, number> = { active: 0, maintenance: 1, retired: 2 };
  // Each view gets its own machine's statuses: handing every view the whole fleet's made the list quadratic.
  const statusesOf = new Map<string, GpuStatus[]>();
  for (const status of statuses) {
    const list = statusesOf.get(status.machineId);
    if (list) list.push(status);
    else statusesOf.set(status.machineId, [status]);
  }
  return machines
    .map((machine) => machineView(machine, statusesOf.get(machine.id)))
    .sort((a, b) => order[a.status] - order[b.status] || a.name.localeCompare(b.name));
}

export async function getMachine(machineId: string, now: Date) {
  const { machine, statuses } = await read(async (client) => {
    const machine = await findMachineById(client, machineId);
    return { machine, statuses: machine ? await loadGpuStatuses(client, [machine.id], now) : [] };
  });
  if (!machine) throw notFound("Machine", "machineId");
  return machineView(machine, statuses);
}

function assertSpec(data: MachineData) {
  const problems: SpecProblem[] = machineSpecProblems({
    ...data,
    inServiceAt: data.inServiceAt.getTime(),
    retiredAt: data.retiredAt?.getTime() ?? null,
  });
  const [first] = problems;
  if (first) throw new AppError("VALIDATION", first.message, { field: first.field, details: { problems } });
}

async function assertNameFree(tx: Db, name: string, exceptId?: string) {
  const clash = await findMachineByName(tx, name);
  if (clash && clash.id !== exceptId) {
    throw new AppError("CONFLICT", `A machine named "${clash.name}" already exists.`, { field: "name" });
  }
}

async function loadMachine(tx: Db, machineId: string) {
  const machine = await findMachineById(tx, machineId);
  if (!machine) throw notFound("Machine", "machineId");
  return machine;
}

/** Hostnames are case-insensitive; storing them lower-case keeps the unique index case-insensitive too. */
const hostname = (name: string) => name.trim().toLowerCase();
const text = (value: string | undefined) => (value ?? "").trim();

export interface MachineInput {
  name: string;
  location?: string;
  cpuModel: string;
  cores: number;
  threads: number;
  ramGb: number;
  storage?: string;
  inServiceAt: Date;
  reservedThreads?: number;
  reservedRamGb?: number;
}

export async function createMachine(
  actor: Actor,
  input: MachineInput & { status?: MachineStatus; retiredAt?: Date | null; gpus: { gpuModelId: string; uuid?: string | null }[] },
) {
  return transaction(async (tx) => {
    const data: MachineData = {
      name: hostname(input.name),
      location: text(input.location),
      status: input.status ?? "active",
      cpuModel: input.cpuModel.trim(),
      cores: input.cores,
      threads: input.threads,
      ramGb: input.ramGb,
      storage: text(input.storage),
      inServiceAt: input.inServiceAt,
      retiredAt: input.retiredAt ?? null,
      reservedThreads: input.reservedThreads ?? 1,
      reservedRamGb: input.reservedRamGb ?? 8,
    };
    assertSpec(data);
    await assertNameFree(tx, data.name);
    if (input.gpus.length > MAX_GPUS_PER_MACHINE) {
      throw new AppError("VALIDATION", `A machine can have at most ${MAX_GPUS_PER_MACHINE} GPUs.`, { field: "gpus" });
    }
    const seen = new Set<string>();
    const gpus = [];
    for (const [index, gpu] of input.gpus.entries()) {
      if (!(await findGpuModelById(tx, gpu.gpuModelId))) throw notFound("GPU model", `gpus.${index}.gpuModelId`);
      const uuid = gpu.uuid?.trim() || null;
      if (uuid) {
        if (seen.has(uuid.toLowerCase())) throw new AppError("CONFLICT", `UUID ${uuid} is listed twice.`, { field: `gpus.${index}.uuid` });
        seen.add(uuid.toLowerCase());
        await assertUuidFree(tx, uuid, `gpus.${index}.uuid`);
      }
      gpus.push({ index, gpuModelId: gpu.gpuModelId, uuid });
    }
    const machine = await insertMachine(tx, { ...data, gpus });
    await recordAudit(tx, { actorId: actor.id, action: "machine.create", subjectType: "machine", subjectId: machine.id, after: machineSnapshot(machine) });
    return machineView(machine);
  });
}

/**
 * Approved slices hold threads and RAM; shrinking the machine (or growing its reserve) below what
 * they need at some future instant would break PRODUCT.md's capacity invariant, so it is refused.
 */
async function assertLoadsStillFit(tx: Db, before: MachineRow, after: MachineData, now: Date) {
  const cap = sliceCapacity({ ...toMachineCapacity(before), ...after });
  const old = sliceCapacity(toMachineCapacity(before));
  if (cap.threads >= old.threads && cap.ramGb >= old.ramGb) return;
  const loads = (await findMachineLoads(tx, before.id, now)).map((s) => ({
    start: s.startAt.getTime(),
    end: effectiveEnd(s.endAt.getTime(), s.releasedAt?.getTime()),
    threads: s.threads,
    ramGb: s.ramGb,
  }));
  const window = { start: now.getTime(), end: Number.POSITIVE_INFINITY };
  const checks = [
    { field: after.threads < before.threads ? "threads" : "reservedThreads", unit: "threads", limit: cap.threads, peak: peakLoad(loads.map((l) => ({ ...l, weight: l.threads })), window) },
    { field: after.ramGb < before.ramGb ? "ramGb" : "reservedRamGb", unit: "GB of RAM", limit: cap.ramGb, peak: peakLoad(loads.map((l) => ({ ...l, weight: l.ramGb })), window) },
  ];
  for (const { field, unit, limit, peak } of checks) {
    if (peak.peak > limit) {
      throw new AppError(
        "CAPACITY_CONFLICT",
        `Approved slices on ${before.name} need ${peak.peak} ${unit} ${peak.at <= window.start ? "now" : `at ${formatUtc(peak.at)}`}, but only ${limit} would be left for slices. Make this change once those slices have ended or been released.`,
        { field, details: { needed: peak.peak, available: limit, at: new Date(peak.at).toISOString() } },
      );
    }
  }
}

export async function updateMachine(
  actor: Actor,
  input: { machineId: string; retiredAt?: Date | null } & Partial<MachineInput>,
  now: Date,
) {
  // Serializable: the capacity check reads approved slices that a concurrent approval may be adding.
  return transaction(
    async (tx) => {
      const before = await loadMachine(tx, input.machineId);
      const data: MachineData = {
        name: input.name === undefined ? before.name : hostname(input.name),
        location: input.location === undefined ? before.location : text(input.location),
        status: before.status,
        cpuModel: input.cpuModel?.trim() ?? before.cpuModel,
        cores: input.cores ?? before.cores,
        threads: input.threads ?? before.threads,
        ramGb: input.ramGb ?? before.ramGb,
        storage: input.storage === undefined ? before.storage : text(input.storage),
        inServiceAt: input.inServiceAt ?? before.inServiceAt,
        retiredAt: input.retiredAt === undefined ? before.retiredAt : input.retiredAt,
        reservedThreads: input.reservedThreads ?? before.reservedThreads,
        reservedRamGb: input.reservedRamGb ?? before.reservedRamGb,
      };
      assertSpec(data);
      if (data.name !== before.name) await assertNameFree(tx, data.name, before.id);
      await assertLoadsStillFit(tx, before, data, now);
      const after = await updateMachineRow(tx, before.id, data);
      const [b, a] = [machineSnapshot(before), machineSnapshot(after)];
      if (JSON.stringify(b) !== JSON.stringify(a)) {
        await recordAudit(tx, { actorId: actor.id, action: "machine.update", subjectType: "machine", subjectId: before.id, before: b, after: a });
      }
      return machineView(after);
    },
    { serializable: true },
  );
}

/**
 * Puts a machine into maintenance, retires it (retired date: the one given, else now) or
 * reactivates it. Approved slices stay as they are: the slice feature refuses new approvals on a
 * machine that is not active, and the holders are told by the admin, whose reason is audited.
 */
export async function setMachineStatus(
  actor: Actor,
  input: { machineId: string; status: MachineStatus; reason: string; retiredAt?: Date },
  now: Date,
) {
  return transaction(async (tx) => {
    // A machine back in service frees capacity for the waitlist; a retired one may leave needs unmeetable.
    await lockAllTeams(tx);
    const before = await loadMachine(tx, input.machineId);
    if (!input.reason?.trim()) throw new AppError("VALIDATION", "Give a reason; it is kept in the audit log.", { field: "reason" });
    if (input.retiredAt && input.status !== "retired") {
      throw new AppError("VALIDATION", "A retired date is only given when retiring a machine.", { field: "retiredAt" });
    }
    if (before.status === input.status) return machineView(before);
    const retiredAt = input.status === "retired" ? (input.retiredAt ?? now) : null;
    assertSpec({ ...before, status: input.status, retiredAt });
    const after = await updateMachineRow(tx, before.id, { status: input.status, retiredAt });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "machine.status",
      subjectType: "machine",
      subjectId: before.id,
      before: { name: before.name, status: before.status, retiredAt: before.retiredAt?.toISOString() ?? null },
      after: { name: after.name, status: after.status, retiredAt: after.retiredAt?.toISOString() ?? null },
      reason: input.reason.trim(),
    });
    await placeWaiting(tx, now, `${after.name} became ${after.status}`);
    return machineView(after);
  });
}
