import { log } from "@/server/log";

/**
 * Runs `pass` every minute in this process (the portal's server) for work that follows the
 * clock; returns a stop function. A failed pass is logged and simply runs again a minute later.
 */
export function runEveryMinute(pass: (now: Date) => Promise<unknown>, failure: string): () => void {
  const timer = setInterval(() => {
    pass(new Date()).catch((error: unknown) => log.warn({ err: error instanceof Error ? error.message : String(error) }, `${failure}; it runs again in a minute`));
  }, 60_000);
  timer.unref();
  return () => clearInterval(timer);
}
