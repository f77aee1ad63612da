import { randomBytes } from "node:crypto";
import { AppError, notFound } from "@/core/errors";
import { channelsFor, EVENT_KIND_NAMES, EVENT_KINDS, type Channel, type EventKind } from "@/core/notifications/kinds";
import { isPrivateHostName, parseWebhookUrl } from "@/core/notifications/webhook-address";
import { recordAudit } from "@/server/db/audit";
import {
  deletePersonalWebhook,
  deleteTeamWebhookRow,
  findCalendarFeedsOf,
  findPersonalWebhook,
  findPreferences,
  findTeamWebhookById,
  findTeamWebhooks,
  insertTeamWebhook,
  replaceCalendarFeed,
  replacePreferences,
  upsertPersonalWebhook,
} from "@/server/db/notifications";
import { findTeamById } from "@/server/db/teams";
import { findMachineName } from "@/server/db/telemetry-views";
import { read, transaction } from "@/server/db/tx";
import { env } from "@/server/env";
import type { Actor } from "./actor";

export type WebhookFormat = "slack" | "json";

const newSecret = () => `whsec_${randomBytes(24).toString("base64url")}`;
const newFeedToken = () => randomBytes(24).toString("base64url");
export const feedUrl = (token: string) => new URL(`/api/calendar/${token}.ics`, env().AUTH_URL).href;

/** Refuses a URL that is malformed or (unless an admin allowed it) points inside the network, naming the field. */
export function checkWebhookUrl(raw: string, field: string): string {
  const parsed = parseWebhookUrl(raw);
  if (!parsed.ok) throw new AppError("VALIDATION", `${field}: ${parsed.message}.`, { field });
  if (env().WEBHOOKS_ALLOW_PRIVATE !== "1" && isPrivateHostName(parsed.url.hostname)) {
    throw new AppError("VALIDATION", `${field}: must not point to a loopback or private address (an admin can allow that with WEBHOOKS_ALLOW_PRIVATE=1).`, { field });
  }
  return parsed.url.href;
}

/** The kinds a person can be sent: admin and leadership kinds only to those roles. */
function kindsFor(actor: Actor): EventKind[] {
  return EVENT_KIND_NAMES.filter((kind) => {
    const audience = EVENT_KINDS[kind].audience;
    if (audience === "admins") return actor.roles.includes("admin");
    if (audience === "leadership") return actor.roles.includes("leadership");
    return true;
  });
}

export async function getNotificationSettings(actor: Actor) {
  return read(async (client) => {
    const [stored, webhook, feeds] = await Promise.all([findPreferences(client, actor.id), findPersonalWebhook(client, actor.id), findCalendarFeedsOf(client, actor.id)]);
    const mine = feeds.find((f) => f.scope === "mine");
    return {
      email: actor.email,
      emailEnabled: Boolean(env().SMTP_URL),
      kinds: kindsFor(actor).map((kind) => ({ kind, label: EVENT_KINDS[kind].label, channels: channelsFor(kind, stored.find((p) => p.kind === kind)?.channels) })),
      webhook: webhook && { url: webhook.url, format: webhook.format as WebhookFormat, secret: webhook.secret },
      calendarUrl: mine ? feedUrl(mine.token) : null,
      machineFeeds: feeds.filter((f) => f.scope !== "mine").map((f) => ({ machineId: f.scope, url: feedUrl(f.token) })),
    };
  });
}

export async function savePreferences(actor: Actor, input: { preferences: { kind: string; channels: Channel[] }[] }) {
  const allowed = kindsFor(actor);
  for (const [i, p] of input.preferences.entries()) {
    if (!allowed.includes(p.kind as EventKind)) throw new AppError("VALIDATION", `preferences.${i}.kind: "${p.kind}" is not a kind of message you can get.`, { field: `preferences.${i}.kind` });
  }
  return transaction(async (tx) => {
    const rows = input.preferences.map((p) => ({ kind: p.kind, channels: [...new Set(p.channels)] }));
    await replacePreferences(tx, actor.id, rows);
    await recordAudit(tx, { actorId: actor.id, action: "notifications.preferences", subjectType: "user", subjectId: actor.id, after: rows });
    return { saved: rows.length };
  });
}

export async function saveMyWebhook(actor: Actor, input: { url: string | null; format: WebhookFormat }) {
  const url = input.url === null ? null : checkWebhookUrl(input.url, "url");
  return transaction(async (tx) => {
    const before = await findPersonalWebhook(tx, actor.id);
    if (url === null) {
      await deletePersonalWebhook(tx, actor.id);
      await recordAudit(tx, { actorId: actor.id, action: "notifications.webhook-remove", subjectType: "user", subjectId: actor.id, before: before && { url: before.url } });
      return null;
    }
    const saved = await upsertPersonalWebhook(tx, actor.id, { url, format: input.format, secret: before?.secret ?? newSecret() });
    await recordAudit(tx, { actorId: actor.id, action: "notifications.webhook-save", subjectType: "user", subjectId: actor.id, before: before && { url: before.url, format: before.format }, after: { url, format: input.format } });
    return { url: saved.url, format: saved.format as WebhookFormat, secret: saved.secret };
  });
}

/** A new secret URL for a calendar feed; the old one stops working at once. */
export async function regenerateCalendarFeed(actor: Actor, input: { scope: string }) {
  return transaction(async (tx) => {
    if (input.scope !== "mine" && !(await findMachineName(tx, input.scope))) throw notFound("Machine", "scope");
    const feed = await replaceCalendarFeed(tx, actor.id, input.scope, newFeedToken());
    await recordAudit(tx, { actorId: actor.id, action: "calendar.regenerate", subjectType: "user", subjectId: actor.id, after: { scope: input.scope } });
    return { scope: feed.scope, url: feedUrl(feed.token) };
  });
}

export async function listTeamWebhooks() {
  const rows = await read(findTeamWebhooks);
  return rows.map((w) => ({ id: w.id, teamId: w.teamId, teamName: w.team.name, url: w.url, format: w.format as WebhookFormat, secret: w.secret, kinds: w.kinds, createdAt: w.createdAt }));
}

export async function createTeamWebhook(actor: Actor, input: { teamId: string; url: string; format: WebhookFormat; kinds: EventKind[] }) {
  const url = checkWebhookUrl(input.url, "url");
  return transaction(async (tx) => {
    if (!(await findTeamById(tx, input.teamId))) throw notFound("Team", "teamId");
    const row = await insertTeamWebhook(tx, { teamId: input.teamId, url, format: input.format, secret: newSecret(), kinds: [...new Set(input.kinds)] });
    await recordAudit(tx, { actorId: actor.id, action: "team.webhook-create", subjectType: "team", subjectId: input.teamId, after: { url, format: input.format, kinds: row.kinds } });
    return { id: row.id, teamName: row.team.name, secret: row.secret };
  });
}

export async function deleteTeamWebhook(actor: Actor, input: { webhookId: string }) {
  return transaction(async (tx) => {
    const row = await findTeamWebhookById(tx, input.webhookId);
    if (!row) throw notFound("Team webhook", "webhookId");
    await deleteTeamWebhookRow(tx, row.id);
    await recordAudit(tx, { actorId: actor.id, action: "team.webhook-delete", subjectType: "team", subjectId: row.teamId, before: { url: row.url, kinds: row.kinds } });
    return { id: row.id };
  });
}
