import { z } from "zod";
import { SLICE_KINDS } from "@/core/slices/kinds";
import { SLICE_STATUSES } from "@/core/slices/lifecycle";
import { epochMs, id, instantIn, instantOut, reason, ref, whole } from "./shared";
import { sliceOut } from "./slices";

const placementOut = z.object({
  machineId: z.string(),
  machineName: z.string(),
  gpuIds: z.array(z.string()),
  threads: z.number().int(),
  ramGb: z.number().int(),
  start: epochMs,
  end: epochMs,
  stranded: z.object({ gpus: z.number().int(), threads: z.number().int(), ramGb: z.number().int() }).meta({ description: "What the placement leaves on its machine that no default-profile slice could use." }),
  cloudMicrosPerHour: z.number().meta({ description: "Cloud-equivalent of the slice per hour, micro-dollars." }),
});

export const verdictOut = z
  .object({
    machineId: z.string(),
    machineName: z.string(),
    chosen: z.boolean(),
    code: z.enum(["CHOSEN", "UNAVAILABLE", "NO_SUITABLE_GPUS", "TOO_FEW_SUITABLE_GPUS", "TOO_SMALL", "NO_WINDOW", "LATER_START", "MORE_STRANDED", "MORE_EXPENSIVE", "TIE_BY_NAME"]),
    message: z.string(),
    placement: placementOut.optional(),
  })
  .meta({ id: "MachineVerdict", description: "Why a machine was chosen or not." });

export const previewOut = z.object({ placement: placementOut.nullable(), verdicts: z.array(verdictOut) });

export const waitlistEntryOut = z
  .object({
    id: z.string(),
    requester: ref,
    team: ref,
    need: z.string().meta({ description: "The need in words." }),
    gpuCount: z.number().int(),
    minGpuMemoryGb: z.number().int().nullable(),
    gpuModels: z.array(z.string()),
    durationHours: z.number(),
    earliestStart: instantOut,
    latestEnd: instantOut.nullable(),
    purpose: z.string(),
    kind: z.enum(SLICE_KINDS),
    status: z.enum(["waiting", "placed", "unmeetable", "cancelled"]),
    pinned: z.boolean().meta({ description: "An admin moved it; pinned entries go first." }),
    outcome: z.string().nullable(),
    slice: z.object({ id: z.string(), status: z.enum(SLICE_STATUSES), start: instantOut, end: instantOut, machine: ref }).nullable(),
    createdAt: instantOut,
    decidedAt: instantOut.nullable(),
  })
  .meta({ id: "WaitlistEntry" });
export type WaitlistEntryOut = z.infer<typeof waitlistEntryOut>;

export const queueItemOut = waitlistEntryOut
  .extend({
    position: z.number().int(),
    teamGpuHoursPerShare: z.number().meta({ description: "The team's GPU-hours over the last 30 days divided by its share: lower goes first." }),
    estimatedStart: instantOut.nullable().meta({ description: "If nothing ends early: the queue ahead takes its earliest windows first." }),
  })
  .meta({ id: "QueueItem" });
export type QueueItemOut = z.infer<typeof queueItemOut>;

export const byNeedOut = z.discriminatedUnion("outcome", [
  z.object({ outcome: z.literal("placed"), verdicts: z.array(verdictOut), slice: sliceOut }),
  z.object({ outcome: z.literal("waiting"), verdicts: z.array(verdictOut), waiting: queueItemOut.extend({ queueLength: z.number().int() }) }),
]);

export const myWaitlistOut = z.object({ queueLength: z.number().int(), waiting: z.array(queueItemOut), recent: z.array(waitlistEntryOut) });

export const needIn = z
  .object({
    gpuCount: whole(1, 64, "GPUs"),
    minGpuMemoryGb: whole(1, 1024, "GB").optional(),
    gpuModels: z.array(z.string().trim().min(1, "must name a model").max(100)).max(20).optional(),
    threadsPerGpu: whole(0, 1024, "threads").optional(),
    ramGbPerGpu: whole(0, 65_536, "GB").optional(),
    durationHours: z.number({ message: "must be a number of hours" }).positive("must be more than 0 hours").max(24 * 366, "must be at most a year").multipleOf(0.25, "must be in quarters of an hour"),
    earliestStart: instantIn.optional(),
    latestEnd: instantIn.optional(),
    purpose: z.string().trim().min(3, "must say in a few words what the slice is for").max(500),
    kind: z.enum(SLICE_KINDS).default("training"),
    waitlist: z.boolean().default(true).meta({ description: "As soon as possible: wait in the queue when nothing fits at the earliest start. False books the earliest window found instead." }),
  })
  .refine((n) => !n.latestEnd || !n.earliestStart || n.latestEnd > n.earliestStart, { message: "must be after the earliest start", path: ["latestEnd"] });
export type NeedIn = z.output<typeof needIn>;

export const cancelWaitingIn = z.object({ entryId: id, reason: reason.optional() });
export const moveWaitingIn = z.object({ entryId: id, position: whole(1, 10_000, "positions"), reason });
export const setFairShareIn = z.object({ teamId: id, share: whole(1, 1000, "shares"), reason: reason.optional() });
export const fairShareOut = z.object({ id: z.string(), name: z.string(), fairShare: z.number().int() });
