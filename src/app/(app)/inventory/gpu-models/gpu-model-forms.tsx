"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { DeleteRowButton } from "@/components/ui/delete-row-button";
import { Dialog } from "@/components/ui/dialog";
import { ActionForm, Field, Input } from "@/components/ui/form";
import { SubmitRow } from "@/components/ui/submit-row";
import type { RouterOutputs } from "@/trpc/types";
import { useTRPC } from "@/trpc/react";
import { UnplacedError } from "../form-alert";
import { formErrors, numberFromInput } from "../form-errors";
import { useOutcomeToasts, useSuccess } from "@/components/use-success";

type GpuModelView = RouterOutputs["inventory"]["gpuModels"][number];

type Values = { name: string; vramGb: string; boardPowerW: string };

/** Name, VRAM and board power, with each field's error at the field; `idPrefix` keeps ids unique per form. */
function ModelFields({ idPrefix, values, onChange, errors }: { idPrefix: string; values: Values; onChange: (values: Values) => void; errors?: Record<string, string> }) {
  const field = (key: keyof Values, label: string, props: { type?: string; min?: number; placeholder?: string; className?: string }) => (
    <Field label={label} htmlFor={`${idPrefix}-${key}`} error={errors?.[key]} required className={props.className}>
      <Input
        id={`${idPrefix}-${key}`}
        value={values[key]}
        onChange={(e) => onChange({ ...values, [key]: e.target.value })}
        required
        type={props.type}
        inputMode={props.type === "number" ? "numeric" : undefined}
        min={props.min}
        step={props.type === "number" ? 1 : undefined}
        placeholder={props.placeholder}
        autoComplete="off"
      />
    </Field>
  );
  return (
    <>
      {field("name", "Name", { placeholder: "e.g. RTX 4090", className: "min-w-56 flex-1" })}
      {field("vramGb", "VRAM (GB)", { type: "number", min: 1, className: "w-32" })}
      {field("boardPowerW", "Board power (W)", { type: "number", min: 1, className: "w-36" })}
    </>
  );
}

const toInput = (values: Values) => ({ name: values.name, vramGb: numberFromInput(values.vramGb), boardPowerW: numberFromInput(values.boardPowerW) });

export function CreateGpuModelForm() {
  const trpc = useTRPC();
  const empty = { name: "", vramGb: "", boardPowerW: "" };
  const [values, setValues] = useState<Values>(empty);
  const create = useMutation(
    trpc.inventory.createGpuModel.mutationOptions({
      onSuccess: useSuccess((model) => `${model.name} added`, () => setValues(empty)),
    }),
  );
  const errors = create.error ? formErrors(create.error) : undefined;
  return (
    <ActionForm
      aria-label="Add a GPU model"
      noValidate
      className="mb-6 rounded-lg border border-slate-200 bg-white p-4 shadow-xs"
      onSubmit={() => create.mutate(toInput(values))}
    >
      <h2 className="mb-3 text-sm font-semibold text-slate-900">Add a GPU model</h2>
      <div className="flex flex-wrap items-start gap-3">
        <ModelFields idPrefix="new-model" values={values} onChange={setValues} errors={errors?.fields} />
        <Button type="submit" className="sm:mt-7" loading={create.isPending}>Add model</Button>
      </div>
      <UnplacedError errors={errors} className="mt-2" />
    </ActionForm>
  );
}

export function GpuModelActions({ model }: { model: GpuModelView }) {
  const trpc = useTRPC();
  const [editing, setEditing] = useState(false);
  const remove = useMutation(
    trpc.inventory.deleteGpuModel.mutationOptions(useOutcomeToasts(`${model.name} deleted`)),
  );
  const used = model.gpuCount > 0;
  return (
    <div className="flex justify-end gap-2">
      <Button size="sm" variant="secondary" onClick={() => setEditing(true)} aria-label={`Edit ${model.name}`}>Edit</Button>
      <DeleteRowButton name={model.name} blockedBy={used ? "GPUs use this model" : undefined} pending={remove.isPending} onDelete={() => remove.mutate({ gpuModelId: model.id })} />
      {editing && <EditGpuModelDialog model={model} onClose={() => setEditing(false)} />}
    </div>
  );
}

function EditGpuModelDialog({ model, onClose }: { model: GpuModelView; onClose: () => void }) {
  const trpc = useTRPC();
  const [values, setValues] = useState<Values>({ name: model.name, vramGb: String(model.vramGb), boardPowerW: String(model.boardPowerW) });
  const update = useMutation(
    trpc.inventory.updateGpuModel.mutationOptions({
      onSuccess: useSuccess((saved) => `${saved.name} saved`, () => onClose()),
    }),
  );
  const errors = update.error ? formErrors(update.error) : undefined;
  return (
    <Dialog open title={`Edit ${model.name}`} onClose={onClose}>
      <ActionForm
        noValidate
        className="space-y-4 text-left"
        onSubmit={() => update.mutate({ gpuModelId: model.id, ...toInput(values) })}
      >
        {model.gpuCount > 0 && (
          <p className="text-sm text-slate-700">
            {model.gpuCount === 1 ? "1 GPU uses" : `${model.gpuCount} GPUs use`} this model; their energy costs follow its board power.
          </p>
        )}
        <div className="flex flex-wrap gap-3">
          <ModelFields idPrefix="edit-model" values={values} onChange={setValues} errors={errors?.fields} />
        </div>
        <UnplacedError errors={errors} />
        <SubmitRow onCancel={onClose} loading={update.isPending} />
      </ActionForm>
    </Dialog>
  );
}
