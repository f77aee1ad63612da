import { z } from "zod";
import { createEnrollmentCode, revokeAgent } from "@/server/services/agent-enrollment";
import { usedVersusHeld } from "@/server/services/telemetry-savings";
import { fleetLiveTelemetry, listUnbookedUse, liveMachineTelemetry, machineTelemetrySeries, sliceUsages, TELEMETRY_STEPS } from "@/server/services/telemetry-views";
import { can } from "@/core/permissions";
import { restEndpoint } from "../rest/meta";
import { permitted, router } from "../trpc";
import { id } from "@/contracts/shared";

const read = permitted("inventory:read");
const manage = permitted("inventory:manage");
const rest = restEndpoint("Telemetry");

const point = z.object({ start: z.date(), samples: z.number(), avgUtilPct: z.number().nullable(), maxUtilPct: z.number(), idleSamples: z.number(), maxMemMib: z.number(), avgPowerW: z.number().nullable(), maxTempC: z.number() });

const usedHeldRow = z.object({ key: z.string(), heldGpuHours: z.number(), measuredGpuHours: z.number(), usedGpuHours: z.number(), idleHeldGpuHours: z.number(), idleHeldCostMicros: z.bigint() });

/** What the machines' agents report: live views, history, real use of slices, unbooked use, and the agents' enrollment. */
export const telemetryRouter = router({
  live: read
    .input(z.object({ machineId: id }))
    .query(({ ctx, input }) => liveMachineTelemetry(input.machineId, ctx.now, { withUnbooked: can(ctx.actor.roles, "inventory:manage") })),

  fleet: read.query(({ ctx }) => fleetLiveTelemetry(ctx.now)),

  series: read
    .meta(rest("GET", "/machines/{machineId}/telemetry", "A machine's GPU utilization, memory, power and temperature over time", "inventory:read", "One point per GPU and step (seconds: 60, 300, 900, 3600 or 86400) from the per-minute (steps under an hour) or per-hour aggregates; at most 2,000 points per GPU."))
    .input(z.object({ machineId: id, from: z.coerce.date({ message: "must be a date-time" }), to: z.coerce.date({ message: "must be a date-time" }), step: z.coerce.number().refine((step) => (TELEMETRY_STEPS as readonly number[]).includes(step), `must be one of ${TELEMETRY_STEPS.join(", ")}`) }))
    .output(z.object({ from: z.date(), to: z.date(), step: z.number(), gpus: z.array(z.object({ gpuId: z.string(), index: z.number(), uuid: z.string().nullable(), points: z.array(point) })) }))
    .query(({ input }) => machineTelemetrySeries(input)),

  sliceUsage: read
    .meta(rest("POST", "/slices/usage", "Real use of slices", "inventory:read", "Average and peak utilization, peak memory, idle minutes, measured and used GPU-hours and the processes seen, from the machines' agents."))
    .input(z.object({ sliceIds: z.array(id).min(1, "must name at least 1 slice").max(100, "must name at most 100 slices") }))
    .output(z.array(z.object({ sliceId: z.string(), samples: z.number(), avgUtilPct: z.number().nullable(), peakUtilPct: z.number().nullable(), peakMemMib: z.number().nullable(), idleMinutes: z.number(), measuredGpuHours: z.number(), usedGpuHours: z.number(), processesSeen: z.array(z.object({ who: z.string(), name: z.string(), samples: z.number(), memMaxMib: z.number() })) })))
    .query(({ ctx, input }) => sliceUsages(input.sliceIds, ctx.now)),

  unbooked: manage
    .meta(rest("GET", "/telemetry/unbooked", "Unbooked use of GPUs", "inventory:manage", "Processes of people on GPUs they do not hold, seen in two reports in a row, newest first."))
    .input(z.object({ sinceDays: z.coerce.number().int().min(1, "must be at least 1").max(365, "must be at most 365").default(7) }))
    .output(z.array(z.object({ id: z.string(), machine: z.object({ id: z.string(), name: z.string() }), gpuIndex: z.number(), who: z.string(), person: z.object({ id: z.string(), name: z.string(), team: z.string() }).nullable(), processName: z.string(), since: z.date(), lastSeenAt: z.date(), endedAt: z.date().nullable(), maxMemMib: z.number() })))
    .query(({ ctx, input }) => listUnbookedUse(new Date(ctx.now.getTime() - input.sinceDays * 86_400_000))),

  usedVersusHeld: permitted("savings:read")
    .meta(rest("GET", "/savings/used-vs-held", "Used GPU-hours beside held ones, and the idle-held cost", "savings:read", "Per machine, team and person over a window clipped to when telemetry exists; money in micro-dollars."))
    .input(z.object({ from: z.coerce.date({ message: "must be a date-time" }), to: z.coerce.date({ message: "must be a date-time" }) }))
    .output(z.object({ telemetrySince: z.date().nullable(), from: z.date(), to: z.date(), byMachine: z.array(usedHeldRow), byTeam: z.array(usedHeldRow), byPerson: z.array(usedHeldRow) }))
    .query(({ ctx, input }) => usedVersusHeld(input, ctx.now)),

  createAgentCode: manage
    .meta(rest("POST", "/machines/{machineId}/agent-code", "Create a one-time enrollment code for a machine's agent", "inventory:manage", "Valid for an hour, used once: `rigshare-agent enroll --portal URL --code CODE` on the machine exchanges it for the machine's credential."))
    .input(z.object({ machineId: id }))
    .output(z.object({ machineId: z.string(), machineName: z.string(), code: z.string(), expiresAt: z.date() }))
    .mutation(({ ctx, input }) => createEnrollmentCode(ctx.actor, input, ctx.now)),

  revokeAgent: manage
    .meta(rest("DELETE", "/machines/{machineId}/agent", "Revoke a machine's agent credential", "inventory:manage", "The agent stops at its next report; enroll it again with a new code."))
    .input(z.object({ machineId: id }))
    .output(z.object({ machineId: z.string(), revoked: z.number() }))
    .mutation(({ ctx, input }) => revokeAgent(ctx.actor, input, ctx.now)),
});
