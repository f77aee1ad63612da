import type { Clock } from "./clock";
import type { Log } from "./log";

/**
 * The agent's run loop is a list of periodic tasks (collect, report, fetch the config; later:
 * apply the desired state, long-poll the schedule), each with its own period, run one at a time
 * in order of when they are due. A task that throws is logged and tried again at its next turn;
 * a task that throws `StopAgent` ends the loop.
 */
export interface PeriodicTask {
  name: string;
  everyMs: number;
  run(now: Date): Promise<void>;
}

export class StopAgent extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StopAgent";
  }
}

export async function runTasks(tasks: readonly PeriodicTask[], clock: Clock, log: Log, options: { signal?: AbortSignal; once?: boolean } = {}): Promise<void> {
  const due = new Map(tasks.map((task) => [task, clock.now().getTime()]));
  for (;;) {
    if (options.signal?.aborted) return;
    const now = clock.now();
    for (const task of tasks) {
      if (due.get(task)! > now.getTime()) continue;
      try {
        await task.run(now);
      } catch (error) {
        if (error instanceof StopAgent) throw error;
        log("error", `${task.name} failed`, { error: error instanceof Error ? error.message : String(error) });
      }
      // The next turn is one period after this one was due, so the cadence does not drift.
      due.set(task, Math.max(due.get(task)! + task.everyMs, now.getTime() + 1));
    }
    if (options.once) return;
    const next = Math.min(...due.values());
    await clock.sleep(Math.max(0, next - clock.now().getTime()), options.signal);
  }
}
