import { transaction, read } from "@/server/db/tx";
import { findWaitingEntries, lockAllTeams } from "@/server/db/waitlist";
import { runEveryMinute } from "../every-minute";
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

/** Runs sweepWaitlist every minute. */
export function startWaitlistSweeper(): () => void {
  return runEveryMinute(sweepWaitlist, "waitlist sweep failed");
}
