import type { Metadata } from "next";
import Link from "next/link";
import { LocalTime } from "@/components/time/local-time";
import { NotAllowed } from "@/components/shell/not-allowed";
import { Badge, RoleBadge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/form";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/states";
import { ACTIONS, HeadRow, Table, TBody, Td, Tr } from "@/components/ui/table";
import { api } from "@/trpc/server";
import { allowedTo } from "../../guard";
import { UserActions } from "./user-actions";

export const metadata: Metadata = { title: "Users" };

const PAGE_SIZE = 25;

export default async function UsersPage({ searchParams }: { searchParams: Promise<{ q?: string; team?: string; page?: string }> }) {
  const access = await allowedTo("users:manage");
  if (!access.allowed) return <NotAllowed action={access.needed} />;
  const params = await searchParams;
  const page = Math.max(1, Number.parseInt(params.page ?? "1", 10) || 1);
  const teamId = params.team && /^[0-9a-f-]{36}$/i.test(params.team) ? params.team : undefined;
  const trpc = await api();
  const [{ users, total }, teams] = await Promise.all([
    trpc.users.list({ search: params.q?.slice(0, 100), teamId, page, pageSize: PAGE_SIZE }),
    trpc.teams.list(),
  ]);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const pageHref = (p: number) => `?${new URLSearchParams({ ...(params.q ? { q: params.q } : {}), ...(teamId ? { team: teamId } : {}), page: String(p) })}`;

  return (
    <>
      <PageHeader title="Users" description="People are created when they first sign in. Move them between teams, grant roles, sign them out, or deactivate them." />
      <form role="search" className="mb-4 flex flex-wrap items-end gap-3" action="/admin/users">
        <div className="min-w-64 flex-1">
          <label htmlFor="q" className="mb-1 block text-sm font-medium text-slate-700">Search by name, e-mail or Linux user name</label>
          <Input id="q" name="q" type="search" defaultValue={params.q} placeholder="e.g. alice" />
        </div>
        <div>
          <label htmlFor="team" className="mb-1 block text-sm font-medium text-slate-700">Team</label>
          <Select id="team" name="team" defaultValue={teamId ?? ""}>
            <option value="">All teams</option>
            {teams.map((team) => (
              <option key={team.id} value={team.id}>{team.name}</option>
            ))}
          </Select>
        </div>
        <button type="submit" className="h-10 rounded-lg bg-slate-900 px-4 text-sm font-medium text-white hover:bg-slate-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600">
          Search
        </button>
      </form>

      {users.length === 0 ? (
        <EmptyState title="No users found" description={params.q || teamId ? "Nobody matches this search." : "Nobody has signed in yet."} action={params.q || teamId ? <ButtonLink href="/admin/users" variant="secondary">Clear search</ButtonLink> : undefined} />
      ) : (
        <>
          <Table caption={`Users, page ${page} of ${pages} (${total} in all)`}>
            <HeadRow columns={["Name", "Team", "Roles", "Last sign-in", "Status", ACTIONS]} />
            <TBody>
              {users.map((user) => (
                <Tr key={user.id}>
                  <Td>
                    <div className="font-medium text-slate-900">{user.name}</div>
                    <div className="text-slate-500">{user.email}</div>
                    <div className="text-xs text-slate-500">
                      Linux: <code className="font-mono text-slate-700">{user.linuxUsername}</code>
                    </div>
                  </Td>
                  <Td>
                    <div>{user.team.name}</div>
                    {user.teamPinned && (
                      <div className="mt-1" title="Set by an admin: the identity provider's group map leaves it alone. Edit to unpin.">
                        <Badge tone="neutral">Pinned by an admin</Badge>
                      </div>
                    )}
                  </Td>
                  <Td>
                    <div className="flex flex-wrap gap-1">
                      {user.roles.map((role) => <RoleBadge key={role} role={role} />)}
                    </div>
                  </Td>
                  <Td>{user.lastSignInAt ? <LocalTime at={user.lastSignInAt} /> : "Never"}</Td>
                  <Td>{user.active ? <Badge tone="success">Active</Badge> : <Badge tone="danger">Deactivated</Badge>}</Td>
                  <Td className="text-right">
                    <UserActions user={user} teams={teams.map(({ id, name }) => ({ id, name }))} />
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
          {pages > 1 && (
            <nav aria-label="Pagination" className="mt-4 flex items-center justify-between text-sm">
              {page > 1 ? <Link className="font-medium text-indigo-700 hover:underline" href={pageHref(page - 1)}>← Previous</Link> : <span />}
              <span className="text-slate-600">Page {page} of {pages}</span>
              {page < pages ? <Link className="font-medium text-indigo-700 hover:underline" href={pageHref(page + 1)}>Next →</Link> : <span />}
            </nav>
          )}
        </>
      )}
    </>
  );
}
