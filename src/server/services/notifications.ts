import { countUnread, findNotificationsOf, markNotificationsRead } from "@/server/db/notifications";
import { read, transaction } from "@/server/db/tx";
import type { Actor } from "./actor";

export function listMyNotifications(actor: Actor, input: { limit: number; unreadOnly?: boolean }) {
  return read((client) => findNotificationsOf(client, actor.id, { take: input.limit, unreadOnly: input.unreadOnly }));
}

export function unreadNotificationCount(actor: Actor) {
  return read((client) => countUnread(client, actor.id));
}

/** Marking read changes only the reader's own view, so it is not audited. */
export async function markMyNotificationsRead(actor: Actor, input: { ids?: string[] }, now: Date) {
  return transaction(async (tx) => ({ marked: (await markNotificationsRead(tx, actor.id, input.ids ?? "all", now)).count }));
}
