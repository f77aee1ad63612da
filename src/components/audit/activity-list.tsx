import { LocalTime } from "@/components/time/local-time";
import { EmptyState } from "@/components/ui/states";
import { describeAction, describeChange } from "./describe";

export interface ActivityEntry {
  id: string;
  at: Date;
  actor: { name: string } | null;
  action: string;
  subjectType: string;
  subjectId: string;
  subjectName: string;
  before: unknown;
  after: unknown;
  reason: string | null;
}

/** Recent audit entries; `zone` is the viewer's, for the instants inside changes. */
export function ActivityList({ entries, emptyText, zone }: { entries: ActivityEntry[]; emptyText: string; zone: string }) {
  if (entries.length === 0) return <EmptyState title="No activity" description={emptyText} />;
  return (
    <ol className="divide-y divide-slate-100">
      {entries.map((entry) => (
        <li key={entry.id} className="py-3 text-sm">
          <p className="text-slate-900">
            <span className="font-medium">{entry.actor?.name ?? "System"}</span> {describeAction(entry.action)}{" "}
            <span className="font-medium">{entry.subjectName}</span>
          </p>
          {describeChange(entry.before, entry.after, zone).map((line) => (
            <p key={line} className="text-slate-600">{line}</p>
          ))}
          {entry.reason && <p className="text-slate-600">Reason: {entry.reason}</p>}
          <p className="mt-1 text-xs text-slate-500">
            <LocalTime at={entry.at} />
          </p>
        </li>
      ))}
    </ol>
  );
}
