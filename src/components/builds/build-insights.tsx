"use client";

import { summarizeChecks, type CheckResult } from "@/core/builds/checks";
import { countOf, type Part } from "@/core/builds/parts";
import { premiumAvoided } from "@/core/builds/premium";
import { Card, CardBody, CardHeader, SectionCard } from "@/components/ui/card";
import { BreakEvenEstimate } from "./break-even";
import { CheckList, checkSummaryText, PremiumText } from "./build-status";
import { usd } from "./money";

/** What the parts list adds up to, as the editor recomputes it on every keystroke. */
export function BuildInsights({
  parts,
  checks,
  totalMicros,
  quotes,
}: {
  parts: Part[];
  checks: CheckResult[];
  /** null when the total leaves the exact range (absurd quantities typed). */
  totalMicros: number | null;
  /** The quotes whose price reads as an amount. */
  quotes: { vendor: string; priceMicros: number }[];
}) {
  const cheapest = quotes.reduce<(typeof quotes)[number] | null>((best, q) => (!best || q.priceMicros < best.priceMicros ? q : best), null);
  return (
    <>
      <SectionCard title="Summary">
        <dl className="grid grid-cols-2 gap-x-4 gap-y-3 text-sm">
          <dt className="text-slate-600">Build total</dt>
          <dd className="text-right text-lg font-semibold text-slate-900 tabular-nums">{totalMicros === null ? "Too large" : usd(totalMicros)}</dd>
          <dt className="text-slate-600">GPUs</dt>
          <dd className="text-right text-slate-900 tabular-nums">{countOf(parts, "gpu")}</dd>
          <dt className="text-slate-600">{cheapest ? `vs ${cheapest.vendor || "cheapest quote"}` : "Premium avoided"}</dt>
          <dd className="text-right">
            {cheapest && totalMicros !== null ? <PremiumText micros={premiumAvoided(totalMicros, cheapest.priceMicros)} /> : <span className="text-slate-600">No quote</span>}
          </dd>
        </dl>
      </SectionCard>

      <Card>
        {/* Announced when it changes, so a screen reader hears a check flip while its user types. */}
        <CardHeader title="Compatibility checks" description={<span aria-live="polite">{checkSummaryText(summarizeChecks(checks))}</span>} />
        <CardBody>
          <CheckList checks={checks} />
        </CardBody>
      </Card>

      <SectionCard title="Cloud break-even">
        <BreakEvenEstimate parts={parts} totalMicros={totalMicros} />
      </SectionCard>
    </>
  );
}
