import { describeEvent, eventKey, type NotificationEvent } from "@/core/notifications/events";
import { channelsFor, EVENT_KINDS, type Audience } from "@/core/notifications/kinds";
import { renderEmail, renderJson, renderSlack, WHY, type Addressing } from "@/core/notifications/render";
import { findEventAudience } from "@/server/db/notification-audience";
import { insertDeliveries, insertNotifications, type DeliveryInsert, type NotificationInsert, type RecipientRow, type StoredJson } from "@/server/db/notifications";
import type { Db } from "@/server/db/tx";
import { env } from "@/server/env";
import { enqueue, QUEUES } from "@/server/jobs/queue";

export interface NotifyConfig {
  baseUrl: string;
  /** Without an SMTP server there is nowhere to send e-mail: that channel is skipped. */
  emailEnabled: boolean;
}

export function notifyConfig(): NotifyConfig {
  const e = env();
  return { baseUrl: e.AUTH_URL, emailEnabled: Boolean(e.SMTP_URL) };
}

const PROFILE_SETTINGS = "/profile/notifications";

/** The people an event is for, each with the reason they get it, and the team's webhooks for it. */
async function audienceOf(tx: Db, event: NotificationEvent, audience: Audience) {
  const holderId = "slice" in event ? event.slice.holderId : "userId" in event ? event.userId : null;
  const toHolder = (audience === "holder" || audience === "holder-and-admins") && holderId ? holderId : null;
  const role = audience === "admins" || audience === "holder-and-admins" ? "admin" : audience === "leadership" ? "leadership" : null;
  const found = await findEventAudience(tx, { holderId: toHolder, role, teamId: "slice" in event ? event.slice.teamId : null, kind: event.kind });
  const byId = new Map<string, { user: RecipientRow; why: string }>();
  const add = (users: RecipientRow[], why: string) => users.forEach((user) => byId.has(user.id) || byId.set(user.id, { user, why }));
  if (found.holder) add([found.holder], WHY.holder);
  if (role) add(found.withRole, role === "admin" ? WHY.admins : WHY.leadership);
  return { recipients: [...byId.values()], teamWebhooks: found.teamWebhooks };
}

/**
 * Tells everyone an event concerns, inside the caller's transaction: in-app notifications, and
 * e-mail and webhook deliveries queued with their jobs. A rollback of the caller sends nothing;
 * the same event notified twice (a retried job) is stored and sent once, by its keys. This is
 * the one entry point for every event, including those the machine agent's services raise.
 */
export async function notify(tx: Db, event: NotificationEvent, now: Date, config: NotifyConfig = notifyConfig()): Promise<void> {
  const info = EVENT_KINDS[event.kind];
  const described = describeEvent(event);
  const key = eventKey(event);
  const notifications: NotificationInsert[] = [];
  const deliveries: DeliveryInsert[] = [];
  const address = (why: string, settingsPath = PROFILE_SETTINGS): Addressing => ({ baseUrl: config.baseUrl, why, settingsPath });
  const webhookDelivery = (deliveryKey: string, hook: { url: string; format: string; secret: string }, a: Addressing): DeliveryInsert => ({
    key: deliveryKey,
    kind: event.kind,
    channel: "webhook",
    target: hook.url,
    format: hook.format,
    secret: hook.secret,
    subject: described.title,
    text: described.lines.join("\n"),
    payload: (hook.format === "slack" ? renderSlack(described, a) : renderJson(described, a, { deliveryKey, occurredAt: now.getTime(), data: event })) as StoredJson,
  });

  const { recipients, teamWebhooks } = await audienceOf(tx, event, info.audience);
  for (const { user, why } of recipients) {
    const stored = user.notificationPreferences.find((p) => p.kind === event.kind)?.channels;
    for (const channel of channelsFor(event.kind, stored)) {
      const deliveryKey = `${key}:${user.id}:${channel}`;
      if (channel === "in_app") {
        notifications.push({ key: deliveryKey, userId: user.id, kind: event.kind, title: described.title, body: described.lines.join("\n"), link: described.path });
      } else if (channel === "email" && config.emailEnabled) {
        deliveries.push({ key: deliveryKey, kind: event.kind, channel, target: user.email, ...renderEmail(described, address(why)) });
      } else if (channel === "webhook" && user.personalWebhook) {
        deliveries.push(webhookDelivery(deliveryKey, user.personalWebhook, address(why)));
      }
    }
  }
  for (const hook of teamWebhooks) {
    deliveries.push(webhookDelivery(`${key}:team-webhook:${hook.id}`, hook, address(WHY.team(hook.team.name), "/admin/webhooks")));
  }
  await insertNotifications(tx, notifications);
  const inserted = await insertDeliveries(tx, deliveries);
  await enqueue(tx, inserted.map((d) => ({ id: d.id, name: QUEUES.deliver.name, data: { deliveryId: d.id } })));
}
