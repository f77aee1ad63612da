import { DEFAULT_SYSTEM_PROCESSES, MAX_SAMPLES_PER_REPORT, type AgentConfig, type SampleIn } from "@/core/agent/contract";
import type { Clock } from "./clock";
import { collectSample, type CollectorOptions } from "./collect/sample";
import type { Log } from "./log";
import type { AgentMetrics } from "./metrics";
import type { PortalClient } from "./portal-client";
import type { Spool } from "./spool";
import type { AgentStatus, StateDir } from "./state";
import { StopAgent, type PeriodicTask } from "./tasks";

export const SAMPLE_EVERY_MS = 10_000;
export const REPORT_EVERY_MS = 30_000;
export const CONFIG_EVERY_MS = 60_000;

export interface AgentDeps {
  clock: Clock;
  log: Log;
  portal: PortalClient;
  spool: Spool;
  state: StateDir;
  collector: CollectorOptions;
  metrics?: AgentMetrics;
  /** How often to report; every 30 s unless the demo asks for its readings sooner. */
  reportEveryMs?: number;
  /** Collects a sample; the real collector by default, replaceable in tests. */
  collect?: (seq: number, at: Date) => Promise<SampleIn>;
  /** Sees each sample as it is taken (enforcement's unbooked-use check), with the system processes to leave alone. */
  onSample?: (sample: SampleIn, systemProcesses: readonly string[]) => Promise<void>;
}

/**
 * The agent's periodic work as tasks for `runTasks`: sample every 10 s into the spool, report
 * every 30 s (all that is spooled, oldest first, in batches), and refresh the config with an
 * ETag. Enforcement will add its tasks beside these.
 */
export async function createAgentTasks(deps: AgentDeps): Promise<{ tasks: PeriodicTask[]; status: () => AgentStatus }> {
  const status = await deps.state.readStatus();
  // Sequence numbers never go back, even if the status file was lost: the spool remembers the last one.
  status.nextSeq = Math.max(status.nextSeq, deps.spool.lastSeq + 1);
  let config: AgentConfig = { machineName: "", systemProcesses: DEFAULT_SYSTEM_PROCESSES, holders: {} };
  let configEtag: string | undefined;
  const collect = deps.collect ?? ((seq: number, at: Date) => collectSample(deps.collector, seq, at));
  const save = () => deps.state.writeStatus({ ...status, spooled: deps.spool.size });

  const sample: PeriodicTask = {
    name: "sample",
    everyMs: SAMPLE_EVERY_MS,
    async run(now) {
      const taken = await collect(status.nextSeq, now);
      status.nextSeq += 1;
      status.faults = taken.faults;
      status.gpusSeen = taken.gpus.map(({ index, uuid, name }) => ({ index, uuid, name }));
      await deps.spool.add(taken);
      const dropped = await deps.spool.trim(now);
      if (dropped) deps.log("warn", "the spool is full; the oldest samples were given up", { dropped });
      deps.metrics?.update(taken, config.holders, deps.spool.size);
      await deps.onSample?.(taken, config.systemProcesses);
      await save();
    },
  };

  const report: PeriodicTask = {
    name: "report",
    everyMs: deps.reportEveryMs ?? REPORT_EVERY_MS,
    async run(now) {
      while (deps.spool.size > 0) {
        const batch = deps.spool.batch(MAX_SAMPLES_PER_REPORT);
        // Stamped when sent (not when the tick began), so the portal reads the clock skew, not the time the sample took.
        const outcome = await deps.portal.sendTelemetry(batch, deps.clock.now());
        if (outcome.kind === "unauthorized") {
          status.lastError = `the portal refused this machine's credential (${outcome.message}); enroll again with a new code`;
          status.portalReachable = true;
          await save();
          throw new StopAgent(status.lastError);
        }
        if (outcome.kind === "unavailable") {
          status.portalReachable = false;
          status.lastError = outcome.message;
          deps.log("warn", "report failed; samples stay in the spool", { reason: outcome.message, spooled: deps.spool.size });
          break;
        }
        if (outcome.kind === "refused") {
          // A batch the portal will never take (a bug on one side) must not block every later one.
          deps.log("error", "the portal refused a batch; it is dropped", { status: outcome.status, reason: outcome.message, firstSeq: batch[0]!.seq });
          status.lastError = outcome.message;
        } else if (outcome.kind === "ok" && outcome.value.mismatches.length) {
          deps.log("warn", "GPUs that do not match the portal's inventory", { mismatches: outcome.value.mismatches });
        }
        // ok, not-modified (nothing new for the portal) and refused all acknowledge the batch.
        await deps.spool.acknowledge(batch.at(-1)!.seq);
        status.portalReachable = true;
        status.lastReportAt = now.toISOString();
        if (outcome.kind !== "refused") status.lastError = null;
      }
      await save();
    },
  };

  const refreshConfig: PeriodicTask = {
    name: "config",
    everyMs: CONFIG_EVERY_MS,
    async run() {
      const outcome = await deps.portal.config(configEtag);
      if (outcome.kind === "ok") {
        config = outcome.value;
        configEtag = outcome.etag;
      } else if (outcome.kind === "unauthorized") {
        throw new StopAgent(`the portal refused this machine's credential (${outcome.message}); enroll again with a new code`);
      }
    },
  };

  return { tasks: [sample, report, refreshConfig], status: () => ({ ...status, spooled: deps.spool.size }) };
}
