import { LocalTime } from "@/components/time/local-time";
import { Badge } from "@/components/ui/badge";
import { SectionCard } from "@/components/ui/card";
import type { RouterOutputs } from "@/trpc/types";
import { ProblemList } from "./problem-list";

type Applied = NonNullable<RouterOutputs["enforcement"]["desiredState"]["applied"]>;

const OUTCOME: Record<Applied["commands"][number]["outcome"], string> = { ran: "Ran", failed: "Failed", planned: "Would run" };

/** What the machine's agent reported it applied: when, from which schedule version, the commands and any errors. */
export function AppliedCard({ applied, machineName }: { applied: Applied | null; machineName: string }) {
  return (
    <SectionCard className="min-w-0" title="On the machine" description={`What the agent on ${machineName} reported applying. It long-polls the schedule and keeps the next 48 h, so it goes on enforcing while the portal is away.`}>
      {!applied ? (
        <p className="text-sm text-slate-600">No report yet: the agent reports once it has applied a schedule (it needs version 0.2 or later).</p>
      ) : (
        <div className="space-y-3 text-sm text-slate-700">
          <p className="flex flex-wrap items-center gap-2">
            {applied.current ? <Badge tone="success">Up to date</Badge> : <Badge tone="warning">An older schedule</Badge>}
            {applied.fromCache && <Badge tone="warning">From its cache (portal away)</Badge>}
            {applied.errors.length > 0 && <Badge tone="danger">{applied.errors.length} error(s)</Badge>}
          </p>
          <p>
            Applied <LocalTime at={applied.appliedAt} /> in {applied.mode} mode.
          </p>
          <ProblemList problems={applied.errors} />
          {applied.commands.length === 0 ? (
            <p className="text-slate-600">Its last apply changed nothing: every slice was as it should be.</p>
          ) : (
            <details>
              <summary className="cursor-pointer font-medium text-slate-900">{applied.commands.length} command(s) of the last change</summary>
              <ul className="mt-2 space-y-2">
                {applied.commands.map((c, i) => (
                  <li key={i}>
                    <span className="font-medium">{OUTCOME[c.outcome]}</span> for {c.who}
                    <code className="mt-1 block text-xs break-all text-slate-700">{c.command}</code>
                  </li>
                ))}
              </ul>
            </details>
          )}
          <p className="text-xs text-slate-600">
            Schedule version <code className="break-all">{applied.scheduleEtag}</code>
          </p>
        </div>
      )}
    </SectionCard>
  );
}
