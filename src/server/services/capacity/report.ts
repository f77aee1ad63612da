import type { CapacityReportOut, WhatIfOut } from "@/contracts/capacity";
import { AppError, notFound } from "@/core/errors";
import { buildTotalMicros, type Part, type PartSpecs } from "@/core/builds/parts";
import { machineFromBuild } from "@/core/capacity/candidate";
import { summarizeDemand } from "@/core/capacity/demand";
import { whatIf } from "@/core/capacity/what-if";
import type { PlacementMachine } from "@/core/placement/types";
import { MS_PER_DAY, MS_PER_MINUTE } from "@/core/slices/time";
import { indexPrices } from "@/core/costs/pricing";
import { findBuildsForWhatIf, findGpuModelCatalog, findHeldGpuHours, findPeriodEntries } from "@/server/db/capacity";
import { findPriceEntries } from "@/server/db/costs";
import { read } from "@/server/db/tx";
import { PLACEMENT_HORIZON_MS } from "../waitlist/fleet";
import { loadReplayInputs } from "./history";

/** The longest period a what-if replays: a year keeps it interactive. */
const MAX_PERIOD_MS = 366 * MS_PER_DAY;

function checkPeriod(from: Date, until: Date) {
  if (until <= from) throw new AppError("VALIDATION", "until: must be after from.", { field: "until" });
  if (until.getTime() - from.getTime() > MAX_PERIOD_MS) throw new AppError("VALIDATION", "until: a period is at most a year.", { field: "until" });
}

/** Demand the machines did not meet over a period: waits per week and team, waitlisted and refused GPU-hours, held hours. */
export async function capacityReport(input: { from: Date; until: Date }, now: Date): Promise<CapacityReportOut> {
  checkPeriod(input.from, input.until);
  return read(async (client) => {
    const [entries, heldGpuHours] = await Promise.all([findPeriodEntries(client, input.from, input.until), findHeldGpuHours(client, input.from, input.until)]);
    const demand = summarizeDemand(
      entries.map((e) => ({
        teamId: e.teamId,
        teamName: e.team.name,
        createdAt: e.createdAt.getTime(),
        askedStart: Math.max(e.createdAt.getTime(), e.earliestStart.getTime()),
        start: e.slice?.startAt.getTime() ?? null,
        status: e.status,
        gpuCount: e.gpuCount,
        durationMs: e.durationMinutes * MS_PER_MINUTE,
      })),
      Math.min(now.getTime(), input.until.getTime()),
    );
    // Used hours need the machines' telemetry (the agent); until it reports, only held hours are known.
    return { from: input.from, until: input.until, demand, heldGpuHours, usedGpuHours: null as number | null };
  });
}

/** What a what-if can add: every build (planned or not) and every machine in service (as a copy). */
export async function whatIfCandidates() {
  return read(async (client) => {
    const builds = await findBuildsForWhatIf(client);
    return builds.map((b) => ({ id: b.id, name: b.name, status: b.status, gpus: b.parts.filter((p) => p.category === "gpu").reduce((n, p) => n + p.quantity, 0) }));
  });
}

/**
 * Replays the period with one more machine (a build's) beside the machines of the time and
 * compares it with the same replay as things were; the plain replay (no fair share, no
 * backfilling) is reported too, so the queue's rules can be judged by the same numbers.
 */
export async function capacityWhatIf(input: { buildId: string; from: Date; until: Date }): Promise<WhatIfOut> {
  checkPeriod(input.from, input.until);
  return read(async (client) => {
    const [history, builds, catalog, priceEntries] = await Promise.all([loadReplayInputs(client, input.from, input.until), findBuildsForWhatIf(client), findGpuModelCatalog(client), findPriceEntries(client)]);
    const build = builds.find((b) => b.id === input.buildId);
    if (!build) throw notFound("Build", "buildId");
    const parts: Part[] = build.parts.map((p) => ({ id: p.id, category: p.category, name: p.name, quantity: p.quantity, unitPriceMicros: Number(p.unitPriceMicros), specs: p.specs as PartSpecs }));
    const prices = indexPrices(priceEntries);
    const models = catalog.map((m) => ({ name: m.name, vramGb: m.vramGb, cloudMicrosPerHour: m.cloudSku ? Number(prices.rateAt(m.cloudSku, input.until.getTime())?.priceMicros ?? 0n) : 0 }));
    const reference = history.machines[0];
    const extra: PlacementMachine = machineFromBuild({
      id: `what-if-${build.id}`,
      name: build.name,
      parts,
      models,
      cloudMicrosPerThreadHour: reference?.cloudMicrosPerThreadHour ?? 0,
      cloudMicrosPerGbHour: reference?.cloudMicrosPerGbHour ?? 0,
    });
    const common = { machines: history.machines, extra, requests: history.requests, before: history.before, shares: history.shares, from: input.from.getTime(), until: input.until.getTime(), buildCostMicros: buildTotalMicros(parts) };
    const result = whatIf({ ...common, options: { fairShare: true, backfill: true, horizonMs: PLACEMENT_HORIZON_MS } });
    const plain = whatIf({ ...common, options: { fairShare: false, backfill: false, horizonMs: PLACEMENT_HORIZON_MS } });
    return {
      build: { id: build.id, name: build.name, status: build.status, costMicros: BigInt(common.buildCostMicros), gpus: extra.gpus.map((g) => `${g.model} (${g.vramGb} GB)`), threads: extra.threads, ramGb: extra.ramGb },
      period: { from: input.from, until: input.until },
      requests: { byNeed: history.requests.filter((r) => r.kind === "need").length, byMachine: history.requests.filter((r) => r.kind === "fixed").length },
      ...result,
      plain: { baseline: plain.baseline, withMachine: plain.withMachine },
    };
  });
}
