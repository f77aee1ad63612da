import { z } from "zod";
import { addPriceIn, deletePriceIn, savingsReportIn, savingsReportOut, savingsSummaryIn, savingsSummaryOut, setCloudEquivalentIn, updateMachineCostsIn } from "@/contracts/savings";
import { id, window } from "@/contracts/shared";
import { myUsage, savingsReport, savingsSummary } from "@/server/services/savings";
import { addPriceEntry, deletePriceEntry, getMachineCosts, listPriceCatalog, setCloudEquivalent, updateMachineCosts } from "@/server/services/prices";
import { checkedOncePerAnswer } from "../answer-memo";
import { restEndpoint } from "../rest/meta";
import { permitted, protectedProcedure, router } from "../trpc";

const rest = restEndpoint("Savings");

export const savingsRouter = router({
  summary: permitted("savings:read")
    .meta(rest("GET", "/savings/summary", "Savings at a glance", "savings:read", "Savings over [from, to) (by default since the first machine entered service, up to now) and in the UTC calendar month the window ends in, utilization, break-even per machine and the premium avoided against vendor quotes. `asOf` says the instant the figures are to date at: `to`, or now when `to` is later or not given."))
    .input(savingsSummaryIn)
    .output(savingsSummaryOut)
    .query(({ ctx, input }) => savingsSummary(ctx.now, input)),
  report: permitted("savings:read")
    .meta(rest("GET", "/savings/report", "Savings report of a window", "savings:read", "Cloud-equivalent against on-prem cost per UTC day, week or month of [from, to), per machine, team, purpose (training, interactive, serving) or the whole fleet. Money is integer micro-dollars as decimal strings; bucket bounds are epoch milliseconds."))
    .input(savingsReportIn)
    .output(checkedOncePerAnswer(savingsReportOut))
    .query(({ ctx, input }) => savingsReport(input, ctx.now)),
  myUsage: protectedProcedure.input(window).query(({ ctx, input }) => myUsage(ctx.actor, input, ctx.now)),
  catalog: permitted("savings:read").query(() => listPriceCatalog()),
  addPrice: permitted("prices:manage")
    .input(addPriceIn)
    .mutation(({ ctx, input }) => addPriceEntry(ctx.actor, input)),
  deletePrice: permitted("prices:manage")
    .input(deletePriceIn)
    .mutation(({ ctx, input }) => deletePriceEntry(ctx.actor, input)),
  setCloudEquivalent: permitted("prices:manage")
    .input(setCloudEquivalentIn)
    .mutation(({ ctx, input }) => setCloudEquivalent(ctx.actor, input)),
  machineCosts: permitted("savings:read")
    .input(z.object({ machineId: id }))
    .query(({ input }) => getMachineCosts(input.machineId)),
  updateMachineCosts: permitted("prices:manage")
    .input(updateMachineCostsIn)
    .mutation(({ ctx, input }) => updateMachineCosts(ctx.actor, input)),
});
