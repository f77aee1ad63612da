import type { Metadata } from "next";
import { ListOrdered } from "lucide-react";
import { can } from "@/core/permissions";
import { NotAllowed } from "@/components/shell/not-allowed";
import { LocalTime } from "@/components/time/local-time";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/states";
import { HeadRow, Table, TableContainer, TBody, Td, Tr } from "@/components/ui/table";
import { api } from "@/trpc/server";
import { allowedTo } from "../../guard";
import { MoveEntry } from "./move-entry";

export const metadata: Metadata = { title: "Waitlist" };

/** The fair-share queue of requests by need, in the order the portal will place them. */
export default async function WaitlistPage() {
  const access = await allowedTo("waitlist:read");
  if (!access.allowed) return <NotAllowed action={access.needed} />;
  const queue = await (await api()).waitlist.queue();
  const mayMove = can(access.actor.roles, "slices:decide");
  return (
    <>
      <PageHeader
        title="Waitlist"
        description="Requests by need waiting for capacity. Order: entries an admin moved, then the team furthest below its fair share (GPU-hours over 30 days per share), then the oldest. A short request may start first if it ends before the head could start (backfilling)."
      />
      {queue.length === 0 ? (
        <EmptyState icon={ListOrdered} title="Nobody is waiting" description="Every request by need found a machine. When none fits, it waits here." />
      ) : (
        <Card>
          <CardHeader title={`${queue.length} waiting`} description="Estimates assume nothing ends early; every release, cancellation or machine back from maintenance places the head at once." />
          <TableContainer label="The waitlist in order">
            <Table>
              <HeadRow columns={["#", "Who", "Need", "Team GPU-h / share (30 d)", "Estimated window", mayMove && "Move"]} />
              <TBody>
                {queue.map((e) => (
                  <Tr key={e.id}>
                    <Td className="font-medium">
                      {e.position} {e.pinned && <Badge tone="warning">moved</Badge>}
                    </Td>
                    <Td>
                      {e.requester.name}
                      <span className="block text-xs text-slate-600">{e.team.name}</span>
                    </Td>
                    <Td>
                      {e.need}
                      <span className="block text-xs text-slate-600">{e.kind} · {e.purpose}</span>
                    </Td>
                    <Td>{e.teamGpuHoursPerShare.toFixed(1)}</Td>
                    <Td>{e.estimatedStart ? <LocalTime at={e.estimatedStart} end={new Date(e.estimatedStart.getTime() + e.durationHours * 3_600_000)} kind="window" /> : "—"}</Td>
                    {mayMove && (
                      <Td>
                        <MoveEntry entryId={e.id} position={e.position} length={queue.length} who={e.requester.name} />
                      </Td>
                    )}
                  </Tr>
                ))}
              </TBody>
            </Table>
          </TableContainer>
        </Card>
      )}
    </>
  );
}
