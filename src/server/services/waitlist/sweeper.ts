import { transaction, read } from "@/server/db/tx";
import { findWaitingEntries, lockAllTeams } from "@/server/db/waitlist";
import { log } from "@/server/log";
import { placeWaiting } from "./pass";

/**
 * Slices end by the clock, with no transaction to hook: this pass places from the waitlist
 * after them. Releases, cancellations, refused extensions and machines back in service place
 * in their own transaction; this only catches natural ends, so a minute's delay is fine.
 */
export async function sweepWaitlist(now: Date) {
  const waiting = await read((client) => findWaitingEntries(client));
  if (waiting.length === 0) return { placed: [], unmeetable: [] };
  return transaction(async (tx) => {
    await lockAllTeams(tx);
    return placeWaiting(tx, now, "a slice ended");
  });
}

const SWEEP_INTERVAL_MS = 60_000;

/** Runs sweepWaitlist every minute in this process (the portal's server); returns a stop function. */
export function startWaitlistSweeper(): () => void {
  const timer = setInterval(() => {
    sweepWaitlist(new Date()).catch((error: unknown) => log.warn({ err: error instanceof Error ? error.message : String(error) }, "waitlist sweep failed; it runs again in a minute"));
  }, SWEEP_INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
