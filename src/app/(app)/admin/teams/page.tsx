import type { Metadata } from "next";
import { NotAllowed } from "@/components/shell/not-allowed";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/states";
import { ACTIONS, ListTable, Td, Tr } from "@/components/ui/table";
import { api } from "@/trpc/server";
import { allowedTo } from "../../guard";
import { CreateTeamForm, TeamActions } from "./team-forms";

export const metadata: Metadata = { title: "Teams" };

export default async function TeamsPage() {
  const access = await allowedTo("teams:manage");
  if (!access.allowed) return <NotAllowed action={access.needed} />;
  const teams = await (await api()).teams.list();
  return (
    <>
      <PageHeader title="Teams" description="Every person belongs to one team; GPU time is charged to the requester's team." />
      <CreateTeamForm />
      <ListTable caption="Teams" columns={["Name", "Members", ACTIONS]} rows={teams} empty={<EmptyState title="No teams yet" description="Create the first team above." />}>
        {(team) => (
          <Tr key={team.id}>
            <Td className="font-medium text-slate-900">{team.name}</Td>
            <Td>{team.memberCount}</Td>
            <Td className="text-right">
              <TeamActions team={team} />
            </Td>
          </Tr>
        )}
      </ListTable>
    </>
  );
}
