"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { LocalTime } from "@/components/time/local-time";
import { Card, CardHeader } from "@/components/ui/card";
import { HeadRow, Table, TBody, Td, Th, Tr } from "@/components/ui/table";
import { useTRPC } from "@/trpc/react";
import { mib } from "./format";

/** For admins: processes of people on GPUs they do not hold (seen twice in a row), last 7 days. Hidden when there are none. */
export function UnbookedUse() {
  const trpc = useTRPC();
  const unbooked = useQuery(trpc.telemetry.unbooked.queryOptions({ sinceDays: 7 }, { refetchInterval: 30_000 }));
  if (!unbooked.data?.length) return null;
  return (
    <Card className="mb-6 border-red-200">
      <CardHeader title="Unbooked use" description="Processes on GPUs their owners do not hold, seen in two reports in a row (last 7 days)." />
      <Table caption="Unbooked use of GPUs">
        <HeadRow columns={["Who", "Where", "Process", "Since", "Memory"]} />
        <TBody>
          {unbooked.data.map((u) => (
            <Tr key={u.id}>
              <Th scope="row">{u.person ? `${u.person.name} (${u.who})` : u.who}</Th>
              <Td className="whitespace-nowrap">
                <Link href={`/inventory/${u.machine.id}`} className="font-medium text-indigo-700 hover:underline">{u.machine.name}</Link>, GPU {u.gpuIndex}
              </Td>
              <Td><code className="text-xs">{u.processName}</code></Td>
              <Td className="whitespace-nowrap"><LocalTime at={u.since} />{u.endedAt ? <>, until <LocalTime at={u.endedAt} /></> : ", ongoing"}</Td>
              <Td className="whitespace-nowrap">{mib(u.maxMemMib)}</Td>
            </Tr>
          ))}
        </TBody>
      </Table>
    </Card>
  );
}
