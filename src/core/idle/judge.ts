import type { EnforcementMode } from "../enforcement/types";
import type { IdlePolicy } from "./policy";

/** One agent sample of the machine's GPUs; utilization null when the driver said `[N/A]`. */
export interface GpuSample {
  at: number;
  gpus: { uuid: string; utilization: number | null; processes: number }[];
}

export interface JudgedSlice {
  id: string;
  start: number;
  /** The effective end (end, or release if earlier). */
  end: number;
  gpuUuids: string[];
  idleExempt: boolean;
}

export type IdleActionKind = "tell-no-show" | "release-no-show" | "warn-idle" | "warn-idle-again" | "reclaim-idle";

export interface IdleAction {
  kind: IdleActionKind;
  /** The minute it fell due. */
  at: number;
  /** Since when nothing ran (no-show) or everything sat at 0 % (idle). */
  since: number;
}

export type IdleState = "not-active" | "exempt" | "silent" | "no-show" | "idle" | "busy";

export interface IdleJudgement {
  state: IdleState;
  since: number | null;
  /** The actions that fell due in (lastJudgedAt, now], in order. */
  actions: IdleAction[];
}

export interface JudgeInput {
  slice: JudgedSlice;
  samples: readonly GpuSample[];
  policy: IdlePolicy;
  now: number;
  /** When this slice was last judged; actions due at or before it were already taken. */
  lastJudgedAt: number;
  /** A longer gap between samples (or before now) means the agent was silent: no judgement across it. */
  maxGapMs: number;
}

type Reading = "used" | "idle-unused" | "idle-used" | "busy" | "busy-unused" | "unknown";

function read(sample: GpuSample, uuids: readonly string[]): Reading {
  const rows = uuids.map((uuid) => sample.gpus.find((g) => g.uuid === uuid));
  if (rows.some((row) => row === undefined || row.utilization === null)) return rows.some((row) => row && row.processes > 0) ? "used" : "unknown";
  const idle = rows.every((row) => row!.utilization === 0);
  const used = rows.some((row) => row!.processes > 0);
  return idle ? (used ? "idle-used" : "idle-unused") : used ? "busy" : "busy-unused";
}

/**
 * Judges a slice from its GPUs' samples alone. A no-show is a slice on whose GPUs no process has
 * run since it started; an idle slice sat at 0 % on all its GPUs since some sample. Clocks start
 * at the slice's start (or the first sample of an unbroken run of samples) and restart after any
 * silence longer than maxGapMs, so a machine whose agent is silent never loses a slice. Each
 * action is due once, at its minute; evaluated at every minute it comes out exactly once.
 */
export function judgeIdle(input: JudgeInput): IdleJudgement {
  const { slice, policy, now, maxGapMs } = input;
  if (now < slice.start || now >= slice.end) return { state: "not-active", since: null, actions: [] };
  if (slice.idleExempt) return { state: "exempt", since: null, actions: [] };
  const samples = input.samples.filter((s) => s.at >= slice.start && s.at <= now).sort((a, b) => a.at - b.at);
  const last = samples.at(-1);
  if (!last || now - last.at > maxGapMs) return { state: "silent", since: null, actions: [] };

  const readings = samples.map((s) => ({ at: s.at, reading: read(s, slice.gpuUuids) }));
  const everUsed = readings.some(({ reading: r }) => r === "used" || r === "idle-used" || r === "busy");
  const matches = everUsed ? (r: Reading) => r === "idle-used" || r === "idle-unused" : (r: Reading) => r === "idle-unused" || r === "busy-unused";
  // Walk back from the latest sample while the readings match and no silence breaks the run.
  let runStart: number | null = null;
  for (let i = readings.length - 1; i >= 0; i--) {
    const { at, reading } = readings[i]!;
    if (!matches(reading) || (runStart !== null && runStart - at > maxGapMs)) break;
    runStart = at;
  }
  if (runStart === null) return { state: "busy", since: null, actions: [] };
  const since = runStart === readings[0]!.at && runStart - slice.start <= maxGapMs ? slice.start : runStart;

  const steps: [IdleActionKind, number][] = everUsed
    ? [["warn-idle", policy.idleWarnMinutes], ["warn-idle-again", policy.idleWarnAgainMinutes], ["reclaim-idle", policy.idleReclaimMinutes]]
    : [["tell-no-show", policy.noShowNotifyMinutes], ["release-no-show", policy.noShowReleaseMinutes]];
  const actions = steps
    .filter(([, minutes]) => minutes > 0)
    .map(([kind, minutes]) => ({ kind, at: since + minutes * 60_000, since }))
    .filter((action) => action.at > input.lastJudgedAt && action.at <= now && action.at < slice.end);
  return { state: everUsed ? "idle" : "no-show", since, actions };
}

/** Observe changes nothing and tells nobody; warn tells; enforce also releases and reclaims. */
export function actionsForMode(actions: readonly IdleAction[], mode: EnforcementMode): IdleAction[] {
  if (mode === "observe") return [];
  if (mode === "warn") return actions.filter((a) => a.kind !== "release-no-show" && a.kind !== "reclaim-idle");
  // Once the slice ends, the warnings due in the same window say nothing new.
  const ending = actions.find((a) => a.kind === "release-no-show" || a.kind === "reclaim-idle");
  return ending ? [ending] : [...actions];
}
