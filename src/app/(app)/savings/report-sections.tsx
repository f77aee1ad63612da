import { TRPCError } from "@trpc/server";
import { formatUsd, formatUsdPrecise } from "@/core/costs/money";
import { ErrorState } from "@/components/ui/states";
import { csvFileName } from "@/components/savings/csv";
import { CumulativeCard } from "@/components/savings/cumulative-card";
import { formatGpuHours, formatPercent } from "@/components/savings/format";
import { MachinesCard } from "@/components/savings/machines-card";
import { machineRows, periodRows, teamRows, utilizationTable } from "@/components/savings/report-view";
import { TeamsCard } from "@/components/savings/teams-card";
import { UsedHeldCard } from "@/components/telemetry/used-held-card";
import { UtilizationCard } from "@/components/savings/utilization-card";
import type { SavingsWindow } from "@/components/savings/window";
import { api } from "@/trpc/server";

/** The report of one window: totals, the cumulative chart, and the per-machine, utilization and team views. */
export async function ReportSections({ window, manage }: { window: SavingsWindow; manage: boolean }) {
  const trpc = await api();
  const input = { from: window.from, to: window.to, bucket: window.bucket };
  let reports;
  try {
    reports = await Promise.all([
      trpc.savings.report({ ...input, groupBy: "machine" }),
      trpc.savings.report({ ...input, groupBy: "team" }),
      trpc.telemetry.usedVersusHeld({ from: window.from, to: window.to }),
      trpc.savings.report({ ...input, groupBy: "purpose" }),
    ]);
  } catch (error) {
    if (error instanceof TRPCError && error.code === "BAD_REQUEST") {
      const sentence = /[.!?]$/.test(error.message) ? error.message : `${error.message}.`;
      const hint = window.bucket === "day" ? " Choose weekly or monthly figures, or a shorter window." : "";
      return <ErrorState title="This window can't be shown" message={sentence + hint} />;
    }
    throw error;
  }
  const [byMachine, byTeam, usedHeld, byPurpose] = reports;
  const machines = machineRows(byMachine);
  const teams = teamRows(byTeam);
  const purposes = teamRows(byPurpose);
  const total = machines.total;

  return (
    <div className="space-y-6">
      <dl className="grid gap-4 rounded-lg border border-slate-200 bg-white px-5 py-4 shadow-xs sm:grid-cols-2 lg:grid-cols-4">
        {[
          ["Savings in this window", formatUsd(total.savingsMicros), formatUsdPrecise(total.savingsMicros)],
          ["Cloud-equivalent", formatUsd(total.cloudMicros), formatUsdPrecise(total.cloudMicros)],
          ["On-prem cost", formatUsd(total.onPremMicros), formatUsdPrecise(total.onPremMicros)],
          ["GPU-hours held", `${formatGpuHours(total.heldGpuMs)} · ${formatPercent(total.utilization)} utilization`, undefined],
        ].map(([label, value, title]) => (
          <div key={label}>
            <dt className="text-sm text-slate-600">{label}</dt>
            <dd className="mt-0.5 text-lg font-semibold text-slate-900 tabular-nums" title={title}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
      <CumulativeCard
        periods={periodRows(byMachine)}
        window={window}
        bucket={window.bucket}
        fleetBreakEven={byMachine.fleetBreakEven}
        fileName={csvFileName(`by-${window.bucket}`, window)}
      />
      <MachinesCard rows={machines.rows} total={total} manage={manage} fileName={csvFileName("by-machine", window)} />
      <UtilizationCard table={utilizationTable(byMachine)} bucket={window.bucket} fileName={csvFileName(`utilization-by-${window.bucket}`, window)} />
      <TeamsCard rows={teams.rows} total={teams.total} fileName={csvFileName("by-team", window)} />
      <TeamsCard by="purpose" rows={purposes.rows} total={{ ...purposes.total, name: "All purposes" }} fileName={csvFileName("by-purpose", window)} />
      <UsedHeldCard data={usedHeld} fileName={csvFileName("used-vs-held", window)} />
    </div>
  );
}
