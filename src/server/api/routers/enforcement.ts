import { z } from "zod";
import { ENFORCEMENT_MODES } from "@/core/enforcement/types";
import { machineEnforcementView } from "@/server/services/agent-schedule";
import { setMachineEnforcement } from "@/server/services/enforcement";
import { listIdlePolicies, reclaimIdleSlice, setIdleExempt, updateIdlePolicy } from "@/server/services/idle";
import { byActor } from "../by-actor";
import { permitted, router } from "../trpc";
import { id, reason } from "@/contracts/shared";

const minutes = z.number({ message: "must be a number of minutes" }).int("must be a whole number of minutes").min(0, "must be 0 (off) or more").max(10_080, "must be at most a week (10080)").nullable();
const small = (what: string, max: number) => z.number({ message: `must be a number of ${what}` }).int(`must be a whole number of ${what}`).min(1, `must be at least 1`).max(max, `must be at most ${max}`);

export const enforcementRouter = router({
  setMode: permitted("inventory:manage")
    .input(z.object({ machineId: id, mode: z.enum(ENFORCEMENT_MODES, { message: "must be observe, warn or enforce" }), loginThreads: small("threads", 256).optional(), loginRamGb: small("GB", 4096).optional(), reason: reason.optional() }))
    .mutation(byActor(setMachineEnforcement)),

  /** What the machine's agent is told to apply now and over the next 48 h, and what it last reported applying. */
  desiredState: permitted("inventory:manage")
    .input(z.object({ machineId: id }))
    .query(({ ctx, input }) => machineEnforcementView(input.machineId, ctx.now)),

  idlePolicies: permitted("schedule:read").query(() => listIdlePolicies()),

  updateIdlePolicy: permitted("quotas:manage")
    .input(
      z.object({
        teamId: id.optional(),
        values: z.object({ noShowNotifyMinutes: minutes, noShowReleaseMinutes: minutes, idleWarnMinutes: minutes, idleWarnAgainMinutes: minutes, idleReclaimMinutes: minutes }),
        reason: reason.optional(),
      }),
    )
    .mutation(byActor(updateIdlePolicy)),

  setIdleExempt: permitted("slices:decide")
    .input(z.object({ sliceId: id, exempt: z.boolean({ message: "must be true or false" }), reason }))
    .mutation(byActor(setIdleExempt)),

  reclaimIdle: permitted("slices:decide")
    .input(z.object({ sliceId: id, reason: z.enum(["idle", "no-show"], { message: "must be idle or no-show" }), detail: reason.optional() }))
    .mutation(byActor(reclaimIdleSlice)),
});
