import { startEmbeddedPostgres, type DbLogger, type EmbeddedPostgresHandle, type EmbeddedPostgresOptions } from "./embedded";

export interface SupervisorOptions {
  /** How often the server's process is looked at. */
  checkEveryMs?: number;
  /** The first wait before a restart; it doubles after each failed try, up to `maxBackoffMs`. */
  firstBackoffMs?: number;
  maxBackoffMs?: number;
}

export interface SupervisedPostgres {
  url: string;
  /** Stops watching, then the server. */
  stop(): Promise<void>;
}

/**
 * Keeps the embedded PostgreSQL running for as long as the portal runs: when its process dies
 * (a crash, the OOM killer, `kill -9`), it is started again on the same data directory and port
 * with the same password, so the portal's connection string stays valid and it recovers by
 * itself. Tries back off (1 s, 2 s, 4 s … 30 s): right after a crash the old server's backends may
 * still hold its shared memory, and a data directory that cannot start must not spin the CPU.
 * Every death, try and recovery is logged.
 */
export function superviseEmbeddedPostgres(first: EmbeddedPostgresHandle, options: EmbeddedPostgresOptions & { log: DbLogger & { error(message: string): void } }, supervisor: SupervisorOptions = {}): SupervisedPostgres {
  const { checkEveryMs = 1_000, firstBackoffMs = 1_000, maxBackoffMs = 30_000 } = supervisor;
  const log = options.log;
  let current = first;
  let stopped = false;
  let wake = () => {};
  // Waits that stop() cuts short, so stopping never waits out a 30 s backoff.
  const sleep = (ms: number) =>
    new Promise<void>((done) => {
      const timer = setTimeout(done, ms);
      wake = () => {
        clearTimeout(timer);
        done();
      };
    });

  const watch = async () => {
    while (!stopped) {
      await sleep(checkEveryMs);
      if (stopped || current.alive()) continue;
      log.warn(`embedded PostgreSQL on port ${first.port} died; restarting it`);
      for (let attempt = 1, wait = firstBackoffMs; !stopped; attempt++, wait = Math.min(wait * 2, maxBackoffMs)) {
        await sleep(wait);
        if (stopped) return;
        try {
          current = await startEmbeddedPostgres({ ...options, port: first.port });
          log.info(`embedded PostgreSQL restarted on port ${first.port} (try ${attempt})`);
          break;
        } catch (error) {
          log.error(`embedded PostgreSQL did not restart (try ${attempt}; next in ${Math.min(wait * 2, maxBackoffMs) / 1000} s): ${(error as Error).message}`);
        }
      }
    }
  };
  const watching = watch();

  return {
    url: first.url,
    async stop() {
      stopped = true;
      wake();
      await watching;
      await current.stop();
    },
  };
}
