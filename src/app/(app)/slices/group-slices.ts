import type { RouterOutputs } from "@/trpc/types";

type SliceView = RouterOutputs["slices"]["get"];

/** How many past slices the page shows before "Show all". */
export const PAST_SHOWN = 20;

type Groupable = Pick<SliceView, "state" | "start" | "effectiveEnd" | "createdAt">;

/**
 * My slices, grouped as people think of them: what runs now, what is coming, what waits for an
 * admin (each soonest first), and everything finished (most recent first).
 */
export function groupSlices<T extends Groupable>(slices: readonly T[]) {
  const soonest = (a: T, b: T) => a.start.getTime() - b.start.getTime();
  const latest = (a: T, b: T) => b.effectiveEnd.getTime() - a.effectiveEnd.getTime() || b.createdAt.getTime() - a.createdAt.getTime();
  return {
    active: slices.filter((s) => s.state === "active").sort(soonest),
    upcoming: slices.filter((s) => s.state === "upcoming").sort(soonest),
    pending: slices.filter((s) => s.state === "pending").sort(soonest),
    past: slices.filter((s) => s.state === "ended" || s.state === "rejected" || s.state === "cancelled").sort(latest),
  };
}
