import { clsx } from "clsx";
import type { ReactNode } from "react";
import { formatDate } from "@/components/format";
import { formatUsd, formatUsdPrecise } from "@/core/costs/money";
import { formatPercent, formatRate } from "./format";
import type { Assumptions, SavingsSummary } from "./report-view";

/** One headline figure: what it is, the number, what it is made of, and the assumption behind it. */
/** A savings figure: rounded dollars, the exact amount on hover, red when the fleet lost money. */
const savings = (micros: bigint) => ({ value: formatUsd(micros), valueTitle: formatUsdPrecise(micros), tone: micros < 0n ? ("bad" as const) : ("good" as const) });

export function KpiCard({ id, label, value, valueTitle, tone = "neutral", detail, footnote, children }: {
  id: string;
  label: string;
  value: ReactNode;
  /** The exact figure, on hover. */
  valueTitle?: string;
  tone?: "neutral" | "good" | "bad";
  detail?: ReactNode;
  footnote?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <article aria-labelledby={`${id}-label`} className="flex flex-col rounded-lg border border-slate-200 bg-white p-5 shadow-xs">
      <div className="flex-1 pb-4">
        <h3 id={`${id}-label`} className="text-sm font-medium text-slate-600">
          {label}
        </h3>
        <p
          data-testid="kpi-value"
          title={valueTitle}
          className={clsx("mt-2 text-2xl font-semibold tracking-tight tabular-nums xl:text-[1.75rem]", tone === "good" ? "text-emerald-800" : tone === "bad" ? "text-red-700" : "text-slate-900")}
        >
          {value}
        </p>
        {detail && <div className="mt-1 text-sm text-slate-600">{detail}</div>}
        {children}
      </div>
      {footnote && <p className="border-t border-slate-100 pt-3 text-xs text-slate-500">{footnote}</p>}
    </article>
  );
}

const monthName = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });

/** "36 months" when every machine agrees, "24–36 months" when they differ. */
function spread<T>(values: T[], show: (v: T) => string): string {
  const shown = [...new Set(values.map(show))];
  return shown.length <= 1 ? (shown[0] ?? "—") : `${shown[0]} to ${shown[shown.length - 1]}`;
}

/** The short form of the assumptions, for the footnotes under the figures. */
export function assumptionsLine(assumptions: Assumptions): string {
  const machines = assumptions.machines;
  const months = spread([...machines].sort((a, b) => a.amortizationMonths - b.amortizationMonths), (m) => `${m.amortizationMonths}`);
  const kwh = spread([...machines].sort((a, b) => (a.kwhPriceMicros < b.kwhPriceMicros ? -1 : 1)), (m) => formatRate(m.kwhPriceMicros));
  return `Catalog prices in effect each hour; capex over ${months} months; electricity ${kwh}/kWh.`;
}

export function KpiCards({ summary, now }: { summary: SavingsSummary; now: Date }) {
  const footnote = (
    <>
      {assumptionsLine(summary.assumptions)}{" "}
      <a href="#assumptions" className="text-indigo-700 underline underline-offset-2 hover:text-indigo-900">Details</a>
    </>
  );
  return (
    <section aria-labelledby="kpi-heading">
      <h2 id="kpi-heading" className="sr-only">Key figures to date</h2>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-5">
        <KpiCard
          id="kpi-savings"
          label="Savings to date"
          {...savings(summary.savingsToDateMicros)}
          detail={`Since ${formatDate(summary.since)}`}
          footnote={footnote}
        >
          <dl className="mt-2 grid grid-cols-[1fr_auto] gap-x-2 gap-y-0.5 text-xs text-slate-600">
            <dt className="whitespace-nowrap">Cloud-equivalent</dt>
            <dd className="text-right text-slate-800 tabular-nums">{formatUsd(summary.cloudEquivalentToDateMicros)}</dd>
            <dt className="whitespace-nowrap">On-prem cost</dt>
            <dd className="text-right text-slate-800 tabular-nums">−{formatUsd(summary.onPremToDateMicros)}</dd>
          </dl>
        </KpiCard>
        <KpiCard
          id="kpi-month"
          label="Savings this month"
          {...savings(summary.savingsThisMonthMicros)}
          detail={`${monthName.format(now)} so far`}
          footnote={footnote}
        />
        <KpiCard
          id="kpi-utilization"
          label="Fleet utilization"
          value={formatPercent(summary.utilizationToDate)}
          detail={`${formatPercent(summary.utilizationThisMonth)} this month`}
          footnote="Held GPU-hours ÷ GPU-hours in service, all machines since they went into service."
        />
        <KpiCard
          id="kpi-premium"
          label="Premium avoided"
          value={summary.premiums.length > 0 ? formatUsd(summary.premiumAvoidedMicros) : "—"}
          detail={summary.premiums.length > 0 ? "Against vendor quotes for comparable machines" : "No vendor quotes recorded on the builds"}
          footnote="Cheapest quote on each machine's build minus the build's total."
        >
          {summary.premiums.length > 0 && (
            <ul className="mt-2 space-y-1 text-xs text-slate-600">
              {summary.premiums.map((p) => (
                <li key={p.machine}>
                  <span className="font-mono font-medium text-slate-800">{p.machine}</span>: {formatUsd(p.buildTotalMicros)} vs {p.quote.vendor}{" "}
                  {formatUsd(p.quote.priceMicros)}
                </li>
              ))}
            </ul>
          )}
        </KpiCard>
        <KpiCard
          id="kpi-break-even"
          label="Break-even"
          value={`${summary.machines.filter((m) => m.breakEven).length} of ${summary.machines.length}`}
          detail="machines have paid for themselves"
          footnote="First day the cloud-equivalent covered the purchase price in full plus energy and maintenance."
        >
          <ul className="mt-2 space-y-1 text-sm">
            {summary.machines.map((m) => (
              <li key={m.machineId} className="flex justify-between gap-3">
                <span className="font-mono text-slate-800">{m.name}</span>
                {m.breakEven ? <span className="text-slate-900">{formatDate(m.breakEven)}</span> : <span className="text-slate-500">not yet</span>}
              </li>
            ))}
          </ul>
        </KpiCard>
      </div>
    </section>
  );
}
