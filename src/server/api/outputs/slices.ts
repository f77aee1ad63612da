import { z } from "zod";
import { SLICE_KINDS } from "@/core/slices/kinds";
import { SLICE_STATUSES } from "@/core/slices/lifecycle";
import { instant, instantOut, ref } from "./common";

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
