"use client";

import { useMutation } from "@tanstack/react-query";
import { Plus } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ActionForm, Field, Input, Select, Textarea } from "@/components/ui/form";
import { SubmitRow } from "@/components/ui/submit-row";
import { useSuccess } from "@/components/use-success";
import { useTRPC } from "@/trpc/react";
import { formErrors, optionalNumberFromInput } from "../form-errors";

type GpuModelOption = { id: string; name: string; vramGb: number };
type Gpu = { id: string; index: number; uuid: string | null; modelId: string };

const UUID_HINT = "Optional. As nvidia-smi -L prints it; it stays with the card when indices change.";

/** An error the form has no field for, e.g. "held by … until …". */
function FormAlert({ errors, fields }: { errors?: ReturnType<typeof formErrors>; fields: string[] }) {
  if (!errors || fields.some((field) => errors.fields[field])) return null;
  return <p role="alert" className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">{errors.message}</p>;
}

function ModelSelect({ id, value, onChange, gpuModels, error }: { id: string; value: string; onChange: (value: string) => void; gpuModels: GpuModelOption[]; error?: string }) {
  return (
    <Field label="GPU model" htmlFor={id} error={error} required>
      <Select id={id} value={value} onChange={(e) => onChange(e.target.value)} required>
        {gpuModels.map((model) => (
          <option key={model.id} value={model.id}>{model.name} ({model.vramGb} GB)</option>
        ))}
      </Select>
    </Field>
  );
}

export function AddGpuButton({ machine, gpuModels }: { machine: { id: string; name: string }; gpuModels: GpuModelOption[] }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)}>
        <Plus aria-hidden="true" />
        Add GPU
      </Button>
      {open && <AddGpuDialog machine={machine} gpuModels={gpuModels} onClose={() => setOpen(false)} />}
    </>
  );
}

function AddGpuDialog({ machine, gpuModels, onClose }: { machine: { id: string; name: string }; gpuModels: GpuModelOption[]; onClose: () => void }) {
  const trpc = useTRPC();
  const [gpuModelId, setGpuModelId] = useState(gpuModels[0]?.id ?? "");
  const [uuid, setUuid] = useState("");
  const [index, setIndex] = useState("");
  const add = useMutation(trpc.inventory.addGpu.mutationOptions({ onSuccess: useSuccess(`GPU added to ${machine.name}`, onClose) }));
  const errors = add.error ? formErrors(add.error) : undefined;

  return (
    <Dialog open title={`Add a GPU to ${machine.name}`} onClose={onClose}>
      {gpuModels.length === 0 ? (
        <p className="text-sm text-slate-700">
          No GPU models exist yet. <Link href="/inventory/gpu-models" className="font-medium text-indigo-700 underline underline-offset-2">Add a GPU model</Link> first.
        </p>
      ) : (
        <ActionForm
          className="space-y-4"
          noValidate
          onSubmit={() => add.mutate({ machineId: machine.id, gpuModelId, uuid: uuid.trim() || null, index: optionalNumberFromInput(index) })}
        >
          <ModelSelect id="add-gpu-model" value={gpuModelId} onChange={setGpuModelId} gpuModels={gpuModels} error={errors?.fields.gpuModelId} />
          <Field label="UUID" htmlFor="add-gpu-uuid" hint={UUID_HINT} error={errors?.fields.uuid}>
            <Input id="add-gpu-uuid" value={uuid} onChange={(e) => setUuid(e.target.value)} placeholder="GPU-xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx" className="font-mono" autoComplete="off" />
          </Field>
          <Field label="Index" htmlFor="add-gpu-index" hint="Optional. Leave empty for the lowest free index." error={errors?.fields.index}>
            <Input id="add-gpu-index" type="number" inputMode="numeric" min={0} max={63} step={1} value={index} onChange={(e) => setIndex(e.target.value)} />
          </Field>
          <FormAlert errors={errors} fields={["gpuModelId", "uuid", "index"]} />
          <SubmitRow onCancel={onClose} loading={add.isPending} label="Add GPU" />
        </ActionForm>
      )}
    </Dialog>
  );
}

export function GpuRowActions({ machineName, gpu, gpuModels }: { machineName: string; gpu: Gpu; gpuModels: GpuModelOption[] }) {
  const [open, setOpen] = useState<"edit" | "remove" | null>(null);
  return (
    <div className="flex justify-end gap-2">
      <Button size="sm" variant="secondary" onClick={() => setOpen("edit")} aria-label={`Edit GPU ${gpu.index}`}>Edit</Button>
      <Button size="sm" variant="ghost" onClick={() => setOpen("remove")} aria-label={`Remove GPU ${gpu.index}`}>Remove</Button>
      {open === "edit" && <EditGpuDialog machineName={machineName} gpu={gpu} gpuModels={gpuModels} onClose={() => setOpen(null)} />}
      {open === "remove" && <RemoveGpuDialog machineName={machineName} gpu={gpu} onClose={() => setOpen(null)} />}
    </div>
  );
}

function EditGpuDialog({ machineName, gpu, gpuModels, onClose }: { machineName: string; gpu: Gpu; gpuModels: GpuModelOption[]; onClose: () => void }) {
  const trpc = useTRPC();
  const [gpuModelId, setGpuModelId] = useState(gpu.modelId);
  const [uuid, setUuid] = useState(gpu.uuid ?? "");
  const update = useMutation(trpc.inventory.updateGpu.mutationOptions({ onSuccess: useSuccess(`GPU ${gpu.index} of ${machineName} saved`, onClose) }));
  const errors = update.error ? formErrors(update.error) : undefined;

  return (
    <Dialog open title={`Edit GPU ${gpu.index} of ${machineName}`} onClose={onClose}>
      <ActionForm
        className="space-y-4 text-left"
        noValidate
        onSubmit={() => update.mutate({ gpuId: gpu.id, gpuModelId, uuid: uuid.trim() || null })}
      >
        <ModelSelect id="edit-gpu-model" value={gpuModelId} onChange={setGpuModelId} gpuModels={gpuModels} error={errors?.fields.gpuModelId} />
        <Field label="UUID" htmlFor="edit-gpu-uuid" hint={UUID_HINT} error={errors?.fields.uuid}>
          <Input id="edit-gpu-uuid" value={uuid} onChange={(e) => setUuid(e.target.value)} placeholder="GPU-xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx" className="font-mono" autoComplete="off" />
        </Field>
        <FormAlert errors={errors} fields={["gpuModelId", "uuid"]} />
        <SubmitRow onCancel={onClose} loading={update.isPending} />
      </ActionForm>
    </Dialog>
  );
}

function RemoveGpuDialog({ machineName, gpu, onClose }: { machineName: string; gpu: Gpu; onClose: () => void }) {
  const trpc = useTRPC();
  const [reason, setReason] = useState("");
  const remove = useMutation(trpc.inventory.removeGpu.mutationOptions({ onSuccess: useSuccess(`GPU ${gpu.index} removed from ${machineName}`, onClose) }));
  const errors = remove.error ? formErrors(remove.error) : undefined;

  return (
    <Dialog open title={`Remove GPU ${gpu.index} from ${machineName}?`} onClose={onClose}>
      <ActionForm
        className="space-y-4 text-left"
        noValidate
        onSubmit={() => remove.mutate({ gpuId: gpu.id, reason: reason.trim() || undefined })}
      >
        <p className="text-sm text-slate-700">
          Only a GPU that no slice holds, has booked or has ever held can be removed. A GPU with history stays listed: the cost and usage reports refer to it.
        </p>
        <Field label="Reason (optional, kept in the audit log)" htmlFor="remove-gpu-reason" error={errors?.fields.reason}>
          <Textarea id="remove-gpu-reason" value={reason} onChange={(e) => setReason(e.target.value)} rows={2} />
        </Field>
        <FormAlert errors={errors} fields={["reason"]} />
        <SubmitRow onCancel={onClose} loading={remove.isPending} label="Remove GPU" variant="danger" />
      </ActionForm>
    </Dialog>
  );
}
