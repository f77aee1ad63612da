import { endingNotices } from "@/core/enforcement/next-boundary";
import type { EnforcementMode, MachineFacts, ScheduleDocument } from "@/core/enforcement/types";

export interface GpuProcess {
  pid: number;
  uid: number;
  gpuUuid: string;
}

export interface EndingDeps {
  now: () => number;
  /** Writes a message to the user's terminals. */
  tell: (uid: number, message: string) => Promise<void>;
  /** The compute processes on the GPUs now (from nvidia-smi, owners from /proc). */
  gpuProcesses: () => Promise<GpuProcess[]>;
  /** Sends a signal; false when the process is gone. */
  signal: (pid: number, signal: "SIGTERM" | "SIGKILL") => boolean;
}

export interface EndingOptions {
  /** How long before the end people are told. */
  minutesBefore: number;
  /** Between SIGTERM and SIGKILL. */
  graceMs: number;
}

export const DEFAULT_ENDING_OPTIONS: EndingOptions = { minutesBefore: 10, graceMs: 30_000 };

export type EndingEvent =
  | { kind: "told"; uid: number; sliceId: string; message: string }
  | { kind: "signalled"; uid: number; sliceId: string; pid: number; signal: "SIGTERM" | "SIGKILL" };

const clock = (ms: number) => new Date(ms).toISOString().slice(11, 16);

/**
 * The end of slices on the machine: people are told some minutes before and at the end; in
 * enforce mode their processes on the slice's GPUs then get SIGTERM and, if still there after
 * the grace period, SIGKILL (a process that already holds the device keeps it whatever the cgroup
 * says, so stopping it is what ends its use). Call `tick` often (every few seconds); it acts on
 * what fell due since the previous tick, and on the first tick only from then on.
 */
export class SliceEndings {
  private lastTick: number | null = null;
  private readonly pending = new Map<number, { uid: number; sliceId: string; killAt: number }>();
  private readonly warned = new Set<number>();

  constructor(
    private readonly deps: EndingDeps,
    private readonly options: EndingOptions = DEFAULT_ENDING_OPTIONS,
  ) {}

  async tick(doc: ScheduleDocument, facts: MachineFacts, mode: EnforcementMode): Promise<EndingEvent[]> {
    const now = this.deps.now();
    const since = this.lastTick ?? now;
    this.lastTick = now;
    if (mode === "observe") return [];
    const events: EndingEvent[] = [];
    for (const notice of endingNotices(doc, since, now, this.options.minutesBefore)) {
      const uid = facts.uids?.[notice.linuxUsername];
      const slice = doc.slices.find((s) => s.id === notice.sliceId)!;
      if (uid === undefined) continue;
      const gpus = slice.gpus.map((g) => `GPU ${g.index}`).join(", ");
      const message =
        notice.kind === "soon"
          ? `Rigshare: your slice on ${gpus} ends at ${clock(notice.end)} UTC. Save your work; ${mode === "enforce" ? "processes still on the GPU are stopped then" : "please stop your processes by then"}.`
          : mode === "enforce"
            ? `Rigshare: your slice on ${gpus} has ended. Your processes on it get SIGTERM now and SIGKILL in ${Math.round(this.options.graceMs / 1000)} s.`
            : `Rigshare: your slice on ${gpus} has ended. Please stop your processes on it.`;
      await this.deps.tell(uid, message);
      events.push({ kind: "told", uid, sliceId: slice.id, message });
      if (notice.kind === "now" && mode === "enforce") {
        const uuids = new Set(slice.gpus.map((g) => g.uuid));
        for (const proc of await this.deps.gpuProcesses()) {
          if (proc.uid !== uid || !uuids.has(proc.gpuUuid) || this.pending.has(proc.pid)) continue;
          if (this.deps.signal(proc.pid, "SIGTERM")) {
            this.pending.set(proc.pid, { uid, sliceId: slice.id, killAt: now + this.options.graceMs });
            events.push({ kind: "signalled", uid, sliceId: slice.id, pid: proc.pid, signal: "SIGTERM" });
          }
        }
      }
    }
    const due = [...this.pending].filter(([, stop]) => stop.killAt <= now);
    if (due.length) {
      // Only a process still on a GPU under the same user gets SIGKILL: its pid may have been reused.
      const still = new Map((await this.deps.gpuProcesses()).map((p) => [p.pid, p.uid]));
      for (const [pid, stop] of due) {
        this.pending.delete(pid);
        if (still.get(pid) === stop.uid && this.deps.signal(pid, "SIGKILL")) events.push({ kind: "signalled", uid: stop.uid, sliceId: stop.sliceId, pid, signal: "SIGKILL" });
      }
    }
    return events;
  }

  /**
   * Unbooked use in enforce mode (a process on a GPU its user does not hold, seen twice in a row):
   * tells the user, then stops the processes as at the end of a slice; SIGKILL follows on a later tick.
   */
  async stopUnbooked(procs: readonly GpuProcess[], gpuIndexOf: (uuid: string) => number | undefined): Promise<EndingEvent[]> {
    const now = this.deps.now();
    const events: EndingEvent[] = [];
    for (const uid of new Set(procs.map((p) => p.uid))) {
      const own = procs.filter((p) => p.uid === uid && !this.pending.has(p.pid));
      if (own.length === 0) continue;
      const gpus = [...new Set(own.map((p) => `GPU ${gpuIndexOf(p.gpuUuid) ?? p.gpuUuid}`))].join(", ");
      const message = `Rigshare: you have no slice on ${gpus} now. Your processes on it get SIGTERM now and SIGKILL in ${Math.round(this.options.graceMs / 1000)} s. Book it in the portal first.`;
      await this.deps.tell(uid, message);
      events.push({ kind: "told", uid, sliceId: "unbooked", message });
      for (const proc of own) {
        if (!this.deps.signal(proc.pid, "SIGTERM")) continue;
        this.pending.set(proc.pid, { uid, sliceId: "unbooked", killAt: now + this.options.graceMs });
        events.push({ kind: "signalled", uid, sliceId: "unbooked", pid: proc.pid, signal: "SIGTERM" });
      }
    }
    return events;
  }

  /** Unbooked use in warn mode: the user is told once per process, nothing is stopped. */
  async warnUnbooked(procs: readonly GpuProcess[], gpuIndexOf: (uuid: string) => number | undefined): Promise<EndingEvent[]> {
    const events: EndingEvent[] = [];
    for (const uid of new Set(procs.map((p) => p.uid))) {
      const own = procs.filter((p) => p.uid === uid && !this.warned.has(p.pid));
      if (own.length === 0) continue;
      const gpus = [...new Set(own.map((p) => `GPU ${gpuIndexOf(p.gpuUuid) ?? p.gpuUuid}`))].join(", ");
      const message = `Rigshare: you have no slice on ${gpus} now. Book it in the portal, or stop your processes on it.`;
      await this.deps.tell(uid, message);
      own.forEach((p) => this.warned.add(p.pid));
      events.push({ kind: "told", uid, sliceId: "unbooked", message });
    }
    return events;
  }

  /** Processes waiting for their SIGKILL (shown in the agent's status). */
  get stopping(): number {
    return this.pending.size;
  }
}
