import { queryRows } from "./direct";
import { Prisma } from "./generated/client";
import type { Db } from "./tx";

/** A person a notification may reach, with how they want to be reached (notification-audience.ts reads them). */
export interface RecipientRow {
  id: string;
  email: string;
  name: string;
  notificationPreferences: { kind: string; channels: string[] }[];
  personalWebhook: { url: string; format: string; secret: string } | null;
}

// An event's notifications and deliveries are written as one statement each (one row per
// recipient from arrays), on the decisions' path: Prisma's createMany compiles its query anew
// for every call. A key already there is skipped (the key is the idempotency key). Their time is
// the insert's, as Prisma's default gave it, not the transaction's start.

export async function insertNotifications(tx: Db, rows: NotificationInsert[]) {
  if (rows.length === 0) return;
  const column = <K extends keyof NotificationInsert>(key: K) => rows.map((row) => row[key]);
  await queryRows(tx, Prisma.sql`
    INSERT INTO notification (id, created_at, key, user_id, kind, title, body, link)
    SELECT gen_random_uuid(), clock_timestamp(), * FROM unnest(${column("key")}::text[], ${column("userId")}::uuid[], ${column("kind")}::text[], ${column("title")}::text[], ${column("body")}::text[], ${column("link")}::text[])
    ON CONFLICT DO NOTHING`);
}

/** Inserts the deliveries not already there (by idempotency key) and returns those inserted. */
export function insertDeliveries(tx: Db, rows: DeliveryInsert[]): Promise<{ id: string }[]> {
  if (rows.length === 0) return Promise.resolve([]);
  const column = <K extends keyof DeliveryInsert>(key: K) => rows.map((row) => row[key] ?? null);
  const payloads = rows.map((row) => (row.payload === undefined ? null : JSON.stringify(row.payload)));
  return queryRows<{ id: string }>(tx, Prisma.sql`
    INSERT INTO delivery (id, created_at, key, kind, channel, target, format, secret, subject, text, html, payload)
    SELECT gen_random_uuid(), clock_timestamp(), key, kind, channel, target, format, secret, subject, text, html, payload::jsonb
    FROM unnest(${column("key")}::text[], ${column("kind")}::text[], ${column("channel")}::text[], ${column("target")}::text[], ${column("format")}::text[],
                ${column("secret")}::text[], ${column("subject")}::text[], ${column("text")}::text[], ${column("html")}::text[], ${payloads}::text[])
           AS d(key, kind, channel, target, format, secret, subject, text, html, payload)
    ON CONFLICT DO NOTHING
    RETURNING id`);
}

/**
 * Takes a delivery for sending: only one that is not sent yet, counting the attempt. A delivery
 * found "sending" was interrupted mid-send (a crash); it is sent again with the same key, which
 * the receiver sees as the Message-ID or X-Rigshare-Delivery header to drop a duplicate.
 */
export async function claimDelivery(client: Db, id: string) {
  const rows = await client.delivery.updateManyAndReturn({
    where: { id, status: { in: ["queued", "sending", "failed"] } },
    data: { status: "sending", attempts: { increment: 1 } },
  });
  return rows[0] ?? null;
}

export function markDeliverySent(client: Db, id: string, at: Date) {
  return client.delivery.update({ where: { id }, data: { status: "sent", sentAt: at, lastError: null }, select: { id: true } });
}

export function markDeliveryFailed(client: Db, id: string, error: string, final: boolean) {
  return client.delivery.update({ where: { id }, data: { status: final ? "failed" : "queued", lastError: error.slice(0, 1000) }, select: { id: true } });
}

export function findNotificationsOf(client: Db, userId: string, options: { take: number; unreadOnly?: boolean }) {
  return client.notification.findMany({
    where: { userId, ...(options.unreadOnly ? { readAt: null } : {}) },
    orderBy: { createdAt: "desc" },
    take: options.take,
    omit: { key: true },
  });
}

export function countUnread(client: Db, userId: string) {
  return client.notification.count({ where: { userId, readAt: null } });
}

export function markNotificationsRead(tx: Db, userId: string, ids: string[] | "all", at: Date) {
  return tx.notification.updateMany({ where: { userId, readAt: null, ...(ids === "all" ? {} : { id: { in: ids } }) }, data: { readAt: at } });
}

export function findPreferences(client: Db, userId: string) {
  return client.notificationPreference.findMany({ where: { userId } });
}

export async function replacePreferences(tx: Db, userId: string, rows: { kind: string; channels: string[] }[]) {
  await tx.notificationPreference.deleteMany({ where: { userId } });
  await tx.notificationPreference.createMany({ data: rows.map((r) => ({ userId, ...r })) });
}

export function findPersonalWebhook(client: Db, userId: string) {
  return client.personalWebhook.findUnique({ where: { userId } });
}

export function upsertPersonalWebhook(tx: Db, userId: string, data: { url: string; format: string; secret: string }) {
  return tx.personalWebhook.upsert({ where: { userId }, create: { userId, ...data }, update: data });
}

export function deletePersonalWebhook(tx: Db, userId: string) {
  return tx.personalWebhook.deleteMany({ where: { userId } });
}

export function findTeamWebhooks(client: Db) {
  return client.teamWebhook.findMany({ include: { team: { select: { name: true } } }, orderBy: [{ team: { name: "asc" } }, { createdAt: "asc" }] });
}

export function insertTeamWebhook(tx: Db, data: { teamId: string; url: string; format: string; secret: string; kinds: string[] }) {
  return tx.teamWebhook.create({ data, include: { team: { select: { name: true } } } });
}

export function deleteTeamWebhookRow(tx: Db, id: string) {
  return tx.teamWebhook.delete({ where: { id } });
}

export function findTeamWebhookById(client: Db, id: string) {
  return client.teamWebhook.findUnique({ where: { id } });
}

export function findCalendarFeed(client: Db, token: string) {
  return client.calendarFeed.findUnique({ where: { token }, include: { user: { select: { id: true, name: true, active: true } } } });
}

export function findCalendarFeedsOf(client: Db, userId: string) {
  return client.calendarFeed.findMany({ where: { userId } });
}

export async function replaceCalendarFeed(tx: Db, userId: string, scope: string, token: string) {
  await tx.calendarFeed.deleteMany({ where: { userId, scope } });
  return tx.calendarFeed.create({ data: { userId, scope, token } });
}

export function insertCaughtMail(client: Db, data: Prisma.CaughtMailCreateInput) {
  return client.caughtMail.create({ data, select: { id: true } });
}

export function findCaughtMail(client: Db, take: number) {
  return client.caughtMail.findMany({ orderBy: { id: "desc" }, take });
}

export type NotificationInsert = Pick<Prisma.NotificationCreateManyInput, "key" | "userId" | "kind" | "title" | "body" | "link">;
export type DeliveryInsert = Pick<Prisma.DeliveryCreateManyInput, "key" | "kind" | "channel" | "target" | "format" | "secret" | "subject" | "text" | "html" | "payload">;
export type StoredJson = Prisma.InputJsonValue;
