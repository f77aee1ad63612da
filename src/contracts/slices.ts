import { z } from "zod";
import { SLICE_KINDS } from "@/core/slices/kinds";
import { SLICE_STATUSES } from "@/core/slices/lifecycle";
import { afterFrom, id, instant, instantIn, instantOut, reason, ref } from "./shared";

/** The slices feature: what the procedures take and what they answer. */

export const sliceOut = z
  .object({
    id: z.string(),
    machine: ref,
    requester: ref,
    team: ref.meta({ description: "The team charged: the requester's team when the request was made." }),
    gpuCount: z.number().int(),
    threads: z.number().int(),
    ramGb: z.number().int(),
    start: instantOut,
    end: instantOut,
    releasedAt: instantOut.nullable(),
    endReason: z.string().nullable().meta({ description: "Why the portal ended the slice early: \"idle\" (its GPUs sat idle) or \"no-show\" (nothing ran after its start); null when its holder released it or it ran to its end." }),
    idleExempt: z.boolean().meta({ description: "An admin exempted the slice from idle reclaim." }),
    effectiveEnd: instant("The earlier of the end and the release."),
    purpose: z.string(),
    kind: z.enum(SLICE_KINDS).meta({ description: "What the GPUs do: training, interactive work, or serving a model around the clock." }),
    nextRenewalAt: instantOut.nullable().meta({ description: "Serving slices renew monthly until released: from when the next renewal is due; null for other slices and once released or ended." }),
    status: z.enum(SLICE_STATUSES),
    state: z
      .enum(["pending", "rejected", "cancelled", "upcoming", "active", "ended"])
      .meta({ description: "The status, or for approved slices where they stand by the clock." }),
    gpus: z.array(z.object({ id: z.string(), index: z.number().int(), model: z.string() })).meta({ description: "The GPUs an approved slice holds." }),
    decidedBy: ref.nullable(),
    decidedAt: instantOut.nullable(),
    decisionReason: z.string().nullable(),
    overrideReason: z.string().nullable(),
    pendingExtension: z
      .object({ id: z.string(), requestedEndAt: instantOut, reason: z.string(), createdAt: instantOut })
      .nullable(),
    createdAt: instantOut,
  })
  .meta({ id: "Slice" });
export type SliceOut = z.infer<typeof sliceOut>;

/** Pending requests with the GPUs the portal proposes and what stands in the way, and pending extensions. */
export const approvalQueueOut = z.object({
  requests: z.array(
    z.object({
      slice: sliceOut,
      proposedGpuIds: z.array(z.string()).nullable().meta({ description: "The free GPUs approval would assign; null when too few are free." }),
      machineGpus: z.array(z.object({ id: z.string(), index: z.number().int() })),
      problems: z.array(z.string()),
      quotaOnly: z.boolean().meta({ description: "Only quotas stand in the way: an admin may override them with a reason." }),
      suggestion: z.object({ start: z.number(), end: z.number(), gpuIds: z.array(z.string()) }).nullable().meta({ description: "The earliest window that fits (epoch milliseconds)." }),
    }),
  ),
  extensions: z.array(z.object({ id: z.string(), requestedEnd: instantOut, reason: z.string(), createdAt: instantOut, slice: sliceOut })),
});

const count = (label: string, max: number) => z.number({ message: `must be a number of ${label}` }).int(`must be a whole number of ${label}`).min(0).max(max);
const afterStart = { message: "must be after the start", path: ["end"] };
const sliceRef = { sliceId: id };

export const listSlicesIn = z
  .object({
    status: z.enum(SLICE_STATUSES).optional(),
    machineId: id.optional(),
    requester: z.enum(["me", "anyone"]).default("anyone"),
    from: instantIn.optional(),
    to: instantIn.optional(),
    limit: z.number().int("must be a whole number").min(1, "must be at least 1").max(1000, "must be at most 1000").default(100),
  })
  .refine((w) => !w.from || !w.to || w.to > w.from, afterFrom("to"));

export const getSliceIn = z.object(sliceRef);

export const requestSliceIn = z
  .object({
    machineId: id,
    gpuCount: count("GPUs", 64).min(1, "must be at least 1 GPU"),
    threads: count("threads", 1024).optional(),
    ramGb: count("GB", 65_536).optional(),
    start: instantIn.optional(),
    end: instantIn,
    purpose: z.string().trim().min(3, "must say in a few words what the slice is for").max(500),
    quotaException: reason.optional(),
  })
  .refine((r) => !r.start || r.end > r.start, afterStart);

export const cancelSliceIn = z.object({ ...sliceRef, reason: reason.optional() });
export const releaseSliceIn = z.object(sliceRef);
export const requestExtensionIn = z.object({ ...sliceRef, end: instantIn, reason });
export const approveSliceIn = z.object({ ...sliceRef, gpuIds: z.array(id).min(1).max(64).optional(), overrideReason: reason.optional() });
export const rejectSliceIn = z.object({ ...sliceRef, reason });
export const decideExtensionIn = z.object({ extensionId: id, approve: z.boolean(), reason: reason.optional(), overrideReason: reason.optional() });

const MAX_SCHEDULE_DAYS = 120;
export const scheduleIn = z
  .object({ from: instantIn, to: instantIn, machineId: id.optional() })
  .refine((w) => w.to > w.from, afterFrom("to"))
  .refine((w) => w.to.getTime() - w.from.getTime() <= MAX_SCHEDULE_DAYS * 86_400_000, { message: `the window may span at most ${MAX_SCHEDULE_DAYS} days`, path: ["to"] });

const amounts = z.object({ threads: z.number().int(), ramGb: z.number().int() });

/** Who holds which GPU over [from, to), and the pending requests (not yet on any GPU). */
export const scheduleOut = z.object({
  from: instantOut,
  to: instantOut,
  now: instantOut,
  machines: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      status: z.enum(["active", "maintenance", "retired"]),
      threads: z.number().int(),
      ramGb: z.number().int(),
      profile: amounts,
      gpus: z.array(z.object({ id: z.string(), index: z.number().int(), model: z.string() })),
      holds: z.array(
        z.object({
          sliceId: z.string(),
          gpuId: z.string(),
          start: instantOut,
          end: instantOut,
          holder: z.string(),
          team: z.string(),
          purpose: z.string(),
          serving: z.boolean(),
          mine: z.boolean(),
        }),
      ),
      pending: z.array(z.object({ sliceId: z.string(), start: instantOut, end: instantOut, gpuCount: z.number().int(), holder: z.string(), purpose: z.string(), mine: z.boolean() })),
    }),
  ),
});
export type ScheduleOut = z.infer<typeof scheduleOut>;
