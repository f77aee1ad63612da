import { AppError, notFound } from "@/core/errors";
import { findCapacityConflicts, type SliceRequest } from "@/core/slices/capacity";
import type { CapacityConflict } from "@/core/slices/conflicts";
import { findEarliestFit, type Fit } from "@/core/slices/earliest-fit";
import { formatUtc } from "@/core/slices/format";
import { resolvePolicy } from "@/core/slices/policy";
import { checkQuotas, countsOtherBookings, type QuotaViolation } from "@/core/slices/quotas";
import { MS_PER_DAY, utcMonthStart } from "@/core/slices/time";
import type { SliceKind } from "@/core/slices/kinds";
import type { Booking } from "@/core/slices/types";
import { findDecisionContext } from "@/server/db/decision-context";
import { lockRequestDecision } from "@/server/db/decision-locks";
import type { Db } from "@/server/db/tx";
import { checkTeamLock } from "./team-locks";

/** How far the "earliest window that fits" search looks ahead when no quota bounds it. */
const SUGGESTION_HORIZON_MS = 90 * MS_PER_DAY;

export interface Decision {
  machineId: string;
  teamId: string;
  userId: string;
  userName: string;
  teamName: string;
  request: SliceRequest;
  excludeBookingId?: string;
  kind?: SliceKind;
}

/**
 * Locks the team and machine (unless the caller already holds the locks, or only previews), then
 * loads everything a decision needs in one statement: the machine's capacity, the approved
 * bookings around the window (machine-wide and the team's/user's fleet-wide) and the team's
 * policy. `teamShared`: the team is (to be) locked FOR SHARE only; the policy read under the lock
 * must then count no other bookings (checkTeamLock refuses, and the decision runs again), and the
 * team's and user's bookings are not read.
 */
export async function loadDecisionContext(tx: Db, d: Decision, now: Date, options: { lock: boolean; teamShared?: boolean } = { lock: true }) {
  const teamShared = options.lock ? (await lockRequestDecision(tx, d.teamId, d.machineId, options.teamShared ?? false)).teamShared : options.teamShared;
  // Up to the end of the suggestion horizon (the earliest window that fits may lie weeks ahead).
  // The machine's bookings matter from the request's start (capacity) or now (suggestions) on;
  // the team's and user's from the first UTC month the request touches (GPU-hours per month).
  const earliest = Math.min(d.request.start, now.getTime());
  const to = new Date(Math.max(d.request.end, now.getTime() + SUGGESTION_HORIZON_MS) + Math.max(0, d.request.end - d.request.start));
  const found = await findDecisionContext(tx, {
    machineId: d.machineId,
    teamId: d.teamId,
    machineFrom: new Date(earliest),
    to,
    owner: teamShared ? undefined : { teamId: d.teamId, userId: d.userId, from: new Date(utcMonthStart(earliest)) },
  });
  if (!found) throw notFound("Machine", "machineId");
  const policy = resolvePolicy(found.quotaRows.fleet, found.quotaRows.team);
  if (teamShared !== undefined) checkTeamLock(d.teamId, countsOtherBookings(policy.quotas), teamShared);
  return { machine: found.machine, capacity: found.capacity, machineBookings: found.machineBookings, ownerBookings: found.ownerBookings, policy };
}

export type DecisionContext = Awaited<ReturnType<typeof loadDecisionContext>>;

export function capacityConflicts(ctx: DecisionContext, d: Decision, now: Date): CapacityConflict[] {
  return findCapacityConflicts({ machine: ctx.capacity, bookings: ctx.machineBookings, request: { ...d.request, excludeBookingId: d.excludeBookingId }, now: now.getTime() });
}

export function quotaViolations(ctx: DecisionContext, d: Decision, now: Date): QuotaViolation[] {
  return checkQuotas({
    policy: ctx.policy.quotas,
    request: { userId: d.userId, teamId: d.teamId, gpuCount: d.request.gpuCount, start: d.request.start, end: d.request.end, userName: d.userName, teamName: d.teamName, excludeBookingId: d.excludeBookingId, kind: d.kind },
    bookings: ctx.ownerBookings,
    now: now.getTime(),
  });
}

/**
 * The earliest window of the same length that fits both the machine and the quotas. Capacity
 * fits come from the core; when a fit breaks a quota (say, the requester already holds a GPU
 * then), the search resumes after the next booking end.
 */
export function suggestWindow(ctx: DecisionContext, d: Decision, now: Date): Fit | null {
  const duration = d.request.end - d.request.start;
  if (!(duration > 0)) return null;
  const maxDaysAhead = ctx.policy.quotas.user.maxDaysAhead;
  const horizon = now.getTime() + (maxDaysAhead ? maxDaysAhead * MS_PER_DAY : SUGGESTION_HORIZON_MS);
  const ends = [...new Set([...ctx.machineBookings, ...ctx.ownerBookings].map((b: Booking) => b.end))].sort((a, b) => a - b);
  let notBefore = Math.max(now.getTime(), d.request.start);
  for (let attempt = 0; attempt < 200; attempt++) {
    const fit = findEarliestFit({
      machine: ctx.capacity,
      bookings: ctx.machineBookings,
      request: { gpuCount: d.request.gpuCount, threads: d.request.threads, ramGb: d.request.ramGb, durationMs: duration },
      notBefore,
      horizon,
      excludeBookingId: d.excludeBookingId,
    });
    if (!fit) return null;
    const violations = quotaViolations(ctx, { ...d, request: { ...d.request, start: fit.start, end: fit.end } }, now).filter(
      (v) => v.quota !== "user.maxSliceHours",
    );
    if (violations.length === 0) return fit;
    const next = ends.find((t) => t > fit.start);
    if (next === undefined) return null;
    notBefore = next;
  }
  return null;
}

const REASONS_NAMED = 6;

/** One refusal that says the reasons (every one in its details), and the earliest window that would work. */
export function refusal(conflicts: CapacityConflict[], violations: QuotaViolation[], suggestion: Fit | null): AppError {
  const all = [...conflicts.map((c) => c.message), ...violations.map((v) => v.message)];
  // Every problem is in the details; the sentence names the first few, so it stays readable.
  const reasons = all.length > REASONS_NAMED ? [...all.slice(0, REASONS_NAMED), `(And ${all.length - REASONS_NAMED} more: see the details.)`] : all;
  const hint = suggestion ? ` The earliest window that fits is ${formatUtc(suggestion.start)} to ${formatUtc(suggestion.end)}.` : "";
  const code = conflicts.length > 0 ? "CAPACITY_CONFLICT" : "QUOTA_EXCEEDED";
  const invalid = conflicts.some((c) => c.code === "INVALID_REQUEST" || c.code === "INVALID_WINDOW" || c.code === "BACKDATED" || c.code === "GPU_NOT_ON_MACHINE");
  return new AppError(invalid ? "VALIDATION" : code, `${reasons.join(" ")}${hint}`, {
    field: conflicts[0]?.field ?? (violations[0] ? "quota" : undefined),
    details: {
      conflicts,
      quotas: violations,
      suggestion: suggestion && { start: new Date(suggestion.start), end: new Date(suggestion.end), gpuIds: suggestion.gpuIds },
    },
  });
}
