import { CalendarClock, TriangleAlert } from "lucide-react";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import type { Refusal } from "./refusal";
import { LocalTime } from "@/components/time/local-time";
import { formatDuration } from "./times";

const TITLES: Record<Refusal["code"], string> = {
  CAPACITY_CONFLICT: "This request cannot be met",
  QUOTA_EXCEEDED: "This request is over quota",
  VALIDATION: "This request cannot be made as it is",
  OTHER: "The request failed",
};

/**
 * Every reason a request was refused, one per line as the server worded them (who holds which
 * GPU until when, which quota by how much), and the earliest window that fits. `onUseSuggestion`
 * adds the one-click "Use this window"; `children` holds any further way out (an exception).
 */
export function RefusalPanel({
  refusal,
  title,
  onUseSuggestion,
  suggestionNote,
  children,
}: {
  refusal: Refusal;
  title?: string;
  onUseSuggestion?: (window: { start: Date; end: Date }) => void;
  /** Said under the suggestion when there is no button (e.g. to an admin, who cannot move the window). */
  suggestionNote?: ReactNode;
  children?: ReactNode;
}) {
  const reasons = [...refusal.capacity, ...refusal.quotas];
  const { suggestion } = refusal;
  return (
    <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-4 text-sm">
      <div className="flex gap-3">
        <TriangleAlert aria-hidden="true" className="mt-0.5 size-5 shrink-0 text-red-600" />
        <div className="min-w-0 flex-1 space-y-3">
          <p className="font-semibold text-red-900">{title ?? TITLES[refusal.code]}</p>
          {reasons.length === 0 ? (
            <p className="text-red-800">{refusal.message}</p>
          ) : (
            <>
              {refusal.capacity.length > 0 && <ReasonList heading="Capacity" items={refusal.capacity} />}
              {refusal.quotas.length > 0 && <ReasonList heading="Quota" items={refusal.quotas} />}
            </>
          )}
          {suggestion ? (
            <div className="flex flex-wrap items-center gap-x-4 gap-y-2 rounded-md border border-emerald-200 bg-white p-3 text-slate-800">
              <CalendarClock aria-hidden="true" className="size-5 shrink-0 text-emerald-700" />
              <p className="min-w-0 flex-1">
                <span className="font-medium text-slate-900">Earliest window that fits:</span>{" "}
                <span data-testid="suggested-window"><LocalTime at={suggestion.start} end={suggestion.end} kind="window" /></span>{" "}
                <span className="text-slate-600">({formatDuration(suggestion.end.getTime() - suggestion.start.getTime())})</span>
                {suggestionNote && <span className="block text-slate-600">{suggestionNote}</span>}
              </p>
              {onUseSuggestion && (
                <Button size="sm" variant="secondary" onClick={() => onUseSuggestion(suggestion)}>
                  Use this window
                </Button>
              )}
            </div>
          ) : (
            reasons.length > 0 && (
              <p className="text-red-800">
                {refusal.quotas.length > 0
                  ? "No window with these GPUs and this length fits both the machine and the quotas in the coming weeks."
                  : "No window of this length fits in the coming weeks."}
              </p>
            )
          )}
          {children}
        </div>
      </div>
    </div>
  );
}

function ReasonList({ heading, items }: { heading: string; items: string[] }) {
  return (
    <div>
      <p className="text-xs font-semibold tracking-wide text-red-900 uppercase">{heading}</p>
      <ul className="mt-1 list-disc space-y-1 pl-5 text-red-800">
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </div>
  );
}
