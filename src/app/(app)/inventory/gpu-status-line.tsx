import { clsx } from "clsx";
import { LocalTime } from "@/components/time/local-time";
import { LookBadge, type BadgeLooks } from "@/components/ui/badge";
import type { MachineStatus } from "@/core/slices/types";
import type { RouterOutputs } from "@/trpc/types";

type GpuStatus = RouterOutputs["inventory"]["machine"]["gpus"][number]["status"];

const STATUS_LOOKS: BadgeLooks<MachineStatus> = {
  active: { label: "Active", tone: "success" },
  maintenance: { label: "In maintenance", tone: "warning" },
  retired: { label: "Retired", tone: "neutral" },
};

export const MachineStatusBadge = ({ status }: { status: MachineStatus }) => <LookBadge looks={STATUS_LOOKS} value={status} />;

const CHIP: Record<GpuStatus["state"], string> = {
  free: "bg-emerald-100 text-emerald-900 ring-emerald-400",
  held: "bg-amber-100 text-amber-950 ring-amber-400",
  maintenance: "bg-slate-200 text-slate-800 ring-slate-400",
  retired: "bg-slate-100 text-slate-600 ring-slate-300",
};

/** The GPU's index on a chip coloured by its state; the text beside it says the same in words. */
export function GpuChip({ index, state }: { index: number; state: GpuStatus["state"] }) {
  return (
    <span aria-hidden="true" className={clsx("inline-flex h-6 min-w-9 shrink-0 items-center justify-center rounded px-1.5 font-mono text-xs font-semibold ring-1 ring-inset", CHIP[state])}>
      {index}
    </span>
  );
}

const Holder = ({ name, team }: { name: string; team: string }) => (
  <>
    <span className="font-medium text-slate-900">{name}</span>
    {team && <span className="text-slate-600"> ({team})</span>}
  </>
);

/** "Held by Alice Moreau (Vision) until … · free from … · next booked …", or "Free now · next booked …". */
export function GpuStatusText({ status }: { status: GpuStatus }) {
  const { holder, freeAt, next } = status;
  const freeLater = holder && freeAt && freeAt.getTime() > holder.end.getTime();
  const heldPart = holder && (
    <>
      {status.state === "held" ? "Held by " : " · held by "}
      <Holder name={holder.holderName} team={holder.teamName} /> until <LocalTime at={holder.end} />
      {freeLater && <> · booked back-to-back, free from <LocalTime at={freeAt} /></>}
    </>
  );
  const nextPart = next && (
    <>
      {" · "}next booked <LocalTime at={next.start} /> by <span className="font-medium text-slate-900">{next.holderName}</span>
    </>
  );
  switch (status.state) {
    case "free":
      return <span><span className="font-medium text-emerald-800">Free now</span>{nextPart}</span>;
    case "held":
      return <span>{heldPart}{nextPart}</span>;
    case "maintenance":
      return <span><span className="font-medium text-slate-800">In maintenance</span>{heldPart}</span>;
    case "retired":
      return <span className="text-slate-600">Retired</span>;
  }
}

/** One line per GPU: its chip, model and what it is doing. */
export function GpuStatusList({ gpus, label }: { gpus: { id: string; index: number; model: { name: string }; status: GpuStatus }[]; label: string }) {
  return (
    <ul aria-label={label} className="space-y-2">
      {gpus.map((gpu) => (
        <li key={gpu.id} className="flex items-start gap-2.5 text-sm text-slate-700">
          <GpuChip index={gpu.index} state={gpu.status.state} />
          <p className="min-w-0 pt-0.5">
            <span className="sr-only">GPU {gpu.index}, {gpu.model.name}: </span>
            <GpuStatusText status={gpu.status} />
          </p>
        </li>
      ))}
    </ul>
  );
}

/** "3 × GTX 1080 Ti", or "2 × RTX 3090, 1 × RTX 4090" for a mixed machine. */
export function gpuSummary(gpus: { model: { name: string } }[]): string {
  if (gpus.length === 0) return "No GPUs";
  const counts = new Map<string, number>();
  for (const gpu of gpus) counts.set(gpu.model.name, (counts.get(gpu.model.name) ?? 0) + 1);
  return [...counts].map(([name, count]) => `${count} × ${name}`).join(", ");
}
