import { z } from "zod";
import { capacityReport, capacityWhatIf, whatIfCandidates } from "@/server/services/capacity/report";
import { capacityReportOut, whatIfOut } from "@/contracts/capacity";
import { restEndpoint } from "../rest/meta";
import { permitted, router } from "../trpc";
import { afterFrom, id, instantIn, noInput, period } from "@/contracts/shared";

const rest = restEndpoint("Capacity planning");

export const capacityRouter = router({
  report: permitted("capacity:read")
    .meta(rest("GET", "/capacity", "Demand the machines did not meet", "capacity:read", "Waiting from request to start (median, 90th percentile) per week and team, waitlisted and refused GPU-hours, held GPU-hours."))
    .input(period)
    .output(capacityReportOut)
    .query(({ ctx, input }) => capacityReport(input, ctx.now)),
  candidates: permitted("capacity:read")
    .meta(rest("GET", "/capacity/builds", "Builds a what-if can add", "capacity:read", "Planned builds, and the builds of machines in service (a copy of an existing machine)."))
    .input(noInput)
    .output(z.array(z.object({ id: z.string(), name: z.string(), status: z.string(), gpus: z.number().int() })))
    .query(() => whatIfCandidates()),
  whatIf: permitted("capacity:read")
    .meta(rest("GET", "/capacity/what-if", "Replay a period with one more machine", "capacity:read", "A deterministic replay of the period's real requests through the portal's placement and waitlist code, with and without the build's machine: waiting avoided, extra GPU-hours served, their cloud-equivalent value and the build's payback in months."))
    .input(z.object({ buildId: id, from: instantIn, until: instantIn }).refine((p) => p.until > p.from, afterFrom("until")))
    .output(whatIfOut)
    .query(({ input }) => capacityWhatIf(input)),
});
