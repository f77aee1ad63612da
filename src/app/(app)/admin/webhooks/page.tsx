import type { Metadata } from "next";
import { Webhook } from "lucide-react";
import { EVENT_KINDS, isEventKind } from "@/core/notifications/kinds";
import { NotAllowed } from "@/components/shell/not-allowed";
import { SectionCard } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/states";
import { ACTIONS, ListTable, Td, Tr } from "@/components/ui/table";
import { api } from "@/trpc/server";
import { allowedTo } from "../../guard";
import { CreateTeamWebhookForm, DeleteTeamWebhookButton } from "./team-webhook-forms";

export const metadata: Metadata = { title: "Team webhooks" };

export default async function TeamWebhooksPage() {
  const access = await allowedTo("teams:manage");
  if (!access.allowed) return <NotAllowed action={access.needed} />;
  const trpc = await api();
  const [hooks, teams] = await Promise.all([trpc.background.teamWebhooks(), trpc.teams.list()]);
  return (
    <>
      <PageHeader title="Team webhooks" description="Send a team's news to its chat channel: the requests, decisions and reminders of its members' slices, for the kinds you choose." />
      <div className="grid items-start gap-6 lg:grid-cols-3">
        <SectionCard className="min-w-0" title="Add a team webhook">
          <CreateTeamWebhookForm teams={teams.map((t) => ({ id: t.id, name: t.name }))} />
        </SectionCard>
        <SectionCard className="min-w-0 lg:col-span-2" title="Webhooks" description="Generic JSON deliveries are signed with the secret shown; Slack-compatible ones are not (Slack does not check).">
          <ListTable caption="Team webhooks" columns={["Team", "Target", "Messages", ACTIONS]} rows={hooks} empty={<EmptyState icon={Webhook} headingLevel={3} title="No team webhooks" description="Add one to post a team's requests and decisions to its channel." />}>
            {(h) => (
              <Tr key={h.id}>
                <Td className="font-medium text-slate-900">{h.teamName}</Td>
                <Td>
                  <div className="max-w-xs truncate font-mono text-xs" title={h.url}>{h.url}</div>
                  <div className="text-xs text-slate-600">{h.format === "slack" ? "Slack-compatible" : <>Signed JSON · secret <span className="font-mono">{h.secret}</span></>}</div>
                </Td>
                <Td className="text-xs text-slate-700">{h.kinds.map((k) => (isEventKind(k) ? EVENT_KINDS[k].label : k)).join("; ")}</Td>
                <Td className="text-right"><DeleteTeamWebhookButton webhook={{ id: h.id, teamName: h.teamName }} /></Td>
              </Tr>
            )}
          </ListTable>
        </SectionCard>
      </div>
    </>
  );
}
