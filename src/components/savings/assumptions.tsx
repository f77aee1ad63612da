import Link from "next/link";
import { formatDate } from "@/components/format";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { HeadRow, Table, TBody, Td, Th, Tr } from "@/components/ui/table";
import { formatUsd } from "@/core/costs/money";
import { formatRate, UNIT_LABELS } from "./format";
import type { Assumptions } from "./report-view";

const CAPEX_SOURCE = { "purchase price": "purchase price", "build total": "build total", none: "no price or build" } as const;

/** The latest price of each SKU in effect at `now`. */
export function pricesInEffect(prices: Assumptions["prices"], now: Date) {
  const latest = new Map<string, Assumptions["prices"][number]>();
  for (const p of prices) {
    if (p.effectiveFrom.getTime() > now.getTime()) continue;
    const seen = latest.get(p.sku);
    if (!seen || seen.effectiveFrom < p.effectiveFrom) latest.set(p.sku, p);
  }
  return [...latest.values()].sort((a, b) => a.sku.localeCompare(b.sku));
}

/** Every assumption behind the figures, per machine and per price, where the footnotes point. */
export function AssumptionsCard({ assumptions, now }: { assumptions: Assumptions; now: Date }) {
  const prices = pricesInEffect(assumptions.prices, now);
  return (
    <section id="assumptions" aria-labelledby="assumptions-heading" className="scroll-mt-6">
      <Card>
        <CardHeader
          title={<span id="assumptions-heading">How these numbers are computed</span>}
          description="All money is USD, computed exactly and rounded to cents only for display; CSV downloads carry every micro-dollar. Times are UTC."
          actions={
            <Link href="/savings/prices" className="text-sm font-medium text-indigo-700 hover:underline">
              Price catalog
            </Link>
          }
        />
        <CardBody className="space-y-6">
          <dl className="grid gap-x-8 gap-y-3 text-sm md:grid-cols-2">
            {[
              ["Cloud-equivalent", "Held hours × (GPUs × GPU rate + threads × vCPU rate + RAM GB × GB rate), at the catalog price in effect at each hour; a slice across a price change is priced piecewise."],
              ["On-prem cost", "Capex amortized straight-line from the in-service date (a month is 1/12 of 365.25 days), plus energy (baseline watts all the time, each GPU's board power while held, × $/kWh), plus maintenance."],
              ["Savings", "Cloud-equivalent minus on-prem cost accrued in the window."],
              ["Break-even", "The first moment the cumulative cloud-equivalent covers the full capex plus cumulative energy and maintenance, counted from the in-service date."],
              ["Utilization", "Held GPU-hours ÷ (GPUs × hours in service) over the window."],
              ["Teams", "A team gets the cloud-equivalent and GPU energy of its slices and a share of machine costs by GPU-hours held; the rest is idle capacity."],
            ].map(([term, text]) => (
              <div key={term}>
                <dt className="font-medium text-slate-900">{term}</dt>
                <dd className="mt-0.5 text-slate-600">{text}</dd>
              </div>
            ))}
          </dl>

          <Table caption="Cost settings per machine" captionHidden={false}>
            <HeadRow columns={["Machine", { label: "Capex", className: "text-right" }, { label: "Amortization", className: "text-right" }, { label: "Baseline", className: "text-right" }, { label: "Electricity", className: "text-right" }, { label: "Maintenance", className: "text-right" }, "Priced as"]} />
            <TBody>
              {assumptions.machines.map((m) => (
                <Tr key={m.name}>
                  <Th scope="row" className="font-mono">{m.name}</Th>
                  <Td className="text-right whitespace-nowrap tabular-nums">
                    {formatUsd(m.capexMicros)} <span className="text-xs text-slate-500">({CAPEX_SOURCE[m.capexSource]})</span>
                  </Td>
                  <Td className="text-right whitespace-nowrap tabular-nums">{m.amortizationMonths} months</Td>
                  <Td className="text-right whitespace-nowrap tabular-nums">{m.baselineWatts} W</Td>
                  <Td className="text-right whitespace-nowrap tabular-nums">{formatRate(m.kwhPriceMicros)}/kWh</Td>
                  <Td className="text-right whitespace-nowrap tabular-nums">{formatUsd(m.maintenancePerMonthMicros)}/month</Td>
                  <Td className="text-xs">
                    {m.pricedAs.join(", ") || "no GPUs"}; vCPU <span className="font-mono">{m.vcpuSku}</span>, RAM <span className="font-mono">{m.ramSku}</span>
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>

          <Table caption={`Prices in effect on ${formatDate(now)}`} captionHidden={false}>
            <HeadRow columns={["SKU", { label: "Price", className: "text-right" }, "Since", "Source"]} />
            <TBody>
              {prices.map((p) => (
                <Tr key={p.sku}>
                  <Th scope="row" className="font-mono whitespace-nowrap">{p.sku}</Th>
                  <Td className="text-right whitespace-nowrap tabular-nums">
                    {formatRate(p.priceMicros)} <span className="text-xs text-slate-500">/ {UNIT_LABELS[p.unit]}</span>
                  </Td>
                  <Td className="whitespace-nowrap">{formatDate(p.effectiveFrom)}</Td>
                  <Td className="text-xs">{p.provider} · {p.sourceNote || "no source noted"}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        </CardBody>
      </Card>
    </section>
  );
}
