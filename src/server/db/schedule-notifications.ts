import pg from "pg";

/** The channel the schedule triggers (migration 20261207130000) NOTIFY with a machine id. */
export const SCHEDULE_CHANNEL = "rigshare_schedule";

export interface ScheduleSubscription {
  /** "changed" at once if a change came since the last call, else when one comes; "timeout" after `ms` or when `signal` aborts. */
  next(ms: number, signal?: AbortSignal): Promise<"changed" | "timeout">;
  close(): void;
}

export interface ScheduleListener {
  /** Subscribe before reading the schedule, so a change committed in between is not missed. */
  subscribe(machineId: string): Promise<ScheduleSubscription>;
  close(): Promise<void>;
}

/**
 * One LISTEN connection per portal process, shared by every agent's long-poll: a NOTIFY for a
 * machine wakes the requests waiting on it. A lost connection is opened again on the next wait;
 * while it is down the waits simply run to their timeout (the agent then asks again).
 */
export function createScheduleListener(connectionString: string, onError: (err: unknown) => void = () => {}): ScheduleListener {
  const subscribers = new Map<string, Set<() => void>>();
  let client: pg.Client | null = null;
  let connecting: Promise<void> | null = null;
  let closed = false;

  const touchAll = () => {
    for (const set of subscribers.values()) for (const touch of set) touch();
  };

  function connect(): Promise<void> {
    if (client || closed) return Promise.resolve();
    connecting ??= (async () => {
      const next = new pg.Client({ connectionString });
      next.on("notification", (message) => {
        if (message.channel !== SCHEDULE_CHANNEL || !message.payload) return;
        for (const touch of subscribers.get(message.payload) ?? []) touch();
      });
      next.on("error", (err) => {
        onError(err);
        if (client === next) client = null;
        // Changes could be missed while nobody listens: let every long-poll read the schedule again.
        touchAll();
        void next.end().catch(() => {});
      });
      try {
        await next.connect();
        await next.query(`LISTEN ${SCHEDULE_CHANNEL}`);
        client = next;
      } catch (err) {
        onError(err);
        await next.end().catch(() => {});
      } finally {
        connecting = null;
      }
    })();
    return connecting;
  }

  return {
    async subscribe(machineId) {
      await connect();
      let pending = false;
      let wake: (() => void) | null = null;
      const touch = () => {
        pending = true;
        wake?.();
      };
      const set = subscribers.get(machineId) ?? new Set();
      subscribers.set(machineId, set);
      set.add(touch);
      return {
        next(ms, signal) {
          return new Promise((resolve) => {
            const finish = (outcome: "changed" | "timeout") => {
              clearTimeout(timer);
              signal?.removeEventListener("abort", aborted);
              wake = null;
              if (outcome === "changed") pending = false;
              resolve(outcome);
            };
            const aborted = () => finish("timeout");
            const timer = setTimeout(aborted, ms);
            if (pending || closed) return finish(pending ? "changed" : "timeout");
            if (signal?.aborted) return aborted();
            signal?.addEventListener("abort", aborted, { once: true });
            wake = () => finish("changed");
          });
        },
        close() {
          set.delete(touch);
          if (set.size === 0) subscribers.delete(machineId);
          wake = null;
        },
      };
    },
    async close() {
      closed = true;
      touchAll();
      await connecting;
      await client?.end().catch(() => {});
      client = null;
    },
  };
}

// One per process (and per dev-server reload), like the Prisma client.
const globalForListener = globalThis as { rigshareScheduleListener?: ScheduleListener };

/** The process-wide listener on DATABASE_URL, created on first use. */
export function scheduleListener(onError?: (err: unknown) => void): ScheduleListener {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set.");
  globalForListener.rigshareScheduleListener ??= createScheduleListener(url, onError);
  return globalForListener.rigshareScheduleListener;
}
