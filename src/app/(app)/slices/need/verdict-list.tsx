import { CheckCircle2, XCircle } from "lucide-react";
import type { RouterOutputs } from "@/trpc/types";

export type Verdict = RouterOutputs["waitlist"]["preview"]["verdicts"][number];

/** Every machine with why it was or was not chosen: the chosen one first. */
export function VerdictList({ verdicts }: { verdicts: Verdict[] }) {
  return (
    <ul className="divide-y divide-slate-100 rounded-md border border-slate-200" aria-label="Why each machine was or was not chosen">
      {verdicts.map((v) => (
        <li key={v.machineId} className="flex items-start gap-3 px-4 py-3 text-sm">
          {v.chosen ? <CheckCircle2 aria-hidden className="mt-0.5 size-4 text-emerald-600" /> : <XCircle aria-hidden className="mt-0.5 size-4 text-slate-400" />}
          <div className="min-w-0">
            <p className="font-medium text-slate-900">
              {v.machineName}
              <span className="sr-only">{v.chosen ? " (chosen)" : " (not chosen)"}</span>
            </p>
            <p className="text-slate-700">{v.message}</p>
          </div>
        </li>
      ))}
    </ul>
  );
}
