import { actionsForMode, judgeIdle, type GpuSample, type IdleAction } from "@/core/idle/judge";
import { resolveIdlePolicy, type StoredIdlePolicy } from "@/core/idle/policy";
import { AppError } from "@/core/errors";
import { findActiveSlicesForIdle, findIdleRows, findMachineEnforcement, IDLE_DEFAULT_SCOPE } from "@/server/db/enforcement";
import { read } from "@/server/db/tx";
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
 * enforce also the release of a no-show and the reclaim of an idle slice (each in its own
 * transaction, audited as done by the system). Meant to run every minute per machine with the
 * previous run's time as `lastJudgedAt`, so each action comes out once.
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
    const actions = actionsForMode(judged.actions, machine.enforcementMode);
    const ending = actions.find((a) => a.kind === "reclaim-idle" || a.kind === "release-no-show");
    if (ending) {
      const since = new Date(ending.since).toISOString().slice(0, 16).replace("T", " ");
      await reclaimIdleSlice("system", { sliceId: row.id, reason: ending.kind === "reclaim-idle" ? "idle" : "no-show", detail: ending.kind === "reclaim-idle" ? `All its GPUs at 0 % since ${since} UTC.` : `No process on its GPUs since ${since} UTC.` }, input.now);
    }
    out.push({ sliceId: row.id, holder: row.requester, state: judged.state, actions, reclaimed: Boolean(ending) });
  }
  return out;
}
