import { SliceStateBadge, type SliceState } from "@/components/slices/slice-state-badge";
import type { RouterOutputs } from "@/trpc/types";
import { LocalTime } from "@/components/time/local-time";
import { Badge } from "@/components/ui/badge";
import { ListTable, Td, Tr } from "@/components/ui/table";

type ScheduleMachine = RouterOutputs["slices"]["schedule"]["machines"][number];

interface Row {
  key: string;
  start: number;
  end: number;
  gpus: string;
  who: string;
  team: string;
  mine: boolean;
  state: SliceState;
  purpose: string;
}

/** One row per slice (a slice on two GPUs is one row naming both) and per pending request, by start. */
export function scheduleRows(machine: ScheduleMachine, now: number): Row[] {
  const gpuIndex = new Map(machine.gpus.map((g) => [g.id, g.index]));
  const bySlice = new Map<string, Row & { indices: number[] }>();
  for (const hold of machine.holds) {
    const index = gpuIndex.get(hold.gpuId) ?? -1;
    const row = bySlice.get(hold.sliceId);
    if (row) {
      row.indices.push(index);
      continue;
    }
    const start = hold.start.getTime();
    const end = hold.end.getTime();
    bySlice.set(hold.sliceId, {
      key: hold.sliceId,
      start,
      end,
      gpus: "",
      indices: [index],
      who: hold.holder,
      team: hold.team,
      mine: hold.mine,
      state: now < start ? "upcoming" : now < end ? "active" : "ended",
      purpose: hold.purpose,
    });
  }
  const held: Row[] = [...bySlice.values()].map(({ indices, ...row }) => ({ ...row, gpus: `GPU ${indices.sort((a, b) => a - b).join(", ")}` }));
  const pending: Row[] = machine.pending.map((p) => ({
    key: p.sliceId,
    start: p.start.getTime(),
    end: p.end.getTime(),
    gpus: `${p.gpuCount} GPU${p.gpuCount === 1 ? "" : "s"} (assigned on approval)`,
    who: p.holder,
    team: "—",
    mine: p.mine,
    state: "pending",
    purpose: p.purpose,
  }));
  return [...held, ...pending].sort((a, b) => a.start - b.start || a.end - b.end);
}

/** The schedule as tables, one per machine: the view for screen readers and small screens. */
export function ScheduleList({ machines, now, windowLabel }: { machines: ScheduleMachine[]; now: number; windowLabel: string }) {
  return (
    <div className="space-y-8">
      {machines.map((machine) => {
        const rows = scheduleRows(machine, now);
        return (
          <section key={machine.id} aria-labelledby={`machine-${machine.id}`}>
            <div className="mb-2 flex flex-wrap items-center gap-2">
              <h2 id={`machine-${machine.id}`} className="text-base font-semibold text-slate-900">{machine.name}</h2>
              {machine.status !== "active" && <Badge tone="warning">{machine.status === "maintenance" ? "In maintenance" : machine.status}</Badge>}
              <span className="text-sm text-slate-600">
                {machine.gpus.map((g) => `GPU ${g.index} ${g.model}`).join(" · ") || "No GPUs"}
              </span>
            </div>
            <ListTable containerClassName="relative" caption={`Holds and pending requests on ${machine.name}, ${windowLabel}`} columns={["When", "GPUs", "Who", "Team", "State", "Purpose"]} rows={rows} empty={<p className="rounded-lg border border-dashed border-slate-300 bg-white px-4 py-6 text-sm text-slate-600">Nothing held or requested on {machine.name} in this window.</p>}>
              {(row) => (
                <Tr key={row.key} className={row.mine ? "bg-emerald-50/60" : undefined}>
                  <Td className="min-w-56"><LocalTime at={row.start} end={row.end} kind="window" /></Td>
                  <Td className="whitespace-nowrap">{row.gpus}</Td>
                  <Td className="whitespace-nowrap">
                    {row.who}
                    {row.mine && <span className="ml-1 font-medium text-emerald-800">(you)</span>}
                  </Td>
                  <Td>{row.team}</Td>
                  <Td><SliceStateBadge state={row.state} /></Td>
                  <Td className="min-w-48">{row.purpose}</Td>
                </Tr>
              )}
            </ListTable>
          </section>
        );
      })}
    </div>
  );
}
