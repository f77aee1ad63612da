"use client";

import { useMutation } from "@tanstack/react-query";
import { Plus, Trash2 } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useId, useState, type ReactNode } from "react";
import { Button, ButtonLink } from "@/components/ui/button";
import { ActionForm, Field, Input, Select } from "@/components/ui/form";
import { useToast } from "@/components/ui/toast";
import { defaultSliceProfile } from "@/core/slices/capacity";
import type { RouterOutputs } from "@/trpc/types";
import { useTRPC } from "@/trpc/react";
import { dateFromInput, dateToInput, formErrors, numberFromInput, optionalNumberFromInput } from "./form-errors";

type MachineView = RouterOutputs["inventory"]["machine"];

type GpuModelOption = { id: string; name: string; vramGb: number };
type GpuRow = { key: number; count: string; gpuModelId: string };

type Props =
  | { mode: "create"; gpuModels: GpuModelOption[]; machine?: undefined }
  | { mode: "edit"; machine: MachineView; gpuModels?: undefined };

/** Field order: the first one with an error gets the focus after a refused save. */
const FIELDS = ["name", "location", "cpuModel", "cores", "threads", "ramGb", "storage", "inServiceAt", "retiredAt", "reservedThreads", "reservedRamGb", "gpus"] as const;
type FieldName = (typeof FIELDS)[number];

const idOf = (field: FieldName) => `machine-${field}`;

function initialValues(machine?: MachineView): Record<FieldName, string> {
  return {
    name: machine?.name ?? "",
    location: machine?.location ?? "",
    cpuModel: machine?.cpuModel ?? "",
    cores: machine ? String(machine.cores) : "",
    threads: machine ? String(machine.threads) : "",
    ramGb: machine ? String(machine.ramGb) : "",
    storage: machine?.storage ?? "",
    inServiceAt: dateToInput(machine?.inServiceAt),
    retiredAt: dateToInput(machine?.retiredAt),
    reservedThreads: String(machine?.reservedThreads ?? 1),
    reservedRamGb: String(machine?.reservedRamGb ?? 8),
    gpus: "",
  };
}

/** A titled group of fields: a heading for the page outline, and a group named after it for screen readers. */
function Section({ title, description, children }: { title: string; description?: string; children: ReactNode }) {
  const headingId = useId();
  return (
    <div role="group" aria-labelledby={headingId} className="grid gap-x-6 gap-y-5 border-t border-slate-200 pt-6 first:border-t-0 first:pt-0 md:grid-cols-3">
      <div>
        <h2 id={headingId} className="text-sm font-semibold text-slate-900">{title}</h2>
        {description && <p className="mt-1 text-sm text-slate-600">{description}</p>}
      </div>
      <div className="grid content-start gap-5 sm:grid-cols-2 md:col-span-2">{children}</div>
    </div>
  );
}

/** Create a machine with its GPUs, or edit an existing machine's specs. Errors show at their field. */
export function MachineForm({ mode, machine, gpuModels }: Props) {
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const [values, setValues] = useState(() => initialValues(machine));
  const [rows, setRows] = useState<GpuRow[]>(() => [{ key: 0, count: "1", gpuModelId: gpuModels?.[0]?.id ?? "" }]);
  const [localErrors, setLocalErrors] = useState<Partial<Record<FieldName, string>>>({});
  const formId = useId();

  const done = (saved: { id: string; name: string }) => {
    toast.success(mode === "create" ? `${saved.name} added` : `${saved.name} saved`);
    router.push(`/inventory/${saved.id}`);
    router.refresh();
  };
  const create = useMutation(trpc.inventory.createMachine.mutationOptions({ onSuccess: done }));
  const update = useMutation(trpc.inventory.updateMachine.mutationOptions({ onSuccess: done }));
  const mutation = mode === "create" ? create : update;
  const server = mutation.error ? formErrors(mutation.error) : undefined;

  const errorOf = (field: FieldName): string | undefined => {
    if (localErrors[field]) return localErrors[field];
    if (!server) return undefined;
    if (field === "gpus") return Object.entries(server.fields).find(([key]) => key === "gpus" || key.startsWith("gpus."))?.[1];
    return server.fields[field];
  };
  const placed = FIELDS.some((field) => errorOf(field));

  useEffect(() => {
    if (!mutation.error && Object.keys(localErrors).length === 0) return;
    const first = FIELDS.find((field) => errorOf(field));
    if (first) document.getElementById(first === "gpus" ? `${idOf("gpus")}-0-count` : idOf(first))?.focus();
    // Focus moves once per refusal, not on every keystroke afterwards.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [mutation.error, localErrors]);

  const set = (field: FieldName) => (event: { target: { value: string } }) => setValues((v) => ({ ...v, [field]: event.target.value }));
  const text = (field: FieldName, label: string, options: { required?: boolean; hint?: string; placeholder?: string; className?: string; mono?: boolean } = {}) => (
    <Field label={label} htmlFor={idOf(field)} hint={options.hint} error={errorOf(field)} required={options.required} className={options.className}>
      <Input id={idOf(field)} value={values[field]} onChange={set(field)} required={options.required} placeholder={options.placeholder} autoComplete="off" className={options.mono ? "font-mono" : undefined} />
    </Field>
  );
  const number = (field: FieldName, label: string, options: { required?: boolean; hint?: string; min: number } = { min: 0 }) => (
    <Field label={label} htmlFor={idOf(field)} hint={options.hint} error={errorOf(field)} required={options.required}>
      <Input id={idOf(field)} type="number" inputMode="numeric" min={options.min} step={1} value={values[field]} onChange={set(field)} required={options.required} />
    </Field>
  );

  const gpuList = rows.flatMap((row) => Array.from({ length: Math.max(0, Math.min(16, Math.floor(Number(row.count) || 0))) }, () => ({ gpuModelId: row.gpuModelId })));
  const gpuCount = mode === "create" ? gpuList.length : machine.gpus.length;
  const profile = defaultSliceProfile({
    machineId: "",
    status: "active",
    threads: Number(values.threads) || 0,
    ramGb: Number(values.ramGb) || 0,
    reservedThreads: Number(values.reservedThreads) || 0,
    reservedRamGb: Number(values.reservedRamGb) || 0,
    gpuIds: Array.from({ length: gpuCount }, (_, i) => String(i)),
  });

  function submit() {
    const missing: Partial<Record<FieldName, string>> = {};
    if (!values.inServiceAt) missing.inServiceAt = "Enter the date the machine went into service.";
    if (mode === "edit" && machine.status === "retired" && !values.retiredAt) missing.retiredAt = "Enter the date the machine was retired.";
    setLocalErrors(missing);
    if (Object.keys(missing).length > 0) return;
    const fields = {
      name: values.name,
      location: values.location,
      cpuModel: values.cpuModel,
      cores: numberFromInput(values.cores),
      threads: numberFromInput(values.threads),
      ramGb: numberFromInput(values.ramGb),
      storage: values.storage,
      inServiceAt: dateFromInput(values.inServiceAt)!,
      reservedThreads: optionalNumberFromInput(values.reservedThreads),
      reservedRamGb: optionalNumberFromInput(values.reservedRamGb),
    };
    if (mode === "create") create.mutate({ ...fields, gpus: gpuList });
    else update.mutate({ machineId: machine.id, ...fields, ...(machine.status === "retired" ? { retiredAt: dateFromInput(values.retiredAt) } : {}) });
  }

  return (
    <ActionForm
      id={formId}
      noValidate
      className="space-y-6 rounded-lg border border-slate-200 bg-white p-5 shadow-xs sm:p-6"
      onSubmit={submit}
    >
      <Section title="Machine" description="The hostname is how people find it (ssh zeus). Hostnames are case-insensitive and stored in lower case.">
        {text("name", "Hostname", { required: true, placeholder: "e.g. zeus", mono: true })}
        {text("location", "Location", { placeholder: "e.g. Office server room, rack 1" })}
      </Section>

      <Section title="Hardware">
        {text("cpuModel", "CPU model", { required: true, placeholder: "e.g. Intel Core i7-7820X", className: "sm:col-span-2" })}
        {number("cores", "Cores", { required: true, min: 1 })}
        {number("threads", "Threads", { required: true, min: 1, hint: "At least the number of cores." })}
        {number("ramGb", "RAM (GB)", { required: true, min: 1 })}
        {text("storage", "Storage", { placeholder: "e.g. 1 TB NVMe SSD + 4 TB HDD" })}
      </Section>

      <Section title="Service">
        <Field label="In service since" htmlFor={idOf("inServiceAt")} error={errorOf("inServiceAt")} required hint="UTC date.">
          <Input id={idOf("inServiceAt")} type="date" value={values.inServiceAt} onChange={set("inServiceAt")} required />
        </Field>
        {mode === "edit" && machine.status === "retired" && (
          <Field label="Retired on" htmlFor={idOf("retiredAt")} error={errorOf("retiredAt")} required hint="After the in-service date.">
            <Input id={idOf("retiredAt")} type="date" value={values.retiredAt} onChange={set("retiredAt")} required />
          </Field>
        )}
      </Section>

      <Section title="Reserved for the system" description="Threads and RAM kept back from slices for the operating system and drivers.">
        {number("reservedThreads", "Reserved threads", { min: 0, hint: "Usually 1." })}
        {number("reservedRamGb", "Reserved RAM (GB)", { min: 0, hint: "Usually 8 GB." })}
      </Section>

      {mode === "create" && (
        <GpuRows rows={rows} setRows={setRows} gpuModels={gpuModels} error={errorOf("gpus")} total={gpuList.length} />
      )}

      <div className="flex flex-col gap-4 border-t border-slate-200 pt-6 sm:flex-row sm:items-center sm:justify-between">
        <p className="text-sm text-slate-700" aria-live="polite">
          {gpuCount > 0 && Number(values.threads) > 0 && Number(values.ramGb) > 0 ? (
            <>
              Default slice per GPU: <strong className="font-semibold text-slate-900">{profile.threads} threads, {profile.ramGb} GB RAM</strong>
            </>
          ) : (
            "Enter threads, RAM and GPUs to see the default slice per GPU."
          )}
        </p>
        <div className="flex justify-end gap-2">
          <ButtonLink href={mode === "create" ? "/inventory" : `/inventory/${machine.id}`} variant="secondary">Cancel</ButtonLink>
          <Button type="submit" loading={mutation.isPending}>{mode === "create" ? "Add machine" : "Save changes"}</Button>
        </div>
      </div>
      {server && (
        <p role="alert" className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">
          {placed ? "Some fields need attention; they are marked above." : server.message}
        </p>
      )}
    </ActionForm>
  );
}

function GpuRows({
  rows,
  setRows,
  gpuModels,
  error,
  total,
}: {
  rows: GpuRow[];
  setRows: (update: (rows: GpuRow[]) => GpuRow[]) => void;
  gpuModels: GpuModelOption[];
  error?: string;
  total: number;
}) {
  const change = (key: number, patch: Partial<GpuRow>) => setRows((list) => list.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  if (gpuModels.length === 0) {
    return (
      <Section title="GPUs">
        <p className="text-sm text-slate-700 sm:col-span-2">
          No GPU models exist yet. <Link href="/inventory/gpu-models" className="font-medium text-indigo-700 underline underline-offset-2">Add a GPU model</Link> first, or add the machine now and its GPUs later.
        </p>
      </Section>
    );
  }
  // Each row's first GPU index: the GPUs of all rows before it.
  const counts = rows.map((row) => Math.max(0, Math.floor(Number(row.count) || 0)));
  const firsts = counts.map((_, i) => counts.slice(0, i).reduce((a, b) => a + b, 0));
  return (
    <Section title="GPUs" description={`Numbered from 0 in the order listed (${total} in all). UUIDs can be added per GPU afterwards.`}>
      <div className="space-y-3 sm:col-span-2">
        {rows.map((row, i) => {
          const first = firsts[i]!;
          const last = first + counts[i]! - 1;
          const range = last > first ? `GPUs ${first}–${last}` : last === first ? `GPU ${first}` : "no GPUs";
          return (
            <div key={row.key} className="flex flex-wrap items-end gap-3">
              <div className="w-24">
                <label htmlFor={`${idOf("gpus")}-${i}-count`} className="mb-1.5 block text-sm font-medium text-slate-800">Count</label>
                <Input id={`${idOf("gpus")}-${i}-count`} type="number" inputMode="numeric" min={0} max={16} step={1} value={row.count} onChange={(e) => change(row.key, { count: e.target.value })} aria-invalid={error ? true : undefined} aria-describedby={error ? `${idOf("gpus")}-error` : undefined} />
              </div>
              <span aria-hidden="true" className="pb-2.5 text-slate-500">×</span>
              <div className="min-w-48 flex-1">
                <label htmlFor={`${idOf("gpus")}-${i}-model`} className="mb-1.5 block text-sm font-medium text-slate-800">GPU model</label>
                <Select id={`${idOf("gpus")}-${i}-model`} value={row.gpuModelId} onChange={(e) => change(row.key, { gpuModelId: e.target.value })}>
                  {gpuModels.map((model) => (
                    <option key={model.id} value={model.id}>{model.name} ({model.vramGb} GB)</option>
                  ))}
                </Select>
              </div>
              <span className="pb-2.5 text-sm text-slate-600">{range}</span>
              {rows.length > 1 && (
                <Button variant="ghost" size="sm" className="mb-1" onClick={() => setRows((list) => list.filter((r) => r.key !== row.key))}>
                  <Trash2 aria-hidden="true" />
                  <span className="sr-only">Remove GPU row {i + 1}</span>
                </Button>
              )}
            </div>
          );
        })}
        <Button variant="secondary" size="sm" onClick={() => setRows((list) => [...list, { key: Math.max(...list.map((r) => r.key)) + 1, count: "1", gpuModelId: gpuModels[0]!.id }])}>
          <Plus aria-hidden="true" />
          Add another GPU model
        </Button>
        <div aria-live="polite">
          {error && (
            <p id={`${idOf("gpus")}-error`} className="text-sm text-red-700">
              GPUs: {error}
            </p>
          )}
        </div>
      </div>
    </Section>
  );
}
