import { formatAmount, formatUtc, plural } from "./format";
import { peakLoad } from "./sweep";
import { MS_PER_DAY, MS_PER_HOUR, overlapMs, overlaps, splitByUtcMonth } from "./time";
import type { SliceKind } from "./kinds";
import type { Booking } from "./types";

/** Limits per team and per user; an absent limit is unlimited. */
export interface QuotaPolicy {
  team: { maxConcurrentGpus?: number; maxGpuHoursPerMonth?: number; maxServingGpus?: number };
  user: { maxConcurrentGpus?: number; maxSliceHours?: number; maxDaysAhead?: number };
}

/**
 * The demo's limits, sized on the seed machine (3 GPUs shared by three people, one GPU each):
 * - user, 1 GPU at once: the sharing model of the story, one GPU per person;
 * - user, 168 h per slice: a week covers a long training run yet makes every hold come up for
 *   renewal, so forgotten slices do not sit on a GPU for months;
 * - user, 30 days ahead: far enough to plan a month, not so far that distant bookings fence off
 *   GPUs nobody is using yet;
 * - team, 3 GPUs at once: one whole machine's worth, so one team cannot take the fleet;
 * - team, 1,500 GPU-hours a month: about two GPUs around the clock (2 x 744 h in a 31-day month
 *   = 1,488), two thirds of a machine, leaving the rest for the other teams;
 * - team, 1 serving GPU at once: a model answering users around the clock takes a GPU for
 *   months, so each team serves on one unless an admin grants more.
 */
export const DEFAULT_QUOTA_POLICY: QuotaPolicy = {
  team: { maxConcurrentGpus: 3, maxGpuHoursPerMonth: 1500, maxServingGpus: 1 },
  user: { maxConcurrentGpus: 1, maxSliceHours: 168, maxDaysAhead: 30 },
};

export type QuotaKey =
  | "team.maxConcurrentGpus"
  | "team.maxGpuHoursPerMonth"
  | "team.maxServingGpus"
  | "user.maxConcurrentGpus"
  | "user.maxSliceHours"
  | "user.maxDaysAhead";

export interface QuotaViolation {
  quota: QuotaKey;
  message: string;
  /** In the quota's own unit: GPUs, GPU-hours, hours or days. */
  limit: number;
  actual: number;
  /** actual - limit, always > 0. */
  excess: number;
  /** Concurrency quotas: earliest instant of the peak. */
  at?: number;
  /** GPU-hour quota: the UTC month judged, "2026-11". */
  month?: string;
}

export interface QuotaRequest {
  userId: string;
  teamId: string;
  gpuCount: number;
  start: number;
  end: number;
  userName?: string;
  teamName?: string;
  /** A booking to leave out, e.g. the slice itself when an extension is re-checked as a whole. */
  excludeBookingId?: string;
  /** Training when absent; serving slices also count against the team's serving quota. */
  kind?: SliceKind;
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/**
 * Every quota the request would break, with exact amounts, empty when within all of them.
 * `bookings` are approved slices with effective ends, at least all of this user's and team's
 * (any machine: quotas are fleet-wide). Ended slices count towards the month's GPU-hours.
 */
export function checkQuotas(input: { policy: QuotaPolicy; request: QuotaRequest; bookings: readonly Booking[]; now: number }): QuotaViolation[] {
  const { policy, request, now } = input;
  const out: QuotaViolation[] = [];
  const window = { start: request.start, end: request.end };
  const valid = Number.isFinite(window.start) && Number.isFinite(window.end) && window.end > window.start;
  const others = input.bookings.filter((b) => b.id !== request.excludeBookingId);
  const team = request.teamName ? `The ${request.teamName} team` : "The team";
  const user = request.userName ?? "The requester";

  const serving = request.kind === "serving";
  const concurrency = [
    { quota: "team.maxConcurrentGpus", limit: policy.team.maxConcurrentGpus, who: team, what: "GPU", mine: (b: Booking) => b.teamId === request.teamId, applies: true },
    { quota: "user.maxConcurrentGpus", limit: policy.user.maxConcurrentGpus, who: user, what: "GPU", mine: (b: Booking) => b.userId === request.userId, applies: true },
    { quota: "team.maxServingGpus", limit: policy.team.maxServingGpus, who: team, what: "serving GPU", mine: (b: Booking) => b.teamId === request.teamId && b.kind === "serving", applies: serving },
  ] as const;
  for (const c of concurrency) {
    if (c.limit === undefined || !valid || !c.applies) continue;
    const held = others.filter((b) => c.mine(b) && overlaps(b, window)).map((b) => ({ start: b.start, end: b.end, weight: b.gpuIds.length }));
    // The request holds its GPUs over its whole window, so it adds to the peak wherever it falls.
    const { peak, at } = peakLoad(held, window);
    const actual = peak + request.gpuCount;
    if (actual > c.limit) {
      out.push({
        quota: c.quota, limit: c.limit, actual, excess: actual - c.limit, at,
        message: `${c.who} may hold ${plural(c.limit, c.what)} at once; this request would make ${actual} at its peak (${formatUtc(at)}), ${actual - c.limit} over.`,
      });
    }
  }

  const monthly = policy.team.maxGpuHoursPerMonth;
  if (monthly !== undefined && valid) {
    const teamBookings = others.filter((b) => b.teamId === request.teamId);
    // Sums in GPU-milliseconds, which are whole numbers: hours appear only in the result.
    for (const { month, part } of splitByUtcMonth(window.start, window.end)) {
      const bookedMs = teamBookings.reduce((sum, b) => sum + b.gpuIds.length * overlapMs(b, month), 0);
      const requestedMs = request.gpuCount * (part.end - part.start);
      const excessMs = bookedMs + requestedMs - monthly * MS_PER_HOUR;
      if (excessMs <= 0) continue;
      const d = new Date(month.start);
      const label = `${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
      const actual = (bookedMs + requestedMs) / MS_PER_HOUR;
      out.push({
        quota: "team.maxGpuHoursPerMonth", limit: monthly, actual, excess: excessMs / MS_PER_HOUR,
        month: `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`,
        message: `${team} may use ${formatAmount(monthly)} GPU-hours in ${label}; with this request it would use ${formatAmount(actual)} (${formatAmount(bookedMs / MS_PER_HOUR)} booked + ${formatAmount(requestedMs / MS_PER_HOUR)} requested), ${formatAmount(excessMs / MS_PER_HOUR)} over.`,
      });
    }
  }

  // Serving slices answer users around the clock and are renewed monthly until released: the
  // slice length does not bound them; the team's serving quota (above) does instead.
  const maxHours = policy.user.maxSliceHours;
  if (maxHours !== undefined && valid && !serving) {
    const lengthMs = window.end - window.start;
    const excessMs = lengthMs - maxHours * MS_PER_HOUR;
    if (excessMs > 0) {
      out.push({
        quota: "user.maxSliceHours", limit: maxHours, actual: lengthMs / MS_PER_HOUR, excess: excessMs / MS_PER_HOUR,
        message: `A slice may last at most ${plural(maxHours, "hour")}; this one lasts ${plural(lengthMs / MS_PER_HOUR, "hour")}, ${formatAmount(excessMs / MS_PER_HOUR)} over.`,
      });
    }
  }

  const maxDays = policy.user.maxDaysAhead;
  if (maxDays !== undefined && Number.isFinite(window.start)) {
    const aheadMs = window.start - now;
    const excessMs = aheadMs - maxDays * MS_PER_DAY;
    if (excessMs > 0) {
      out.push({
        quota: "user.maxDaysAhead", limit: maxDays, actual: aheadMs / MS_PER_DAY, excess: excessMs / MS_PER_DAY,
        message: `A slice may start at most ${plural(maxDays, "day")} ahead; this one starts ${plural(aheadMs / MS_PER_DAY, "day")} ahead (${formatUtc(window.start)}), ${formatAmount(excessMs / MS_PER_DAY)} over.`,
      });
    }
  }
  return out;
}

/**
 * Whether a quota of the policy counts the team's or the user's other bookings (concurrent GPUs,
 * serving GPUs, GPU-hours a month). Without one, a decision is judged on its request and its
 * machine alone, so decisions of one team on different machines need not see each other.
 */
export function countsOtherBookings(policy: QuotaPolicy): boolean {
  return [policy.team.maxConcurrentGpus, policy.team.maxGpuHoursPerMonth, policy.team.maxServingGpus, policy.user.maxConcurrentGpus].some((limit) => limit !== undefined);
}
