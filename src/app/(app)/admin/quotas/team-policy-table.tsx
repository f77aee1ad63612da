import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";

/** One team's row: each value as shown and whether the team sets it itself, and its Edit button. */
export interface TeamPolicyRow {
  team: { id: string; name: string };
  values: { text: string; own: boolean }[];
  edit: ReactNode;
}

/** What applies to each team under a policy (quotas, idle GPUs), the team's own values marked "team". */
export function TeamPolicyTable({ caption, columns, rows }: { caption: string; columns: string[]; rows: TeamPolicyRow[] }) {
  return (
    // relative: the cells' screen-reader-only text stays inside the scroll box instead of widening the page on phones.
    <Table containerClassName="relative" caption={caption}>
      <THead>
        <Tr>
          <Th>Team</Th>
          {columns.map((column) => (
            <Th key={column}>{column}</Th>
          ))}
          <Th><span className="sr-only">Actions</span></Th>
        </Tr>
      </THead>
      <TBody>
        {rows.map(({ team, values, edit }) => (
          <Tr key={team.id}>
            <Th scope="row">{team.name}</Th>
            {values.map((value, i) => (
              <Td key={columns[i]}>
                <span className="flex items-center gap-1.5 whitespace-nowrap">
                  <span className={value.own ? "font-semibold text-slate-900" : "text-slate-600"}>{value.text}</span>
                  {value.own ? <Badge tone="info">team</Badge> : <span className="sr-only">(fleet default)</span>}
                </span>
              </Td>
            ))}
            <Td className="text-right">{edit}</Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}

/** Whether a team sets a value itself (null or absent inherits). */
export const isOwn = (value: unknown) => value !== null && value !== undefined;
