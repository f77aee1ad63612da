import type { SavingsReportIn, SavingsReportOut, SavingsSummaryOut } from "@/contracts/savings";
import { findBreakEven, type BreakEven } from "@/core/costs/break-even";
import { deepFreeze } from "@/core/deep-freeze";
import { computeLedger, FLEET_GROUP, IDLE_GROUP, type Ledger, type LedgerGroupBy } from "@/core/costs/ledger";
import type { BucketSize } from "@/core/costs/buckets";
import { DEFAULT_AMORTIZATION_MONTHS, DEFAULT_BASELINE_WATTS, DEFAULT_PRICE_PER_KWH_MICROS } from "@/core/costs/machine";
import { sliceCloudCostMicros } from "@/core/costs/pricing";
import type { HeldSlice } from "@/core/costs/types";
import type { SliceKind } from "@/core/slices/kinds";
import { unpricedSkus } from "@/core/costs/unpriced";
import { costDataVersion, findHeldSlices, findMachineCostProfiles, findPriceEntries, UNPRICED_SKU } from "@/server/db/costs";
import { costChanges } from "@/server/db/change-cache";
import { findTeams } from "@/server/db/teams";
import { read, type Db } from "@/server/db/tx";
import type { Actor } from "./actor";

/**
 * Everything the ledger reads, loaded once and reused while the data's fingerprint
 * (costDataVersion) is unchanged: reports over years of history then cost one cheap query plus
 * the pure computation, instead of reloading every slice on each request.
 */
async function loadCostData(client: Db) {
  const [machines, prices, slices, teams] = await Promise.all([findMachineCostProfiles(client), findPriceEntries(client), findHeldSlices(client), findTeams(client)]);
  // A GPU model nobody has mapped to a cloud SKU yet counts as $0 cloud-equivalent (and the
  // dashboard says so) rather than failing every report until an admin maps it.
  const unpriced = { sku: UNPRICED_SKU, provider: "—", unit: "gpu-hour" as const, priceMicros: 0n, effectiveFrom: 0, id: UNPRICED_SKU, sourceNote: "No cloud equivalent set for this GPU model" };
  const warnings = machines.flatMap((m) => m.gpuModels.filter((g) => g.endsWith(UNPRICED_SKU)).map((g) => `${m.name}: ${g.replace(` → ${UNPRICED_SKU}`, "")} has no cloud equivalent set, so its GPU-hours count as $0 cloud-equivalent. Map it on the price catalog page.`));
  // Any other SKU without a price (an import only warns about it) counts as $0 too, and says so.
  const uncovered = unpricedSkus(machines, [...prices, unpriced]);
  const placeholders = uncovered.placeholders.map((p) => ({ ...p, id: `unpriced:${p.sku}`, sourceNote: "No price in the catalog" }));
  return { machines, catalog: prices, prices: [...prices, unpriced, ...placeholders], slices, teams: new Map(teams.map((t) => [t.id, t.name])), warnings: [...warnings, ...uncovered.warnings] };
}
type CostData = Awaited<ReturnType<typeof loadCostData>>;

let cache: { version: string; data: Promise<CostData> } | undefined;

/** Forgets the cached cost data; the savings benchmark uses it to time a cold report. */
export function forgetCostData(): void {
  cache = undefined;
  breakEvenCache = undefined;
  ledgerCache = undefined;
}

/**
 * The cost data of the current version. The cache holds the load itself, so reports that arrive
 * together after a change share one reload instead of each reading every slice; a failed load is
 * forgotten, so the next report tries again. While this process hears the cost tables' changes
 * (db/change-cache.ts) the version is the count of changes heard once every change committed
 * before this call has been heard (a `SELECT 1` on the listening connection), so a report never
 * misses a change that came before it; otherwise the data's fingerprint is read, a query of
 * 5-8 ms of PostgreSQL CPU over every slice.
 */
export async function costData(client: Db): Promise<CostData> {
  const changes = costChanges();
  const listening = await changes.listening();
  if (listening) await changes.settle();
  const version = listening ? `heard ${changes.generation()}` : await costDataVersion(client);
  if (cache?.version !== version) {
    const entry = { version, data: loadCostData(client) };
    cache = entry;
    entry.data.catch(() => {
      if (cache === entry) cache = undefined;
    });
  }
  return cache.data;
}

/** The report's groupings: the ledger's, and by purpose (the slices' kinds, shared out like teams). */
export type ReportGroupBy = LedgerGroupBy | "purpose";

const PURPOSE_NAMES: Record<SliceKind, string> = { training: "Training", interactive: "Interactive", serving: "Serving" };

function nameOf(data: CostData, groupBy: ReportGroupBy, key: string): string {
  if (key === FLEET_GROUP) return "Fleet";
  if (key === IDLE_GROUP) return "Idle capacity";
  if (groupBy === "purpose") return PURPOSE_NAMES[key as SliceKind] ?? key;
  if (groupBy === "team") return data.teams.get(key) ?? key;
  return data.machines.find((m) => m.profile.machineId === key)?.name ?? key;
}

/** Slices that overlap a window: a report only needs those (break-even, which needs all, is separate). */
function slicesIn(data: CostData, from: number, to: number): HeldSlice[] {
  return data.slices.filter((s) => s.start < to && s.end > from);
}

function ledgerOf(data: CostData, input: { from: Date; to: Date; bucket: BucketSize; groupBy: LedgerGroupBy }, now: Date, slices?: readonly HeldSlice[]): Ledger {
  return computeLedger({
    window: { from: input.from.getTime(), to: input.to.getTime() },
    bucket: input.bucket,
    groupBy: input.groupBy,
    machines: data.machines.map((m) => m.profile),
    slices: slices ?? slicesIn(data, input.from.getTime(), input.to.getTime()),
    prices: data.prices,
    now: now.getTime(),
  });
}

/**
 * Break-even needs every slice since the first in-service date. Once reached it never moves (later
 * data cannot change an earlier crossing), so it is computed once per data version; while some
 * machine has not broken even it is refreshed at most once a minute, as time moves on.
 */
let breakEvenCache: { data: CostData; at: number; result: BreakEven } | undefined;

function breakEven(data: CostData, now: Date): BreakEven {
  const c = breakEvenCache;
  const settled = c?.result.byMachine.every((m) => m.at !== null) && c.result.fleet !== null;
  if (c && c.data === data && (settled || now.getTime() - c.at < 60_000)) return c.result;
  const result = findBreakEven({ machines: data.machines.map((m) => m.profile), slices: data.slices, prices: data.prices, now: now.getTime() });
  breakEvenCache = { data, at: now.getTime(), result };
  return result;
}

/** The assumptions behind every figure, shown as footnotes next to the numbers. */
function assumptions(data: CostData) {
  return {
    machines: data.machines.map((m) => ({
      name: m.name,
      capexMicros: m.profile.capexMicros,
      capexSource: m.capexSource,
      // Profiles loaded from the database always carry these; the fallbacks only satisfy the optional type.
      amortizationMonths: m.profile.amortizationMonths ?? DEFAULT_AMORTIZATION_MONTHS,
      baselineWatts: m.profile.baselineWatts ?? DEFAULT_BASELINE_WATTS,
      kwhPriceMicros: m.profile.pricePerKwhMicros ?? DEFAULT_PRICE_PER_KWH_MICROS,
      maintenancePerMonthMicros: m.profile.maintenancePerMonthMicros ?? 0n,
      pricedAs: m.gpuModels,
      vcpuSku: m.profile.vcpuSku,
      ramSku: m.profile.ramSku,
    })),
    warnings: data.warnings,
    prices: data.catalog.map((p) => ({ sku: p.sku, provider: p.provider, unit: p.unit, priceMicros: p.priceMicros, effectiveFrom: new Date(p.effectiveFrom), sourceNote: p.sourceNote })),
  };
}

type ReportInput = SavingsReportIn;

/**
 * Ledgers of windows that end by now, for the cost data they were computed from. Nothing accrues
 * after `now`, so such a ledger no longer depends on the time it is asked: the dashboard's and
 * API's repeated reports over years of history cost a lookup instead of a full computation.
 */
const LEDGER_CACHE_SIZE = 32;
let ledgerCache: { data: CostData; ledgers: Map<string, Ledger> } | undefined;

/**
 * By purpose, the slices' kinds stand where their teams would: each purpose gets its slices'
 * cloud-equivalent and its share of the on-prem cost by GPU-hours held, exactly as teams do.
 */
function reportLedger(data: CostData, input: ReportInput, now: Date): Ledger {
  if (input.groupBy !== "purpose") return ledgerOf(data, { ...input, groupBy: input.groupBy }, now);
  const slices = slicesIn(data, input.from.getTime(), input.to.getTime()).map((s) => ({ ...s, teamId: s.kind ?? "training" }));
  return ledgerOf(data, { ...input, groupBy: "team" }, now, slices);
}

function cachedLedger(data: CostData, input: ReportInput, now: Date): Ledger {
  if (input.to.getTime() > now.getTime()) return reportLedger(data, input, now);
  if (ledgerCache?.data !== data) ledgerCache = { data, ledgers: new Map() };
  const key = `${input.from.getTime()}|${input.to.getTime()}|${input.bucket}|${input.groupBy}`;
  const ledgers = ledgerCache.ledgers;
  let ledger = ledgers.get(key);
  if (!ledger) {
    ledger = reportLedger(data, input, now);
    if (ledgers.size >= LEDGER_CACHE_SIZE) ledgers.delete(ledgers.keys().next().value!);
    ledgers.set(key, ledger);
  }
  return ledger;
}

/**
 * Finished reports of windows that end by now, per ledger (which stands for its window, grouping
 * and cost data, see cachedLedger) and break-even result (which stands for its time): the same
 * report, frozen, for every request until either changes, so the output check and the encoding
 * after the service are done once per report too (api/answer-memo.ts).
 */
const finishedReports = new WeakMap<Ledger, { reached: BreakEven; report: SavingsReportOut }>();

/** The savings report of a window, bucketed and grouped, with names, break-even and assumptions. */
export async function savingsReport(input: ReportInput, now: Date): Promise<SavingsReportOut> {
  return read(async (client) => {
    const data = await costData(client);
    const ledger = cachedLedger(data, input, now);
    const reached = breakEven(data, now);
    const finished = finishedReports.get(ledger);
    if (finished?.reached === reached) return finished.report;
    const report: SavingsReportOut = {
      ...ledger,
      groupBy: input.groupBy,
      groups: ledger.groups.map((g) => ({ ...g, name: nameOf(data, input.groupBy, g.key) })),
      breakEven: reached.byMachine.map((b) => ({ machineId: b.machineId, name: nameOf(data, "machine", b.machineId), at: b.at === null ? null : new Date(b.at) })),
      fleetBreakEven: reached.fleet === null ? null : new Date(reached.fleet),
      assumptions: assumptions(data),
    };
    // A window still open gets a new ledger on every call: nothing to keep.
    if (input.to.getTime() <= now.getTime()) finishedReports.set(ledger, { reached, report: deepFreeze(report) });
    return report;
  });
}

const monthStart = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));

/**
 * Leadership's KPIs: savings over a window (by default since the first machine entered service,
 * up to now), the savings of the calendar month (UTC) the window ends in, break-even per machine,
 * utilization and the premium avoided. `asOf` is the end of the window, never later than now.
 */
export async function savingsSummary(now: Date, window: { from?: Date; to?: Date } = {}): Promise<SavingsSummaryOut> {
  return read(async (client) => {
    const data = await costData(client);
    const asOf = new Date(Math.min(window.to?.getTime() ?? now.getTime(), now.getTime()));
    const inception = window.from ?? new Date(Math.min(...data.machines.map((m) => m.profile.inService), asOf.getTime()));
    const since = new Date(Math.min(inception.getTime(), asOf.getTime()));
    const toDate = ledgerOf(data, { from: since, to: asOf, bucket: "month", groupBy: "machine" }, now);
    const thisMonth = ledgerOf(data, { from: new Date(Math.max(monthStart(asOf).getTime(), since.getTime())), to: asOf, bucket: "month", groupBy: "fleet" }, now);
    const reached = breakEven(data, now);
    const premiums = data.machines
      .filter((m) => m.build && m.build.quotes.length > 0)
      .map((m) => {
        const best = m.build!.quotes.reduce((a, b) => (b.priceMicros < a.priceMicros ? b : a));
        return { machine: m.name, build: m.build!.name, buildTotalMicros: m.build!.totalMicros, quote: best, premiumAvoidedMicros: best.priceMicros - m.build!.totalMicros };
      });
    return {
      savingsToDateMicros: toDate.fleet.total.savingsMicros,
      cloudEquivalentToDateMicros: toDate.fleet.total.cloudEquivalentMicros,
      onPremToDateMicros: toDate.fleet.total.onPremMicros,
      savingsThisMonthMicros: thisMonth.fleet.total.savingsMicros,
      utilizationToDate: toDate.fleet.total.utilization,
      utilizationThisMonth: thisMonth.fleet.total.utilization,
      machines: toDate.groups.map((g) => ({
        machineId: g.key,
        name: nameOf(data, "machine", g.key),
        savingsMicros: g.total.savingsMicros,
        utilization: g.total.utilization,
        breakEven: (() => {
          const at = reached.byMachine.find((b) => b.machineId === g.key)?.at;
          // A machine that broke even after the window's end had not broken even as of then.
          return at === undefined || at === null || at > asOf.getTime() ? null : new Date(at);
        })(),
      })),
      premiums,
      premiumAvoidedMicros: premiums.reduce((sum, p) => sum + p.premiumAvoidedMicros, 0n),
      since,
      /** The instant every figure is "to date" at; a page ends its windows here so they match the figures. */
      asOf,
      assumptions: assumptions(data),
    };
  });
}

/** A member's own and their team's usage and cloud-equivalent over a window. */
export async function myUsage(actor: Actor, input: { from: Date; to: Date }, now: Date) {
  return read(async (client) => {
    const data = await costData(client);
    const team = ledgerOf(data, { ...input, bucket: "month", groupBy: "team" }, now).groups.find((g) => g.key === actor.teamId);
    const window = { from: input.from.getTime(), to: Math.min(input.to.getTime(), now.getTime()) };
    const mine = data.slices.filter((s) => s.userId === actor.id && s.start < window.to && s.end > window.from);
    const machineOf = new Map(data.machines.map((m) => [m.profile.machineId, m.profile]));
    let cloudMicros = 0n;
    let heldGpuMs = 0;
    for (const s of mine) {
      cloudMicros += sliceCloudCostMicros(s, machineOf.get(s.machineId)!, data.prices, window);
      heldGpuMs += (Math.min(s.end, window.to) - Math.max(s.start, window.from)) * s.gpuIds.length;
    }
    return {
      mine: { slices: mine.length, heldGpuHours: heldGpuMs / 3_600_000, cloudEquivalentMicros: cloudMicros },
      team: {
        name: actor.teamName,
        heldGpuHours: team?.total.heldGpuHours ?? 0,
        cloudEquivalentMicros: team?.total.cloudEquivalentMicros ?? 0n,
        savingsMicros: team?.total.savingsMicros ?? 0n,
      },
    };
  });
}
