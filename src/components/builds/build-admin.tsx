"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { describeError } from "@/components/trpc-error";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, Select } from "@/components/ui/form";
import { useToast } from "@/components/ui/toast";
import type { RouterOutputs } from "@/trpc/types";
import { useTRPC } from "@/trpc/react";

type BuildView = RouterOutputs["builds"]["get"];

export interface LinkableMachine {
  id: string;
  name: string;
  status: string;
  build: { id: string; name: string } | null;
}

/** Which machine the build runs, and (for admins) linking and unlinking it. */
export function MachineLink({
  build,
  machines,
  canManage,
  onChanged,
}: {
  build: BuildView;
  machines: LinkableMachine[];
  canManage: boolean;
  onChanged: (build: BuildView) => void;
}) {
  const trpc = useTRPC();
  const toast = useToast();
  const router = useRouter();
  const free = machines.filter((m) => !m.build);
  const [machineId, setMachineId] = useState("");
  const chosen = machineId || free[0]?.id || "";
  const finish = (view: BuildView, message: string) => {
    onChanged(view);
    toast.success(message);
    router.refresh();
  };
  const link = useMutation(trpc.builds.link.mutationOptions({ onSuccess: (view) => finish(view, `${view.name} now runs ${view.machine?.name}`) }));
  const unlink = useMutation(trpc.builds.unlink.mutationOptions({ onSuccess: (view) => finish(view, `${view.name} unlinked from ${build.machine?.name}`) }));
  const error = link.error ?? unlink.error;

  if (build.machine) {
    return (
      <div className="space-y-3 text-sm">
        <p className="text-slate-700">
          Runs machine <strong className="font-semibold text-slate-900">{build.machine.name}</strong>; its total is that machine&apos;s capex.
        </p>
        {canManage && (
          <Button variant="secondary" size="sm" loading={unlink.isPending} onClick={() => unlink.mutate({ buildId: build.id })}>
            Unlink from {build.machine.name}
          </Button>
        )}
        {error && <p role="alert" className="text-red-700">{describeError(error).message}</p>}
      </div>
    );
  }
  if (!canManage) return <p className="text-sm text-slate-600">Not linked to a machine.</p>;
  if (build.status !== "in_service") {
    return <p className="text-sm text-slate-600">Not linked. Only a build in service runs a machine: set its status to In service and save to link it.</p>;
  }
  if (free.length === 0) return <p className="text-sm text-slate-600">Not linked. Every machine already runs a build.</p>;
  // Not a <form>: this sits inside the editor's form, and forms cannot nest.
  return (
    <div className="space-y-3">
      <Field label="Machine it became" htmlFor="link-machine" error={error ? describeError(error).message : undefined}>
        <Select id="link-machine" value={chosen} onChange={(e) => setMachineId(e.target.value)}>
          {free.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
              {m.status === "active" ? "" : ` (${m.status})`}
            </option>
          ))}
        </Select>
      </Field>
      <Button variant="secondary" size="sm" loading={link.isPending} onClick={() => link.mutate({ buildId: build.id, machineId: chosen })}>
        Link machine
      </Button>
    </div>
  );
}

export function DeleteBuild({ build }: { build: BuildView }) {
  const trpc = useTRPC();
  const toast = useToast();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const remove = useMutation(
    trpc.builds.delete.mutationOptions({
      onSuccess: () => {
        toast.success(`${build.name} deleted`);
        router.push("/builds");
        router.refresh();
      },
    }),
  );
  if (build.machine) {
    return <p className="text-sm text-slate-600">A build that runs a machine cannot be deleted; unlink it from {build.machine.name} first.</p>;
  }
  return (
    <>
      <Button variant="secondary" size="sm" className="text-red-700" onClick={() => setOpen(true)}>
        Delete build…
      </Button>
      {open && (
        <Dialog open title={`Delete ${build.name}?`} description="Its parts list and quotes go with it. The audit log keeps a record." onClose={() => setOpen(false)} size="sm">
          {remove.error && <p role="alert" className="mb-4 text-sm text-red-700">{describeError(remove.error).message}</p>}
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setOpen(false)}>Cancel</Button>
            <Button variant="danger" loading={remove.isPending} onClick={() => remove.mutate({ buildId: build.id })}>
              Delete build
            </Button>
          </div>
        </Dialog>
      )}
    </>
  );
}
