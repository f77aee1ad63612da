import { Card, CardHeader } from "@/components/ui/card";
import { HeadRow, Table, TableContainer, TBody, Td, Tr } from "@/components/ui/table";
import { hoursText } from "./period-form";

type Week = { week: number; teamId: string; teamName: string; requests: number; medianWaitHours: number; p90WaitHours: number };

/** Waits per week (of asking) and team. */
export function DemandTable({ weeks }: { weeks: Week[] }) {
  return (
    <Card>
      <CardHeader title={<span id="weeks-title">Waiting per week and team</span>} description="Requests by need, by the week they were made (weeks start Monday, UTC). A request still waiting counts until now." />
      {weeks.length === 0 ? (
        <p className="px-5 py-4 text-sm text-slate-600">No requests by need in this period.</p>
      ) : (
        <TableContainer labelledBy="weeks-title">
          <Table>
            <HeadRow columns={["Week of", "Team", { label: "Requests", className: "text-right" }, { label: "Median wait", className: "text-right" }, { label: "90th percentile", className: "text-right" }]} />
            <TBody>
              {weeks.map((w) => (
                <Tr key={`${w.week}-${w.teamId}`}>
                  <Td>{new Date(w.week).toISOString().slice(0, 10)}</Td>
                  <Td>{w.teamName}</Td>
                  <Td className="text-right tabular-nums">{w.requests}</Td>
                  <Td className="text-right tabular-nums">{hoursText(w.medianWaitHours)}</Td>
                  <Td className="text-right tabular-nums">{hoursText(w.p90WaitHours)}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        </TableContainer>
      )}
    </Card>
  );
}
