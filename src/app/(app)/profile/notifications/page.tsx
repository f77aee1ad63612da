import type { Metadata } from "next";
import { NotAllowed } from "@/components/shell/not-allowed";
import { Card, CardBody, CardHeader, SectionCard } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { api } from "@/trpc/server";
import { allowedTo } from "../../guard";
import { CalendarFeedForm } from "./calendar-feed";
import { PreferencesForm } from "./preferences-form";
import { WebhookForm } from "./webhook-form";

export const metadata: Metadata = { title: "Notification settings" };

export default async function NotificationSettingsPage() {
  const access = await allowedTo("profile:read");
  if (!access.allowed) return <NotAllowed action={access.needed} />;
  const trpc = await api();
  const settings = await trpc.notifications.settings();
  return (
    <>
      <PageHeader title="Notification settings" description="Choose how each kind of news reaches you. Every message says why you got it and links back here." />
      <div className="grid items-start gap-6 lg:grid-cols-3">
        <Card className="min-w-0 lg:col-span-2">
          <CardHeader
            title="What reaches you, and where"
            description={settings.emailEnabled ? `E-mail goes to ${settings.email}.` : "E-mail is off on this portal (no SMTP server is configured); in-app and chat still work."}
          />
          <CardBody>
            <PreferencesForm kinds={settings.kinds} emailEnabled={settings.emailEnabled} hasWebhook={settings.webhook !== null} />
          </CardBody>
        </Card>
        <div className="grid min-w-0 gap-6">
          <SectionCard className="min-w-0" title="My chat webhook" description="Slack-compatible (Mattermost, Rocket.Chat, Discord's /slack) or generic JSON signed with HMAC-SHA256.">
            <WebhookForm webhook={settings.webhook} />
          </SectionCard>
          <SectionCard className="min-w-0" title="Calendar feed" description="Your slices in any calendar app, updated as they change. The link is secret: anyone who has it sees your slices.">
            <CalendarFeedForm url={settings.calendarUrl} />
          </SectionCard>
        </div>
      </div>
    </>
  );
}
