import { LocalTime } from "@/components/time/local-time";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import type { RouterOutputs } from "@/trpc/types";
import { WithdrawButton } from "./withdraw-button";

type Mine = RouterOutputs["waitlist"]["mine"];

const OUTCOME_TONE = { placed: "success", unmeetable: "danger", cancelled: "neutral", waiting: "info" } as const;

/** One's requests by need: waiting ones with their place and estimate, then what became of the recent ones. */
export function WaitlistCard({ mine }: { mine: Mine }) {
  if (mine.waiting.length + mine.recent.length === 0) return null;
  return (
    <Card role="region" aria-labelledby="group-waitlist">
      <CardHeader
        title={<span id="group-waitlist">Waiting for capacity ({mine.waiting.length})</span>}
        description={`Requests by need in the fair-share queue (${mine.queueLength} waiting in all). You are placed the moment capacity frees.`}
      />
      <ul className="divide-y divide-slate-100">
        {mine.waiting.map((e) => (
          <li key={e.id} className="flex flex-wrap items-center justify-between gap-3 px-5 py-3 text-sm">
            <div className="min-w-0">
              <p className="font-medium text-slate-900">
                Number {e.position} in the queue <span className="font-normal text-slate-600">· {e.need}</span>
              </p>
              <p className="text-slate-700">
                {e.purpose} ·{" "}
                {e.estimatedStart ? <>estimated <LocalTime at={e.estimatedStart} end={new Date(e.estimatedStart.getTime() + e.durationHours * 3_600_000)} kind="window" /></> : "no estimate yet"}
                {e.pinned ? " · moved by an admin" : ""}
              </p>
            </div>
            <WithdrawButton entryId={e.id} />
          </li>
        ))}
        {mine.recent.slice(0, 5).map((e) => (
          <li key={e.id} className="flex flex-wrap items-start gap-3 px-5 py-3 text-sm">
            <Badge tone={OUTCOME_TONE[e.status]}>{e.status}</Badge>
            <div className="min-w-0">
              <p className="text-slate-900">
                {e.need} <span className="text-slate-600">· {e.purpose}</span>
              </p>
              {e.outcome && <p className="text-slate-600">{e.outcome}</p>}
            </div>
          </li>
        ))}
      </ul>
    </Card>
  );
}
