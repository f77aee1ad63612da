import { actionsForMode, judgeIdle, type GpuSample, type IdleAction } from "@/core/idle/judge";
import { resolveIdlePolicy, type IdlePolicy, type StoredIdlePolicy } from "@/core/idle/policy";
import { AppError } from "@/core/errors";
import { findActiveSlicesForIdle, findIdleRows, findMachineEnforcement, IDLE_DEFAULT_SCOPE } from "@/server/db/enforcement";
import { findSliceById } from "@/server/db/slices";
import { read, transaction } from "@/server/db/tx";
import { notify } from "@/server/notifications/notify";
import { sliceRef } from "@/server/notifications/slice-ref";
import { reclaimIdleSlice } from "./idle";

/** Longer than this between an agent's samples (or before now) is silence: nobody is judged across it. */
export const DEFAULT_MAX_SAMPLE_GAP_MS = 3 * 60_000;

export interface SweptSlice {
  sliceId: string;
  holder: { id: string; name: string };
  state: ReturnType<typeof judgeIdle>["state"];
  /** What fell due and the machine's mode allows: warnings for the notifier to send, and the release or reclaim done. */
  actions: IdleAction[];
  reclaimed: boolean;
}

/**
 * Judges every slice running on a machine from its agent's samples, as the policy of the slice's
 * team says, and acts as the machine's mode allows: observe nothing, warn only the warnings,
 * enforce also the release of a no-show and the reclaim of an idle slice. Each warning is told
 * to the holder in a transaction of its own, each reclaim tells them in the reclaim's (audited as
 * done by the system). Meant to run every minute per machine with the previous run's time as
 * `lastJudgedAt`, so each action comes out once (and a repeated one is sent once, by its key).
 */
export async function sweepIdleSlices(input: { machineId: string; samples: readonly GpuSample[]; now: Date; lastJudgedAt: Date; maxGapMs?: number }): Promise<SweptSlice[]> {
  const { machine, slices, rows } = await read(async (client) => ({
    machine: await findMachineEnforcement(client, input.machineId),
    slices: await findActiveSlicesForIdle(client, input.machineId, input.now),
    rows: await findIdleRows(client),
  }));
  if (!machine) throw new AppError("NOT_FOUND", "Machine was not found.", { field: "machineId" });
  const byScope = new Map<string, StoredIdlePolicy>(rows.map((r) => [r.scope, r]));
  const out: SweptSlice[] = [];
  for (const row of slices) {
    const judged = judgeIdle({
      slice: {
        id: row.id,
        start: row.startAt.getTime(),
        end: (row.releasedAt && row.releasedAt < row.endAt ? row.releasedAt : row.endAt).getTime(),
        // A GPU whose UUID the agent has not reported cannot be matched to samples, so it never reads idle.
        gpuUuids: row.gpus.map((g) => g.gpu.uuid ?? `unreported:${row.id}`),
        // A serving slice answers users around the clock: quiet hours are not idleness to reclaim.
        idleExempt: row.idleExempt || row.kind === "serving",
      },
      samples: input.samples,
      policy: resolveIdlePolicy(byScope.get(IDLE_DEFAULT_SCOPE) ?? null, byScope.get(row.teamId) ?? null),
      now: input.now.getTime(),
      lastJudgedAt: input.lastJudgedAt.getTime(),
      maxGapMs: input.maxGapMs ?? DEFAULT_MAX_SAMPLE_GAP_MS,
    });
    const policy = resolveIdlePolicy(byScope.get(IDLE_DEFAULT_SCOPE) ?? null, byScope.get(row.teamId) ?? null);
    const actions = actionsForMode(judged.actions, machine.enforcementMode);
    const ending = actions.find((a) => a.kind === "reclaim-idle" || a.kind === "release-no-show");
    let reclaimed = false;
    if (ending) {
      const since = new Date(ending.since).toISOString().slice(0, 16).replace("T", " ");
      const detail = ending.kind === "reclaim-idle" ? `All its GPUs at 0 % since ${since} UTC.` : `No process on its GPUs since ${since} UTC.`;
      try {
        await reclaimIdleSlice("system", { sliceId: row.id, reason: ending.kind === "reclaim-idle" ? "idle" : "no-show", detail, idleMinutes: minutesBetween(ending.since, input.now.getTime()) }, input.now);
        reclaimed = true;
      } catch (error) {
        // Released, exempted or ended meanwhile (by its holder, an admin, another portal process): nothing to reclaim.
        if (!(error instanceof AppError && error.code === "CONFLICT")) throw error;
      }
    } else {
      for (const action of actions) await warn(row.id, action, policy, input.now);
    }
    out.push({ sliceId: row.id, holder: row.requester, state: judged.state, actions, reclaimed });
  }
  return out;
}

const minutesBetween = (from: number, to: number) => Math.round((to - from) / 60_000);

/** A warning to the holder: how long their GPUs sat idle (or unused) and when the slice goes if that goes on. */
async function warn(sliceId: string, action: IdleAction, policy: IdlePolicy, now: Date) {
  await transaction(async (tx) => {
    const row = await findSliceById(tx, sliceId);
    if (!row) return;
    const end = (row.releasedAt && row.releasedAt < row.endAt ? row.releasedAt : row.endAt).getTime();
    const minutes = action.kind === "tell-no-show" ? policy.noShowReleaseMinutes : policy.idleReclaimMinutes;
    // With that step turned off, the slice simply runs to its end.
    const reclaimAt = minutes > 0 ? Math.min(action.since + minutes * 60_000, end) : end;
    await notify(tx, { kind: "idle-warning", slice: sliceRef(row), idleMinutes: minutesBetween(action.since, action.at), reclaimAt }, now);
  });
}
