import ical, { ICalEventStatus } from "ical-generator";
import { findCalendarSlices } from "@/server/db/calendar";
import { findCalendarFeed } from "@/server/db/notifications";
import { findMachineName } from "@/server/db/telemetry-views";
import { read } from "@/server/db/tx";
import { env } from "@/server/env";

const HISTORY_MS = 90 * 86_400_000;
// SEQUENCE must grow with each change of an event; seconds since this instant do, and fit 32 bits for decades.
const SEQUENCE_EPOCH = Date.UTC(2026, 0, 1);

/**
 * The iCalendar text of a secret feed, or null for an unknown token or a deactivated owner. Each
 * slice keeps its UID for life, so an extension or release updates the event (a higher
 * SEQUENCE) and a cancellation marks it CANCELLED instead of leaving a stale copy.
 */
export async function calendarFeed(token: string, now: Date): Promise<string | null> {
  return read(async (client) => {
    const feed = await findCalendarFeed(client, token);
    if (!feed || !feed.user.active) return null;
    const since = new Date(now.getTime() - HISTORY_MS);
    const mine = feed.scope === "mine";
    const slices = await findCalendarSlices(client, mine ? { requesterId: feed.userId } : { machineId: feed.scope }, since);
    const machineName = mine ? null : ((await findMachineName(client, feed.scope))?.name ?? "a machine");
    const base = env().AUTH_URL;
    const calendar = ical({ name: mine ? `Rigshare: ${feed.user.name}'s slices` : `Rigshare: ${machineName}`, prodId: { company: "Rigshare", product: "rigshare", language: "EN" }, ttl: 15 * 60 });
    for (const s of slices) {
      calendar.createEvent({
        id: `slice-${s.id}@rigshare`,
        start: s.startAt,
        end: s.releasedAt && s.releasedAt < s.endAt ? s.releasedAt : s.endAt,
        summary: mine ? `${s.gpuCount} GPU${s.gpuCount === 1 ? "" : "s"} on ${s.machine.name}` : `${s.requester.name}: ${s.gpuCount} GPU${s.gpuCount === 1 ? "" : "s"}`,
        description: s.purpose,
        status: s.status === "cancelled" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
        sequence: Math.max(0, Math.floor((s.updatedAt.getTime() - SEQUENCE_EPOCH) / 1000)),
        stamp: s.updatedAt,
        lastModified: s.updatedAt,
        url: new URL("/slices", base).href,
      });
    }
    return calendar.toString();
  });
}
