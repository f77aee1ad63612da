import { MS_PER_DAY, MS_PER_HOUR } from "../slices/time";
import { quantile } from "./what-if";

/** One request by need as the waitlist recorded it. */
export interface DemandRecord {
  teamId: string;
  teamName: string;
  createdAt: number;
  /** The earliest start asked for (at least createdAt). */
  askedStart: number;
  /** When it started; null when it never did. */
  start: number | null;
  status: "waiting" | "placed" | "unmeetable" | "cancelled";
  gpuCount: number;
  durationMs: number;
}

export interface WeekTeamWaits {
  /** Monday 00:00 UTC of the week. */
  week: number;
  teamId: string;
  teamName: string;
  requests: number;
  medianWaitHours: number;
  p90WaitHours: number;
}

export interface Demand {
  weeks: WeekTeamWaits[];
  overall: { requests: number; medianWaitHours: number; p90WaitHours: number };
  /** GPU-hours asked for that had to wait (placed later than asked, or still waiting). */
  waitlistedGpuHours: number;
  /** GPU-hours that left the queue unserved: no machine could meet them any more, or their owner withdrew. */
  refusedGpuHours: number;
}

/** Monday 00:00 UTC of the week holding t (1970-01-01 was a Thursday). */
export function utcWeekStart(t: number): number {
  const day = Math.floor(t / MS_PER_DAY);
  return (day - ((day + 3) % 7)) * MS_PER_DAY;
}

const hours = (ms: number[]) => {
  const sorted = [...ms].sort((a, b) => a - b);
  return { medianWaitHours: quantile(sorted, 0.5) / MS_PER_HOUR, p90WaitHours: quantile(sorted, 0.9) / MS_PER_HOUR };
};

/**
 * Demand the machines did not meet, from the waitlist's records: the wait from asking to
 * starting per week (of asking) and team, with median and 90th percentile, and the GPU-hours
 * that waited or were never served. A request still waiting counts its wait up to `now`.
 */
export function summarizeDemand(records: readonly DemandRecord[], now: number): Demand {
  const groups = new Map<string, { week: number; teamId: string; teamName: string; waits: number[] }>();
  const all: number[] = [];
  let waitlistedMs = 0;
  let refusedMs = 0;
  for (const r of records) {
    const gpuMs = r.gpuCount * r.durationMs;
    if (r.status === "unmeetable" || r.status === "cancelled") {
      refusedMs += gpuMs;
      continue;
    }
    const wait = Math.max(0, (r.start ?? now) - r.askedStart);
    if (wait > 0) waitlistedMs += gpuMs;
    all.push(wait);
    const week = utcWeekStart(r.createdAt);
    const key = `${week}:${r.teamId}`;
    const g = groups.get(key) ?? { week, teamId: r.teamId, teamName: r.teamName, waits: [] };
    g.waits.push(wait);
    groups.set(key, g);
  }
  const weeks = [...groups.values()]
    .map((g) => ({ week: g.week, teamId: g.teamId, teamName: g.teamName, requests: g.waits.length, ...hours(g.waits) }))
    .sort((a, b) => a.week - b.week || a.teamName.localeCompare(b.teamName));
  return { weeks, overall: { requests: all.length, ...hours(all) }, waitlistedGpuHours: waitlistedMs / MS_PER_HOUR, refusedGpuHours: refusedMs / MS_PER_HOUR };
}
