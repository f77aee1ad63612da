import { clsx } from "clsx";
import { Inbox, TriangleAlert, type LucideIcon } from "lucide-react";
import { createElement, isValidElement, type ReactElement, type ReactNode } from "react";

type HeadingLevel = 2 | 3 | 4;

/** Nothing to show yet: say so, say why, and offer the next step. */
export function EmptyState({
  icon,
  title,
  description,
  action,
  headingLevel = 2,
  className,
}: {
  /** A lucide icon component (`icon={Server}`) or an element (`icon={<Server />}`). */
  icon?: LucideIcon | ReactElement;
  title: ReactNode;
  description?: ReactNode;
  action?: ReactNode;
  headingLevel?: HeadingLevel;
  className?: string;
}) {
  const Heading = `h${headingLevel}` as const;
  const iconElement = isValidElement(icon)
    ? icon
    : createElement(icon ?? Inbox, { "aria-hidden": true, className: "size-6" });
  return (
    <div className={clsx("flex flex-col items-center rounded-lg border border-dashed border-slate-300 bg-white px-6 py-10 text-center", className)}>
      <div className="mb-3 flex size-12 items-center justify-center rounded-full bg-slate-100 text-slate-500" aria-hidden="true">
        {iconElement}
      </div>
      <Heading className="text-base font-semibold text-slate-900">{title}</Heading>
      {description && <p className="mt-1 max-w-md text-sm text-slate-600">{description}</p>}
      {action && <div className="mt-5 flex flex-wrap justify-center gap-2">{action}</div>}
    </div>
  );
}

/** Something failed: an alert with what happened and, when it may help, a way to retry. */
export function ErrorState({
  title = "Something went wrong",
  message,
  retry,
  retryLabel = "Try again",
  className,
}: {
  title?: ReactNode;
  message: ReactNode;
  /** Pass only from client components (a function cannot cross to the browser from the server). */
  retry?: () => void;
  retryLabel?: string;
  className?: string;
}) {
  return (
    <div role="alert" className={clsx("flex gap-3 rounded-lg border border-red-200 bg-red-50 p-4 text-sm", className)}>
      <TriangleAlert aria-hidden="true" className="mt-0.5 size-5 shrink-0 text-red-600" />
      <div className="min-w-0">
        <p className="font-semibold text-red-900">{title}</p>
        <div className="mt-1 text-red-800">{message}</div>
        {retry && (
          <button
            type="button"
            onClick={retry}
            className="mt-3 inline-flex h-8 items-center rounded-lg border border-red-300 bg-white px-3 text-sm font-medium text-red-800 shadow-xs hover:bg-red-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-700"
          >
            {retryLabel}
          </button>
        )}
      </div>
    </div>
  );
}

/** A grey placeholder bar; size it with className. */
export function Skeleton({ className }: { className?: string }) {
  return <div aria-hidden="true" className={clsx("animate-pulse rounded-md bg-slate-200", className)} />;
}

/** Placeholder rows while a page or list loads; screen readers hear "Loading…". */
export function LoadingState({ label = "Loading…", rows = 4, className }: { label?: string; rows?: number; className?: string }) {
  return (
    <div aria-busy="true" className={clsx("space-y-6", className)}>
      <p role="status" className="sr-only">{label}</p>
      <div className="space-y-2" aria-hidden="true">
        <Skeleton className="h-7 w-56" />
        <Skeleton className="h-4 w-96 max-w-full" />
      </div>
      <div className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white" aria-hidden="true">
        {Array.from({ length: rows }, (_, row) => (
          <div key={row} className="flex items-center gap-4 px-4 py-4">
            <Skeleton className="size-8 rounded-full" />
            <div className="flex-1 space-y-2">
              <Skeleton className={clsx("h-3.5", row % 2 === 0 ? "w-2/5" : "w-1/3")} />
              <Skeleton className="h-3 w-3/5" />
            </div>
            <Skeleton className="hidden h-6 w-20 sm:block" />
          </div>
        ))}
      </div>
    </div>
  );
}
