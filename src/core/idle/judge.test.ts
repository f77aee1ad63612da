import { describe, expect, it } from "vitest";
import { actionsForMode, judgeIdle, type GpuSample, type IdleAction, type JudgedSlice } from "./judge";
import { DEFAULT_IDLE_POLICY, idlePolicyProblem, resolveIdlePolicy } from "./policy";

const MIN = 60_000;
const T0 = Date.UTC(2026, 11, 7, 9, 0);
const slice: JudgedSlice = { id: "s", start: T0, end: T0 + 8 * 60 * MIN, gpuUuids: ["GPU-a"], idleExempt: false };

/** A recording: one sample every 30 s from the slice's start to `untilMin`, shaped by `at(minute)`. */
function recording(untilMin: number, at: (minute: number) => { utilization: number | null; processes: number } | null): GpuSample[] {
  const samples: GpuSample[] = [];
  for (let ms = 0; ms <= untilMin * MIN; ms += 30_000) {
    const gpu = at(ms / MIN);
    if (gpu) samples.push({ at: T0 + ms, gpus: [{ uuid: "GPU-a", ...gpu }, { uuid: "GPU-b", utilization: 99, processes: 3 }] });
  }
  return samples;
}

/** Judges at every minute like the portal's job does, and collects what came out when. */
function replay(samples: GpuSample[], untilMin: number, s = slice): (IdleAction & { minute: number })[] {
  const out: (IdleAction & { minute: number })[] = [];
  for (let minute = 1; minute <= untilMin; minute++) {
    const now = T0 + minute * MIN;
    const judged = judgeIdle({ slice: s, samples: samples.filter((x) => x.at <= now), policy: DEFAULT_IDLE_POLICY, now, lastJudgedAt: now - MIN, maxGapMs: 3 * MIN });
    out.push(...judged.actions.map((a) => ({ ...a, minute })));
  }
  return out;
}

const kinds = (actions: (IdleAction & { minute: number })[]) => actions.map((a) => `${a.minute} ${a.kind}`);

describe("judgeIdle on recorded telemetry", () => {
  it("a no-show: the holder is told at 30 min and the slice released at 60, once each", () => {
    const samples = recording(90, () => ({ utilization: 0, processes: 0 }));
    expect(kinds(replay(samples, 90))).toEqual(["30 tell-no-show", "60 release-no-show"]);
  });

  it("a busy slice: nothing, ever", () => {
    const samples = recording(300, (m) => ({ utilization: 40 + (m % 50), processes: 1 }));
    expect(replay(samples, 300)).toEqual([]);
  });

  it("an idle hold (a notebook kept open on an idle GPU from minute 10): warnings at 70 and 115, exactly one reclaim at minute 130", () => {
    const samples = recording(200, (m) => ({ utilization: m < 10 ? 85 : 0, processes: 1 }));
    const actions = replay(samples, 200);
    expect(kinds(actions)).toEqual(["70 warn-idle", "115 warn-idle-again", "130 reclaim-idle"]);
    expect(actions.at(-1)!.since).toBe(T0 + 10 * MIN);
  });

  it("a slice that goes idle, then busy again before the reclaim, starts counting afresh", () => {
    const samples = recording(300, (m) => ({ utilization: m < 10 || (m >= 125 && m < 126) ? 70 : 0, processes: 1 }));
    expect(kinds(replay(samples, 300))).toEqual(["70 warn-idle", "115 warn-idle-again", "186 warn-idle", "231 warn-idle-again", "246 reclaim-idle"]);
  });

  it("a process that comes after the holder was told ends the no-show, but a GPU at 0 % since the start is idle since the start", () => {
    const samples = recording(200, (m) => (m < 40 ? { utilization: 0, processes: 0 } : { utilization: 0, processes: 1 }));
    expect(kinds(replay(samples, 200))).toEqual(["30 tell-no-show", "60 warn-idle", "105 warn-idle-again", "120 reclaim-idle"]);
  });

  it("never acts on a silent machine, and restarts the clock after a silence", () => {
    expect(replay([], 200)).toEqual([]);
    const gap = recording(200, (m) => (m >= 20 && m < 50 ? null : { utilization: 0, processes: 0 }));
    // Silent from 20 to 50: the no-show clock restarts at the first sample after the gap.
    expect(kinds(replay(gap, 200))).toEqual(["80 tell-no-show", "110 release-no-show"]);
  });

  it("treats [N/A] as unknown, not idle", () => {
    const samples = recording(200, () => ({ utilization: null, processes: 1 }));
    expect(replay(samples, 200)).toEqual([]);
  });

  it("does nothing for an exempt slice or outside the slice's window, and nothing due after its end", () => {
    const samples = recording(200, () => ({ utilization: 0, processes: 0 }));
    expect(replay(samples, 200, { ...slice, idleExempt: true })).toEqual([]);
    expect(kinds(replay(samples, 200, { ...slice, end: T0 + 45 * MIN }))).toEqual(["30 tell-no-show"]);
    expect(judgeIdle({ slice, samples, policy: DEFAULT_IDLE_POLICY, now: T0 - MIN, lastJudgedAt: 0, maxGapMs: 3 * MIN }).state).toBe("not-active");
  });

  it("catches up on what fell due while no one judged, in order", () => {
    const samples = recording(200, (m) => ({ utilization: m < 10 ? 85 : 0, processes: 1 }));
    const judged = judgeIdle({ slice, samples, policy: DEFAULT_IDLE_POLICY, now: T0 + 200 * MIN, lastJudgedAt: T0, maxGapMs: 3 * MIN });
    expect(judged.state).toBe("idle");
    expect(judged.actions.map((a) => [a.kind, (a.at - T0) / MIN])).toEqual([["warn-idle", 70], ["warn-idle-again", 115], ["reclaim-idle", 130]]);
    expect(actionsForMode(judged.actions, "enforce").map((a) => a.kind)).toEqual(["reclaim-idle"]);
    expect(actionsForMode(judged.actions, "warn").map((a) => a.kind)).toEqual(["warn-idle", "warn-idle-again"]);
    expect(actionsForMode(judged.actions, "observe")).toEqual([]);
  });

  it("honours a team's policy, with 0 turning a step off", () => {
    const policy = resolveIdlePolicy({ ...nulls, idleReclaimMinutes: 0 }, { ...nulls, idleWarnMinutes: 20 });
    const samples = recording(300, (m) => ({ utilization: m < 10 ? 85 : 0, processes: 1 }));
    const judged = judgeIdle({ slice, samples, policy, now: T0 + 300 * MIN, lastJudgedAt: T0, maxGapMs: 3 * MIN });
    expect(judged.actions.map((a) => [a.kind, (a.at - T0) / MIN])).toEqual([["warn-idle", 30], ["warn-idle-again", 115]]);
  });
});

const nulls = { noShowNotifyMinutes: null, noShowReleaseMinutes: null, idleWarnMinutes: null, idleWarnAgainMinutes: null, idleReclaimMinutes: null };

describe("idle policy", () => {
  it("inherits field by field and falls back to PRODUCT.md's defaults", () => {
    expect(resolveIdlePolicy(null, null)).toEqual(DEFAULT_IDLE_POLICY);
    expect(resolveIdlePolicy({ ...nulls, idleReclaimMinutes: 240 }, { ...nulls, idleReclaimMinutes: 180 }).idleReclaimMinutes).toBe(180);
  });

  it("names the field whose step comes out of order", () => {
    expect(idlePolicyProblem(DEFAULT_IDLE_POLICY)).toBeNull();
    expect(idlePolicyProblem({ ...DEFAULT_IDLE_POLICY, idleReclaimMinutes: 100 })?.field).toBe("idleReclaimMinutes");
    expect(idlePolicyProblem({ ...DEFAULT_IDLE_POLICY, noShowReleaseMinutes: 30 })?.field).toBe("noShowReleaseMinutes");
    expect(idlePolicyProblem({ ...DEFAULT_IDLE_POLICY, idleWarnAgainMinutes: 0 })).toBeNull();
  });
});
