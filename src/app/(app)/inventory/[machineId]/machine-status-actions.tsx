"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ActionForm, Field, Input, Textarea } from "@/components/ui/form";
import { SubmitRow } from "@/components/ui/submit-row";
import type { MachineStatus } from "@/core/slices/types";
import { useTRPC } from "@/trpc/react";
import { dateFromInput, formErrors } from "../form-errors";
import { useSuccess } from "@/components/use-success";

type Machine = { id: string; name: string; status: MachineStatus };

const CHANGES: Record<MachineStatus, { button: string; title: (name: string) => string; explain: string; done: string }> = {
  maintenance: {
    button: "Put into maintenance",
    title: (name) => `Put ${name} into maintenance?`,
    explain: "Nothing new can be approved on it until it is reactivated. Slices already approved stay as they are: tell their holders.",
    done: "is in maintenance",
  },
  retired: {
    button: "Retire",
    title: (name) => `Retire ${name}?`,
    explain: "A retired machine takes no new slices and leaves the inventory's main list. Its history and costs stay.",
    done: "is retired",
  },
  active: {
    button: "Reactivate",
    title: (name) => `Reactivate ${name}?`,
    explain: "People can request slices of it again.",
    done: "is active again",
  },
};

/** The status changes open to the machine: maintenance and retirement, or reactivation. */
export function MachineStatusActions({ machine, heldGpus }: { machine: Machine; heldGpus: number }) {
  const [target, setTarget] = useState<MachineStatus | null>(null);
  const targets = (["active", "maintenance", "retired"] as const).filter((s) => s !== machine.status && !(machine.status === "retired" && s === "maintenance"));
  return (
    <>
      {targets.map((status) => (
        <Button key={status} variant={status === "retired" ? "danger" : "secondary"} onClick={() => setTarget(status)}>
          {CHANGES[status].button}
        </Button>
      ))}
      {target && <StatusDialog machine={machine} target={target} heldGpus={heldGpus} onClose={() => setTarget(null)} />}
    </>
  );
}

function StatusDialog({ machine, target, heldGpus, onClose }: { machine: Machine; target: MachineStatus; heldGpus: number; onClose: () => void }) {
  const trpc = useTRPC();
  const [reason, setReason] = useState("");
  const [retiredOn, setRetiredOn] = useState("");
  const change = CHANGES[target];
  const mutation = useMutation(
    trpc.inventory.setMachineStatus.mutationOptions({
      onSuccess: useSuccess(`${machine.name} ${change.done}`, () => onClose()),
    }),
  );
  const errors = mutation.error ? formErrors(mutation.error) : undefined;
  const placed = errors && (errors.fields.reason || errors.fields.retiredAt);

  return (
    <Dialog open title={change.title(machine.name)} onClose={onClose}>
      <ActionForm
        className="space-y-4"
        noValidate
        onSubmit={() => mutation.mutate({ machineId: machine.id, status: target, reason, retiredAt: target === "retired" ? dateFromInput(retiredOn) : undefined })}
      >
        <p className="text-sm text-slate-700">{change.explain}</p>
        {target !== "active" && heldGpus > 0 && (
          <p className="rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
            {heldGpus === 1 ? "1 GPU is" : `${heldGpus} GPUs are`} held now or booked; those slices are not cancelled.
          </p>
        )}
        <Field label="Reason (kept in the audit log)" htmlFor="status-reason" error={errors?.fields.reason} required>
          <Textarea id="status-reason" value={reason} onChange={(e) => setReason(e.target.value)} rows={2} required />
        </Field>
        {target === "retired" && (
          <Field label="Retired on" htmlFor="status-retired-on" hint="Leave empty for now." error={errors?.fields.retiredAt}>
            <Input id="status-retired-on" type="date" value={retiredOn} onChange={(e) => setRetiredOn(e.target.value)} />
          </Field>
        )}
        {errors && !placed && <p role="alert" className="text-sm text-red-700">{errors.message}</p>}
        <SubmitRow onCancel={onClose} loading={mutation.isPending} label={change.button} variant={target === "retired" ? "danger" : "primary"} />
      </ActionForm>
    </Dialog>
  );
}
