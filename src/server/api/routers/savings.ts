import { z } from "zod";
import { addPriceIn, deletePriceIn, machineCostsOut, priceCatalogOut, savingsReportIn, savingsReportOut, savingsSummaryIn, savingsSummaryOut, setCloudEquivalentIn, updateMachineCostsIn } from "@/contracts/savings";
import { id, window } from "@/contracts/shared";
import { myUsage, savingsReport, savingsSummary } from "@/server/services/savings";
import { addPriceEntry, deletePriceEntry, getMachineCosts, listPriceCatalog, setCloudEquivalent, updateMachineCosts } from "@/server/services/prices";
import { checkedOncePerAnswer } from "../answer-memo";
import { byActor } from "../by-actor";
import { restEndpoint } from "../rest/meta";
import { permitted, protectedProcedure, router } from "../trpc";

const rest = restEndpoint("Savings");
const read = permitted("savings:read");
const managePrices = permitted("prices:manage");

export const savingsRouter = router({
  summary: read
    .meta(rest("GET", "/savings/summary", "Savings at a glance", "savings:read", "Savings over [from, to) (by default since the first machine entered service, up to now) and in the UTC calendar month the window ends in, utilization, break-even per machine and the premium avoided against vendor quotes. `asOf` says the instant the figures are to date at: `to`, or now when `to` is later or not given."))
    .input(savingsSummaryIn)
    .output(savingsSummaryOut)
    .query(({ ctx, input }) => savingsSummary(ctx.now, input)),
  report: read
    .meta(rest("GET", "/savings/report", "Savings report of a window", "savings:read", "Cloud-equivalent against on-prem cost per UTC day, week or month of [from, to), per machine, team, purpose (training, interactive, serving) or the whole fleet. Money is integer micro-dollars as decimal strings; bucket bounds are epoch milliseconds."))
    .input(savingsReportIn)
    .output(checkedOncePerAnswer(savingsReportOut))
    .query(({ ctx, input }) => savingsReport(input, ctx.now)),
  myUsage: protectedProcedure.input(window).query(byActor(myUsage)),
  catalog: read.output(priceCatalogOut).query(() => listPriceCatalog()),
  addPrice: managePrices.input(addPriceIn).mutation(byActor(addPriceEntry)),
  deletePrice: managePrices.input(deletePriceIn).mutation(byActor(deletePriceEntry)),
  setCloudEquivalent: managePrices.input(setCloudEquivalentIn).mutation(byActor(setCloudEquivalent)),
  machineCosts: read
    .input(z.object({ machineId: id }))
    .output(machineCostsOut)
    .query(({ input }) => getMachineCosts(input.machineId)),
  updateMachineCosts: managePrices.input(updateMachineCostsIn).mutation(byActor(updateMachineCosts)),
});
