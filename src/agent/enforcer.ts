import type { SampleIn } from "@/core/agent/contract";
import type { AppliedIn, ScheduleOut } from "@/core/agent/schedule-contract";
import { formatCpuSet } from "@/core/enforcement/cpu-topology";
import { nextBoundary } from "@/core/enforcement/next-boundary";
import type { DesiredState, MachineFacts } from "@/core/enforcement/types";
import type { Clock } from "./clock";
import { DEFAULT_ENFORCE_OPTIONS, enforceSchedule, type ApplyReport, type CommandRunner, type EnforceOptions, type GpuProcess, type SliceEndings } from "./enforce";
import type { Log } from "./log";
import type { PortalClient } from "./portal-client";
import type { CachedSchedule, GrantsFile, ScheduleCache } from "./schedule-cache";
import { StopAgent, type PeriodicTask } from "./tasks";

/** How long one long-poll waits at the portal; under the portal's maximum and the client's timeout. */
export const SCHEDULE_WAIT_SECONDS = 25;
/** Boundaries and slice endings are checked this often. */
export const ENFORCE_EVERY_MS = 5_000;
/** Everything is read back from systemd and applied again this often (people log in and out). */
export const REAPPLY_EVERY_MS = 60_000;
const MAX_BACKOFF_MS = 60_000;

export interface EnforcerDeps {
  clock: Clock;
  log: Log;
  portal: Pick<PortalClient, "schedule" | "reportApplied">;
  cache: ScheduleCache;
  run: CommandRunner;
  /** Who is who on the machine (passwd) and which device node each GPU is (nvidia-smi -q). */
  facts: () => Promise<MachineFacts>;
  endings?: SliceEndings;
  writeGrants?: (grants: GrantsFile) => Promise<void>;
  writeStatus?: (status: EnforcementStatus) => Promise<void>;
  options?: EnforceOptions;
}

/** What `status` shows about enforcement. */
export interface EnforcementStatus {
  mode: ScheduleOut["mode"] | null;
  scheduleEtag: string | null;
  fetchedAt: string | null;
  /** The portal did not answer the last poll: the cached schedule is what is enforced. */
  portalAway: boolean;
  lastAppliedAt: string | null;
  lastErrors: string[];
}

type Report = Omit<AppliedIn, "agentVersion">;

function reportOf(apply: ApplyReport, desired: DesiredState, schedule: ScheduleOut, at: number, fromCache: boolean): Report {
  const shown = (argv: string[]) => argv.join(" ");
  const failed = new Set(apply.errors.map((e) => e.uid));
  const commands =
    apply.mode === "enforce"
      ? apply.planned.map((p) => ({ who: p.who, command: shown(p.argv), outcome: failed.has(p.uid) ? ("failed" as const) : ("ran" as const) }))
      : apply.planned.map((p) => ({ who: p.who, command: shown(p.argv), outcome: "planned" as const }));
  return {
    mode: schedule.mode,
    scheduleEtag: schedule.etag,
    appliedAt: new Date(at).toISOString(),
    fromCache,
    commands,
    errors: apply.errors.map((e) => e.message),
    problems: desired.problems,
    grants: desired.users.map((u) => ({ linuxUsername: u.linuxUsername, uid: u.uid, gpus: u.gpus.map((g) => g.index), cpus: formatCpuSet(u.cpus), memoryMaxBytes: u.memoryMaxBytes })),
  };
}

/**
 * The agent's enforcement: long-polls the portal for the machine's schedule, keeps it on disk,
 * applies the desired state at start-up, on every new schedule, at every slice boundary and every
 * minute (from the cache while the portal is away), ends slices on the machine, and reports each
 * apply that differs from the last one reported. Applies never overlap.
 */
export class Enforcer {
  private cached: CachedSchedule | null = null;
  private facts: MachineFacts = {};
  private lastAppliedAt: number | null = null;
  private portalAway = false;
  private lastErrors: string[] = [];
  private reported: string | null = null;
  private unsent: Report | null = null;
  private chain: Promise<void> = Promise.resolve();
  private suspects = new Set<string>();

  constructor(private readonly deps: EnforcerDeps) {}

  get schedule(): ScheduleOut | null {
    return this.cached?.schedule ?? null;
  }

  status(): EnforcementStatus {
    return {
      mode: this.cached?.schedule.mode ?? null,
      scheduleEtag: this.cached?.schedule.etag ?? null,
      fetchedAt: this.cached?.fetchedAt ?? null,
      portalAway: this.portalAway,
      lastAppliedAt: this.lastAppliedAt === null ? null : new Date(this.lastAppliedAt).toISOString(),
      lastErrors: this.lastErrors,
    };
  }

  /** At start-up: the cached schedule, applied at once, before the portal is even asked. */
  async start(): Promise<void> {
    this.cached = await this.deps.cache.read();
    if (this.cached) {
      this.deps.log("info", "applying the cached schedule", { fetchedAt: this.cached.fetchedAt, etag: this.cached.schedule.etag });
      await this.apply();
    }
  }

  /** One long-poll. A new schedule is stored and applied before this returns. */
  async poll(waitSeconds = SCHEDULE_WAIT_SECONDS): Promise<"changed" | "unchanged" | "away"> {
    const outcome = await this.deps.portal.schedule(this.cached?.schedule.etag, this.cached ? waitSeconds : 0);
    if (outcome.kind === "unauthorized") throw new StopAgent(`the portal refused this machine's credential (${outcome.message}); enroll again with a new code`);
    if (outcome.kind === "ok") {
      const wasAway = this.portalAway;
      this.portalAway = false;
      this.cached = { fetchedAt: this.deps.clock.now().toISOString(), schedule: outcome.value };
      await this.deps.cache.write(this.cached);
      if (wasAway) this.deps.log("info", "the portal is back; following its schedule again");
      await this.apply();
      return "changed";
    }
    if (outcome.kind === "not-modified") {
      if (this.portalAway) {
        this.portalAway = false;
        this.deps.log("info", "the portal is back; the cached schedule is still current");
        await this.apply();
      }
      return "unchanged";
    }
    if (!this.portalAway) {
      this.deps.log("warn", "the portal is away; enforcing the cached schedule", { reason: outcome.message, cachedFrom: this.cached?.fetchedAt ?? null });
      this.portalAway = true;
      await this.writeStatus();
    }
    return "away";
  }

  /** Polls until `signal` aborts, backing off (1 s doubling to 60 s) while the portal is away. */
  async pollLoop(signal: AbortSignal, waitSeconds = SCHEDULE_WAIT_SECONDS): Promise<void> {
    let backoff = 1_000;
    while (!signal.aborted) {
      let outcome: Awaited<ReturnType<Enforcer["poll"]>>;
      try {
        outcome = await this.poll(waitSeconds);
      } catch (error) {
        if (error instanceof StopAgent) throw error;
        this.deps.log("error", "schedule poll failed", { error: error instanceof Error ? error.message : String(error) });
        outcome = "away";
      }
      if (outcome === "away") {
        await this.deps.clock.sleep(backoff, signal);
        backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
      } else backoff = 1_000;
    }
  }

  /** The periodic part: a boundary passed or a minute went by → apply; then the slice endings; then any report still unsent. */
  task(): PeriodicTask {
    return { name: "enforce", everyMs: ENFORCE_EVERY_MS, run: () => this.tick() };
  }

  async tick(): Promise<void> {
    if (!this.cached) return;
    const now = this.deps.clock.now().getTime();
    const boundary = this.lastAppliedAt === null ? null : nextBoundary(this.cached.schedule.schedule, this.lastAppliedAt);
    if (this.lastAppliedAt === null || (boundary !== null && boundary <= now) || now - this.lastAppliedAt >= REAPPLY_EVERY_MS) await this.apply();
    await this.deps.endings?.tick(this.cached.schedule.schedule, this.facts, this.cached.schedule.mode);
    if (this.unsent && !this.portalAway) await this.send(this.unsent);
  }

  /**
   * Unbooked use, from each telemetry sample: a process of a person (uid ≥ 1000, not a system
   * process) on a GPU that the schedule does not give them at the sample's time, seen in two
   * samples in a row. Warn mode tells them once; enforce mode stops it as at the end of a slice.
   */
  async checkUnbooked(sample: SampleIn, systemProcesses: readonly string[] = []): Promise<void> {
    const schedule = this.cached?.schedule;
    const endings = this.deps.endings;
    if (!schedule || !endings || schedule.mode === "observe") return;
    const at = Date.parse(sample.at);
    const holders = new Map<string, Set<string>>();
    for (const slice of schedule.schedule.slices) {
      if (slice.start > at || at >= slice.end) continue;
      for (const gpu of slice.gpus) if (gpu.uuid) (holders.get(gpu.uuid) ?? holders.set(gpu.uuid, new Set()).get(gpu.uuid)!).add(slice.linuxUsername);
    }
    const minUid = (this.deps.options ?? DEFAULT_ENFORCE_OPTIONS).minUid;
    const seen = new Set<string>();
    const twice: GpuProcess[] = [];
    for (const p of sample.processes) {
      if (p.uid === null || p.uid < minUid || systemProcesses.includes(p.name.split("/").pop()!)) continue;
      if (p.user && holders.get(p.gpuUuid)?.has(p.user)) continue;
      const key = `${p.pid}:${p.gpuUuid}`;
      seen.add(key);
      if (this.suspects.has(key)) twice.push({ pid: p.pid, uid: p.uid, gpuUuid: p.gpuUuid });
    }
    this.suspects = seen;
    if (twice.length === 0) return;
    const indexOf = (uuid: string) => sample.gpus.find((g) => g.uuid === uuid)?.index;
    const events = schedule.mode === "enforce" ? await endings.stopUnbooked(twice, indexOf) : await endings.warnUnbooked(twice, indexOf);
    if (events.length) this.deps.log("warn", "unbooked use on the GPUs", { mode: schedule.mode, processes: twice.map((p) => p.pid) });
  }

  /** Applies the cached schedule now; calls queue behind each other. */
  apply(): Promise<void> {
    const next = this.chain.then(() => this.applyNow());
    this.chain = next.catch(() => {});
    return next;
  }

  private async applyNow(): Promise<void> {
    const cached = this.cached;
    if (!cached) return;
    const { schedule } = cached;
    const at = this.deps.clock.now().getTime();
    this.facts = await this.deps.facts();
    const { desired, report } = await enforceSchedule({ run: this.deps.run }, schedule.schedule, this.facts, at, schedule.mode, this.deps.options ?? DEFAULT_ENFORCE_OPTIONS);
    this.lastAppliedAt = at;
    this.lastErrors = report.errors.map((e) => e.message);
    if (report.errors.length) this.deps.log("error", "some user slices could not be changed", { errors: this.lastErrors });
    if (report.ran.length) this.deps.log("info", "applied the schedule", { units: report.ran.map((p) => p.argv[3]), etag: schedule.etag, fromCache: this.portalAway });
    await this.deps.writeGrants?.(grantsOf(schedule, desired, at));
    await this.writeStatus();
    const out = reportOf(report, desired, schedule, at, this.portalAway);
    // Reported when the applied state differs from the last report, or when commands changed units; in warn mode the same plan every minute is said once.
    const key = JSON.stringify([out.mode, out.scheduleEtag, out.fromCache, out.errors, out.problems, out.grants, out.mode === "enforce" ? [] : out.commands]);
    if (key !== this.reported || report.ran.length > 0) {
      this.reported = key;
      // While the portal is away the report waits (a send would only time out and hold up the loop).
      if (this.portalAway) this.unsent = out;
      else await this.send(out);
    }
  }

  private async send(report: Report): Promise<void> {
    const outcome = await this.deps.portal.reportApplied(report);
    this.unsent = outcome.kind === "ok" || outcome.kind === "refused" ? null : report;
    if (outcome.kind === "refused") this.deps.log("error", "the portal refused the applied-state report", { status: outcome.status, reason: outcome.message });
  }

  private writeStatus() {
    return this.deps.writeStatus?.(this.status()) ?? Promise.resolve();
  }
}

function grantsOf(schedule: ScheduleOut, desired: DesiredState, at: number): GrantsFile {
  const until = (sliceIds: string[]) => {
    const ends = schedule.schedule.slices.filter((s) => sliceIds.includes(s.id)).map((s) => s.end);
    return ends.length ? new Date(Math.max(...ends)).toISOString() : null;
  };
  return {
    writtenAt: new Date(at).toISOString(),
    machineName: schedule.machineName,
    users: desired.users.map((u) => ({ linuxUsername: u.linuxUsername, uid: u.uid, gpus: u.gpus, cpus: formatCpuSet(u.cpus), memoryMaxBytes: u.memoryMaxBytes, until: until(u.sliceIds) })),
    loginProfile: { cpus: formatCpuSet(desired.loginProfile.cpus), memoryMaxBytes: desired.loginProfile.memoryMaxBytes },
  };
}
