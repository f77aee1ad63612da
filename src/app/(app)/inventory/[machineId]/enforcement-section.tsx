import { LocalTime } from "@/components/time/local-time";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { SectionCard } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/states";
import { ACTIONS, ListTable, Td, Th, Tr } from "@/components/ui/table";
import { formatCpuSet } from "@/core/enforcement/cpu-topology";
import { GIB, type EnforcementMode } from "@/core/enforcement/types";
import { api } from "@/trpc/server";
import { AppliedCard } from "./applied-card";
import { EnforcementForm, IdleExemptButton } from "./enforcement-form";
import { MODE_TEXT } from "./mode-text";
import { ProblemList } from "./problem-list";

const MODE_TONE: Record<EnforcementMode, BadgeTone> = { observe: "neutral", warn: "warning", enforce: "success" };

/** For admins: the machine's mode, what its agent is told to apply now, and the slices of the next 48 h. */
export async function EnforcementSection({ machine }: { machine: { id: string; name: string } }) {
  const view = await (await api()).enforcement.desiredState({ machineId: machine.id });
  const { desired } = view;
  return (
    <section aria-labelledby="enforcement-heading" className="mt-8">
      <div className="mb-3 flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 id="enforcement-heading" className="flex items-center gap-2 text-lg font-semibold text-slate-900">
            Enforcement <Badge tone={MODE_TONE[view.mode]}>{MODE_TEXT[view.mode].label}</Badge>
          </h2>
          <p className="mt-1 max-w-3xl text-sm text-slate-700">{MODE_TEXT[view.mode].explain}</p>
        </div>
        <EnforcementForm machine={machine} current={{ mode: view.mode, loginThreads: view.schedule.loginProfile.threads, loginRamGb: view.schedule.loginProfile.ramGb }} />
      </div>
      <div className="grid gap-6 lg:grid-cols-3">
        <SectionCard className="min-w-0 lg:col-span-2" title="Desired state now" description={`What the agent applies to each person's systemd slice on ${machine.name}. Device nodes and uids are resolved on the machine.`}>
          <ListTable caption={`Who gets what on ${machine.name} now`} columns={["Linux user", "GPUs", "CPUs (AllowedCPUs)", "Memory (MemoryMax)"]} rows={desired.users} empty={<p className="text-sm text-slate-600">Nobody holds a slice now: everyone gets the login profile.</p>}>
            {(u) => (
              <Tr key={u.linuxUsername}>
                <Th scope="row"><code>{u.linuxUsername}</code></Th>
                <Td>{u.gpus.map((g) => `GPU ${g.index}`).join(", ") || "—"}</Td>
                <Td><code>{formatCpuSet(u.cpus) || "—"}</code></Td>
                <Td>{u.memoryMaxBytes / GIB} GB</Td>
              </Tr>
            )}
          </ListTable>
          <p className="mt-3 text-sm text-slate-700">
            Everyone else: CPU <code>{formatCpuSet(desired.loginProfile.cpus) || "—"}</code>, {desired.loginProfile.memoryMaxBytes / GIB} GB, no GPU.
            {view.nextBoundary && <> Next change: <LocalTime at={new Date(view.nextBoundary)} />.</>}
          </p>
          <ProblemList problems={desired.problems} className="mt-3 text-sm" />
        </SectionCard>
        <AppliedCard applied={view.applied} machineName={machine.name} />
      </div>
      <h3 className="mt-6 mb-2 text-base font-semibold text-slate-900">Slices now and in the next 48 hours</h3>
      <ListTable caption={`Approved slices on ${machine.name} now and in the next 48 hours`} columns={["Holder", "GPUs", "From", "Until", "Idle reclaim", ACTIONS]} rows={view.slices} empty={<EmptyState title="No slices" headingLevel={4} description="Nothing approved on this machine now or in the next 48 hours." />}>
        {(s) => (
          <Tr key={s.id}>
            <Th scope="row">
              {s.holder} <code className="text-xs text-slate-600">({s.linuxUsername})</code>
            </Th>
            <Td>{s.gpus.map((g) => `GPU ${g}`).join(", ")}</Td>
            <Td className="whitespace-nowrap"><LocalTime at={s.start} /></Td>
            <Td className="whitespace-nowrap"><LocalTime at={s.end} /></Td>
            <Td>{s.idleExempt ? <Badge tone="info">Exempt</Badge> : <span className="text-slate-600">By policy</span>}</Td>
            <Td className="text-right">
              <IdleExemptButton slice={{ id: s.id, holder: s.holder, idleExempt: s.idleExempt }} />
            </Td>
          </Tr>
        )}
      </ListTable>
    </section>
  );
}
