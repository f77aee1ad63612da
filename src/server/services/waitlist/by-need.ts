import { AppError } from "@/core/errors";
import { describeNeed, placeByNeed } from "@/core/placement/place";
import type { Need, PlacementResult } from "@/core/placement/types";
import type { SliceKind } from "@/core/slices/kinds";
import { MS_PER_DAY, MS_PER_HOUR } from "@/core/slices/time";
import { recordAudit } from "@/server/db/audit";
import { findSliceById } from "@/server/db/slices";
import { read, transaction, type Db } from "@/server/db/tx";
import { findWaitlistEntry, insertWaitlistEntry, lockAllTeams } from "@/server/db/waitlist";
import type { Actor } from "../actor";
import { fileSliceRequest } from "../slices/file-request";
import { sliceView } from "../slices/views";
import { loadFleet, PLACEMENT_HORIZON_MS, type Fleet } from "./fleet";
import { placeWaiting } from "./pass";
import { queuePositionOf } from "./queue";

export interface NeedInput {
  gpuCount: number;
  minGpuMemoryGb?: number;
  gpuModels?: string[];
  threadsPerGpu?: number;
  ramGbPerGpu?: number;
  durationHours: number;
  earliestStart?: Date;
  latestEnd?: Date;
  purpose: string;
  kind?: SliceKind;
  /** "As soon as possible": wait in the queue when nothing fits at the earliest start. */
  waitlist: boolean;
}

const needFrom = (input: NeedInput, now: Date): Need => ({
  gpuCount: input.gpuCount,
  minGpuMemoryGb: input.minGpuMemoryGb,
  gpuModels: input.gpuModels,
  threadsPerGpu: input.threadsPerGpu,
  ramGbPerGpu: input.ramGbPerGpu,
  durationMs: Math.round(input.durationHours * MS_PER_HOUR),
  notBefore: Math.max(now.getTime(), input.earliestStart?.getTime() ?? 0),
  latestEnd: input.latestEnd?.getTime(),
});

function place(fleet: Fleet, actor: Actor, need: Need, now: Date, kind: SliceKind): PlacementResult {
  const policy = fleet.policyOf(actor.teamId).quotas;
  const ahead = policy.user.maxDaysAhead;
  const horizon = now.getTime() + (ahead ? ahead * MS_PER_DAY : PLACEMENT_HORIZON_MS);
  // Serving slices are bound by the team's serving quota, not the slice length (see checkQuotas).
  const maxHours = kind === "serving" ? undefined : policy.user.maxSliceHours;
  if (maxHours !== undefined && need.durationMs > maxHours * MS_PER_HOUR) {
    throw new AppError("QUOTA_EXCEEDED", `A slice may last at most ${maxHours} hours; ${need.durationMs / MS_PER_HOUR} asked.`, { field: "durationHours" });
  }
  const quota = { policy, userId: actor.id, teamId: actor.teamId, userName: actor.name, teamName: actor.teamName, bookings: fleet.bookings, now: now.getTime(), kind };
  const result = placeByNeed({ machines: fleet.machines, bookings: fleet.bookings, need, horizon, quota });
  if (result.impossible) throw new AppError("VALIDATION", result.impossible, { field: need.minGpuMemoryGb !== undefined ? "minGpuMemoryGb" : "gpuCount", details: { verdicts: result.verdicts } });
  return result;
}

/** What the portal would do with a need now: the placement and a verdict per machine. Reads only. */
export async function previewNeed(actor: Actor, input: NeedInput, now: Date) {
  return read(async (client) => {
    const fleet = await loadFleet(client, now);
    const result = place(fleet, actor, needFrom(input, now), now, input.kind ?? "training");
    return { placement: result.placement, verdicts: result.verdicts };
  });
}

/**
 * Files a request by need. Placed at once when a machine has a window at the earliest start (or,
 * without the waitlist, at the earliest window anywhere), as a normal request (auto-approved
 * where the policy allows). Otherwise, with the waitlist, it joins the queue; the pass that runs
 * right after places it if fair share lets it go now.
 */
export async function requestByNeed(actor: Actor, input: NeedInput, now: Date) {
  const need = needFrom(input, now);
  const kind = input.kind ?? "training";
  return transaction(async (tx) => {
    await lockAllTeams(tx);
    const fleet = await loadFleet(tx, now);
    const result = place(fleet, actor, need, now, kind);
    const p = result.placement;
    if (!input.waitlist) {
      if (!p) throw new AppError("CAPACITY_CONFLICT", `Nothing fits ${describeNeed(need)}. ${result.verdicts.map((v) => v.message).join(" ")}`, { field: "earliestStart", details: { verdicts: result.verdicts } });
      return { outcome: "placed" as const, verdicts: result.verdicts, slice: await fileFor(tx, actor, input, p, now, kind) };
    }
    const entry = await insertWaitlistEntry(tx, {
      requesterId: actor.id,
      teamId: actor.teamId,
      gpuCount: need.gpuCount,
      minGpuMemoryGb: need.minGpuMemoryGb ?? null,
      gpuModels: [...(need.gpuModels ?? [])],
      threadsPerGpu: need.threadsPerGpu ?? null,
      ramGbPerGpu: need.ramGbPerGpu ?? null,
      durationMinutes: Math.round(need.durationMs / 60_000),
      earliestStart: new Date(need.notBefore),
      latestEnd: need.latestEnd === undefined ? null : new Date(need.latestEnd),
      purpose: input.purpose,
      kind,
    });
    await recordAudit(tx, { actorId: actor.id, action: "waitlist.join", subjectType: "waitlist", subjectId: entry.id, after: { need: describeNeed(need) }, reason: input.purpose });
    await placeWaiting(tx, now, "the request was made");
    const after = (await findWaitlistEntry(tx, entry.id))!;
    if (after.status === "placed" && after.sliceId) {
      return { outcome: "placed" as const, verdicts: result.verdicts, slice: sliceView((await findSliceById(tx, after.sliceId))!, now) };
    }
    return { outcome: "waiting" as const, verdicts: result.verdicts, waiting: await queuePositionOf(tx, entry.id, now) };
  });
}

async function fileFor(tx: Db, actor: Actor, input: NeedInput, p: NonNullable<PlacementResult["placement"]>, now: Date, kind: SliceKind) {
  const row = await fileSliceRequest(
    tx,
    actor,
    { machineId: p.machineId, gpuCount: p.gpuIds.length, threads: p.threads, ramGb: p.ramGb, start: new Date(p.start), end: new Date(p.end), purpose: input.purpose, kind },
    now,
    { gpuIds: p.gpuIds, auditReason: `Requested by need: ${input.purpose}` },
  );
  return sliceView(row, now);
}
