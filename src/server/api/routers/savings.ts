import { z } from "zod";
import { BUCKET_SIZES } from "@/core/costs/buckets";
import { myUsage, savingsReport, savingsSummary } from "@/server/services/savings";
import { addPriceEntry, deletePriceEntry, getMachineCosts, listPriceCatalog, setCloudEquivalent, updateMachineCosts } from "@/server/services/prices";
import { savingsReportOut, savingsSummaryOut } from "@/contracts/savings";
import { restEndpoint } from "../rest/meta";
import { permitted, protectedProcedure, router } from "../trpc";
import { afterFrom, id, instantIn, microsIn, openWindow, reason, window } from "@/contracts/shared";

const sku = z.string().trim().min(2, "must be at least 2 characters").max(60).regex(/^[\w.:-]+$/, "may contain letters, digits and . _ : -");
const now = () => new Date();
const rest = restEndpoint("Savings");

export const savingsRouter = router({
  summary: permitted("savings:read")
    .meta(rest("GET", "/savings/summary", "Savings at a glance", "savings:read", "Savings over [from, to) (by default since the first machine entered service, up to now) and in the UTC calendar month the window ends in, utilization, break-even per machine and the premium avoided against vendor quotes. `asOf` says the instant the figures are to date at: `to`, or now when `to` is later or not given."))
    .input(
      openWindow.optional(),
    )
    .output(savingsSummaryOut)
    .query(({ input }) => savingsSummary(now(), input)),
  report: permitted("savings:read")
    .meta(rest("GET", "/savings/report", "Savings report of a window", "savings:read", "Cloud-equivalent against on-prem cost per UTC day, week or month of [from, to), per machine, team, purpose (training, interactive, serving) or the whole fleet. Money is integer micro-dollars as decimal strings; bucket bounds are epoch milliseconds."))
    .input(
      z
        .object({ from: instantIn, to: instantIn, bucket: z.enum(BUCKET_SIZES), groupBy: z.enum(["machine", "team", "purpose", "fleet"]) })
        .refine((w) => w.to > w.from, afterFrom("to"))
        .refine((w) => w.bucket !== "day" || w.to.getTime() - w.from.getTime() <= 3 * 366 * 86_400_000, { message: "daily buckets may span at most three years", path: ["bucket"] }),
    )
    .output(savingsReportOut)
    .query(({ input }) => savingsReport(input, now())),
  myUsage: protectedProcedure.input(window).query(({ ctx, input }) => myUsage(ctx.actor, input, now())),
  catalog: permitted("savings:read").query(() => listPriceCatalog()),
  addPrice: permitted("prices:manage")
    .input(
      z.object({
        provider: z.string().trim().min(2).max(40),
        sku,
        unit: z.enum(["gpu_hour", "vcpu_hour", "gb_hour"]),
        priceMicros: microsIn,
        effectiveFrom: instantIn,
        sourceNote: z.string().trim().max(300).default(""),
      }),
    )
    .mutation(({ ctx, input }) => addPriceEntry(ctx.actor, input)),
  deletePrice: permitted("prices:manage")
    .input(z.object({ entryId: id, reason }))
    .mutation(({ ctx, input }) => deletePriceEntry(ctx.actor, input)),
  setCloudEquivalent: permitted("prices:manage")
    .input(z.object({ gpuModelId: id, cloudSku: sku.nullable() }))
    .mutation(({ ctx, input }) => setCloudEquivalent(ctx.actor, input)),
  machineCosts: permitted("savings:read")
    .input(z.object({ machineId: id }))
    .query(({ input }) => getMachineCosts(input.machineId)),
  updateMachineCosts: permitted("prices:manage")
    .input(
      z.object({
        machineId: id,
        purchasePriceMicros: microsIn.nullable(),
        amortizationMonths: z.number().int().min(1, "must be at least 1 month").max(240, "must be at most 240 months"),
        baselineWatts: z.number().int().min(0).max(20_000),
        kwhPriceMicros: microsIn.max(10_000_000n, "must be at most $10 per kWh"),
        maintenancePerMonthMicros: microsIn,
        vcpuSku: sku,
        ramSku: sku,
      }),
    )
    .mutation(({ ctx, input }) => updateMachineCosts(ctx.actor, input)),
});
