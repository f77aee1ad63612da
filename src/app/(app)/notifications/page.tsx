import type { Metadata } from "next";
import { Bell } from "lucide-react";
import { NotAllowed } from "@/components/shell/not-allowed";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/states";
import { api } from "@/trpc/server";
import { allowedTo } from "../guard";
import { MarkAllRead, NotificationList } from "./notification-list";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage() {
  const access = await allowedTo("profile:read");
  if (!access.allowed) return <NotAllowed action={access.needed} />;
  const trpc = await api();
  const items = await trpc.notifications.list({ limit: 100 });
  const unread = items.filter((n) => !n.readAt).length;
  return (
    <>
      <PageHeader
        title="Notifications"
        description="What happened to your requests and slices, and what waits for you. Choose what reaches you by e-mail or chat on the notification settings."
        actions={
          <>
            {unread > 0 && <MarkAllRead />}
            <ButtonLink href="/profile/notifications" variant="secondary">Notification settings</ButtonLink>
          </>
        }
      />
      <Card>
        {items.length === 0 ? (
          <EmptyState icon={Bell} title="Nothing yet" description="When a request of yours is decided, a slice is about to start or end, or something needs you, it shows here." />
        ) : (
          <NotificationList items={items} />
        )}
      </Card>
    </>
  );
}
