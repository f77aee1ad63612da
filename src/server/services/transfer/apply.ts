import { randomUUID } from "node:crypto";
import { effectiveEnd } from "@/core/slices/lifecycle";
import { keys } from "@/core/transfer/records";
import type { ImportPlan } from "@/core/transfer/plan-model";
import {
  deleteHoldRows,
  insertGpuModelRow,
  insertHoldRows,
  insertPriceRow,
  insertSliceRows,
  insertTeamRow,
  insertUserRow,
  releaseUniques,
  updateGpuModelRow,
  updatePriceNotes,
  updateSliceRow,
  updateTeamRow,
  updateUserRow,
  writeBuildRow,
  writeGpuRow,
  writeMachineRow,
  type HoldData,
  type SliceData,
} from "@/server/db/transfer";
import { upsertQuotaRow } from "@/server/db/quotas";
import type { Db } from "@/server/db/tx";
import type { InventoryIds } from "./snapshot";

const date = (value: string) => new Date(value);
const need = (map: Map<string, string>, key: string) => {
  const id = map.get(key);
  // planImport resolved every reference, so a missing id is a bug, not bad input.
  if (!id) throw new Error(`import: no id for ${key}`);
  return id;
};

/** Writes a checked plan, in dependency order, recording the ids of new rows for the records that refer to them. */
export async function applyPlan(tx: Db, plan: ImportPlan, ids: InventoryIds): Promise<void> {
  for (const c of plan.teams) {
    if (c.before) await updateTeamRow(tx, need(ids.teams, c.key), c.record.name);
    else ids.teams.set(c.key, await insertTeamRow(tx, c.record.name));
  }
  for (const c of plan.users) {
    const data = { email: c.record.email, name: c.record.name, teamId: need(ids.teams, keys.team(c.record.team)), assignedRoles: c.record.roles, active: c.record.active, linuxUsername: c.record.linuxUsername ?? undefined };
    if (c.before) await updateUserRow(tx, need(ids.users, c.key), data);
    else ids.users.set(c.key, await insertUserRow(tx, data));
  }
  for (const c of plan.gpuModels) {
    if (c.before) await updateGpuModelRow(tx, need(ids.gpuModels, c.key), c.record);
    else ids.gpuModels.set(c.key, await insertGpuModelRow(tx, c.record));
  }
  for (const c of plan.prices) {
    if (c.before) await updatePriceNotes(tx, need(ids.prices, c.key), { provider: c.record.provider, sourceNote: c.record.sourceNote });
    else ids.prices.set(c.key, await insertPriceRow(tx, { ...c.record, priceMicros: BigInt(c.record.priceMicros), effectiveFrom: date(c.record.effectiveFrom) }));
  }
  for (const c of plan.builds) {
    const id = await writeBuildRow(tx, c.before ? need(ids.builds, c.key) : undefined, {
      name: c.record.name,
      status: c.record.status,
      notes: c.record.notes,
      parts: c.record.parts.map((p) => ({ ...p, unitPriceMicros: BigInt(p.unitPriceMicros) })),
      quotes: c.record.quotes.map((q) => ({ ...q, priceMicros: BigInt(q.priceMicros), quotedAt: q.quotedAt === null ? null : date(q.quotedAt) })),
    });
    ids.builds.set(c.key, id);
  }
  await applyMachines(tx, plan, ids);
  for (const c of plan.quotas) {
    const { team, ...values } = c.record;
    await upsertQuotaRow(tx, team === null ? "default" : need(ids.teams, keys.team(team)), values);
  }
  await applySlices(tx, plan, ids);
}

async function applyMachines(tx: Db, plan: ImportPlan, ids: InventoryIds) {
  const movedBuild = plan.machines.filter((c) => c.before && c.before.build !== c.record.build).map((c) => need(ids.machines, c.key));
  const movedUuid = plan.machines.flatMap((c) =>
    (c.before?.gpus ?? []).filter((g) => g.uuid !== null && c.record.gpus.find((n) => n.index === g.index)?.uuid !== g.uuid).map((g) => need(ids.gpus, `${c.key}#${g.index}`)),
  );
  await releaseUniques(tx, movedBuild, movedUuid);
  for (const c of plan.machines) {
    const { costs, gpus, build, ...machine } = c.record;
    const id = await writeMachineRow(tx, c.before ? need(ids.machines, c.key) : undefined, {
      ...machine,
      inServiceAt: date(machine.inServiceAt),
      retiredAt: machine.retiredAt === null ? null : date(machine.retiredAt),
      buildId: build === null ? null : need(ids.builds, keys.build(build)),
      ...costs,
      purchasePriceMicros: costs.purchasePriceMicros === null ? null : BigInt(costs.purchasePriceMicros),
      kwhPriceMicros: BigInt(costs.kwhPriceMicros),
      maintenancePerMonthMicros: BigInt(costs.maintenancePerMonthMicros),
    });
    ids.machines.set(c.key, id);
    for (const gpu of gpus) {
      const before = c.before?.gpus.find((g) => g.index === gpu.index);
      if (before && before.model === gpu.model && before.uuid === gpu.uuid) continue;
      const gpuKey = `${c.key}#${gpu.index}`;
      ids.gpus.set(gpuKey, await writeGpuRow(tx, ids.gpus.get(gpuKey), { machineId: id, index: gpu.index, gpuModelId: need(ids.gpuModels, keys.gpuModel(gpu.model)), uuid: gpu.uuid }));
    }
  }
}

/** All holds of changed slices go first, so holds that trade places never overlap mid-import. */
async function applySlices(tx: Db, plan: ImportPlan, ids: InventoryIds) {
  const rows: SliceData[] = [];
  const holds: HoldData[] = [];
  for (const c of plan.slices) {
    const s = c.record;
    const id = c.id ?? randomUUID();
    const row: SliceData = {
      id,
      machineId: need(ids.machines, keys.machine(s.machine)),
      requesterId: need(ids.users, keys.user(s.requester)),
      teamId: need(ids.teams, keys.team(s.team)),
      status: s.status,
      gpuCount: s.gpuCount,
      threads: s.threads,
      ramGb: s.ramGb,
      startAt: date(s.start),
      endAt: date(s.end),
      releasedAt: s.releasedAt === null ? null : date(s.releasedAt),
      purpose: s.purpose,
      decidedById: s.decidedBy === null ? null : need(ids.users, keys.user(s.decidedBy)),
      decidedAt: s.decidedAt === null ? null : date(s.decidedAt),
      decisionReason: s.decisionReason,
      overrideReason: s.overrideReason,
    };
    rows.push(row);
    if (s.status !== "approved") continue;
    const heldUntil = new Date(effectiveEnd(row.endAt.getTime(), row.releasedAt?.getTime()));
    for (const index of s.gpus) holds.push({ sliceId: id, gpuId: need(ids.gpus, `${keys.machine(s.machine)}#${index}`), startAt: row.startAt, endAt: heldUntil });
  }
  const updated = new Set(plan.slices.filter((c) => c.before).map((c) => c.id!));
  await deleteHoldRows(tx, [...updated]);
  for (const row of rows.filter((r) => updated.has(r.id))) await updateSliceRow(tx, row);
  await insertSliceRows(tx, rows.filter((r) => !updated.has(r.id)));
  await insertHoldRows(tx, holds);
}
