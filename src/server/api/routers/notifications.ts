import { z } from "zod";
import { CHANNELS, EVENT_KIND_NAMES } from "@/core/notifications/kinds";
import { listMyNotifications, markMyNotificationsRead, unreadNotificationCount } from "@/server/services/notifications";
import { getNotificationSettings, regenerateCalendarFeed, saveMyWebhook, savePreferences } from "@/server/services/notification-settings";
import { id } from "@/contracts/shared";
import { byActor } from "../by-actor";
import { permitted, router } from "../trpc";

export const webhookFormat = z.enum(["slack", "json"], { message: "must be slack or json" });
export const webhookUrl = z.string().trim().min(1, "is required").max(2000, "must be at most 2000 characters");

/** A person's own notifications (the bell) and how they want to be told. */
export const notificationsRouter = router({
  list: permitted("profile:read")
    .input(z.object({ limit: z.number().int().min(1).max(200).default(50), unreadOnly: z.boolean().optional() }))
    .query(byActor(listMyNotifications)),
  unreadCount: permitted("profile:read").query(({ ctx }) => unreadNotificationCount(ctx.actor)),
  markRead: permitted("profile:read")
    .input(z.object({ ids: z.array(id).max(200).optional() }))
    .mutation(byActor(markMyNotificationsRead)),
  settings: permitted("profile:read").query(({ ctx }) => getNotificationSettings(ctx.actor)),
  savePreferences: permitted("profile:read")
    .input(z.object({ preferences: z.array(z.object({ kind: z.enum(EVENT_KIND_NAMES), channels: z.array(z.enum(CHANNELS)).max(CHANNELS.length) })).max(EVENT_KIND_NAMES.length) }))
    .mutation(byActor(savePreferences)),
  saveWebhook: permitted("profile:read")
    .input(z.object({ url: webhookUrl.nullable(), format: webhookFormat }))
    .mutation(byActor(saveMyWebhook)),
  regenerateCalendar: permitted("profile:read")
    .input(z.object({ scope: z.union([z.literal("mine"), id]) }))
    .mutation(byActor(regenerateCalendarFeed)),
});
