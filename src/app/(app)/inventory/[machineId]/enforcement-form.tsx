"use client";

import { useMutation } from "@tanstack/react-query";
import { useId, useState } from "react";
import type { EnforcementMode } from "@/core/enforcement/types";
import { describeError } from "@/components/trpc-error";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ActionForm, Field, Input, Select } from "@/components/ui/form";
import { useTRPC } from "@/trpc/react";
import { MODE_TEXT } from "./mode-text";
import { useSuccess } from "@/components/use-success";


const whole = (text: string) => (/^\d{1,4}$/.test(text.trim()) ? Number(text.trim()) : undefined);

/** An admin's change of the machine's mode and login profile, with an optional reason for the audit log. */
export function EnforcementForm({ machine, current }: { machine: { id: string; name: string }; current: { mode: EnforcementMode; loginThreads: number; loginRamGb: number } }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)}>
        Change mode
      </Button>
      {open && (
        <Dialog open title={`Enforcement on ${machine.name}`} description="What the machine's agent does with the schedule." onClose={() => setOpen(false)} size="lg">
          <ModeForm machine={machine} current={current} onDone={() => setOpen(false)} />
        </Dialog>
      )}
    </>
  );
}

function ModeForm({ machine, current, onDone }: { machine: { id: string; name: string }; current: { mode: EnforcementMode; loginThreads: number; loginRamGb: number }; onDone: () => void }) {
  const trpc = useTRPC();
  const ids = useId();
  const [mode, setMode] = useState<EnforcementMode>(current.mode);
  const [threads, setThreads] = useState(String(current.loginThreads));
  const [ram, setRam] = useState(String(current.loginRamGb));
  const [reason, setReason] = useState("");
  const [invalid, setInvalid] = useState<string[]>([]);
  const save = useMutation(
    trpc.enforcement.setMode.mutationOptions({
      onSuccess: useSuccess((result) => `${machine.name} is in ${MODE_TEXT[result.mode].label.toLowerCase()} mode`, onDone),
    }),
  );
  const error = save.error ? describeError(save.error) : undefined;
  const fieldError = (field: string) => (invalid.includes(field) ? "must be a whole number, 1 or more" : error?.field === field ? error.message : undefined);

  return (
    <ActionForm
      noValidate
      className="space-y-4"
      onSubmit={() => {
        const loginThreads = whole(threads);
        const loginRamGb = whole(ram);
        const bad = [!loginThreads && "loginThreads", !loginRamGb && "loginRamGb"].filter((f): f is string => Boolean(f));
        setInvalid(bad);
        if (bad.length) return;
        save.mutate({ machineId: machine.id, mode, loginThreads, loginRamGb, reason: reason.trim() || undefined });
      }}
    >
      <Field label="Mode" htmlFor={`${ids}-mode`} hint={MODE_TEXT[mode].explain}>
        <Select id={`${ids}-mode`} value={mode} onChange={(e) => setMode(e.target.value as EnforcementMode)}>
          {(Object.keys(MODE_TEXT) as EnforcementMode[]).map((m) => (
            <option key={m} value={m}>
              {MODE_TEXT[m].label}
            </option>
          ))}
        </Select>
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Without a slice: threads" htmlFor={`${ids}-threads`} hint="Taken from the machine's reserved threads." error={fieldError("loginThreads")}>
          <Input id={`${ids}-threads`} inputMode="numeric" value={threads} onChange={(e) => setThreads(e.target.value)} />
        </Field>
        <Field label="Without a slice: RAM (GB)" htmlFor={`${ids}-ram`} hint="Within the machine's reserved RAM; no GPU." error={fieldError("loginRamGb")}>
          <Input id={`${ids}-ram`} inputMode="numeric" value={ram} onChange={(e) => setRam(e.target.value)} />
        </Field>
      </div>
      <Field label="Reason (optional, kept in the audit log)" htmlFor={`${ids}-reason`} error={error?.field === "reason" ? error.message : undefined}>
        <Input id={`${ids}-reason`} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} />
      </Field>
      {error && !["loginThreads", "loginRamGb", "reason"].includes(error.field ?? "") && <p role="alert" className="text-sm text-red-700">{error.message}</p>}
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit" loading={save.isPending}>Save</Button>
      </div>
    </ActionForm>
  );
}

/** Exempts a slice from idle reclaim, or lifts the exemption; asks why, for the audit log. */
export function IdleExemptButton({ slice }: { slice: { id: string; holder: string; idleExempt: boolean } }) {
  const trpc = useTRPC();
  const ids = useId();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const change = useMutation(
    trpc.enforcement.setIdleExempt.mutationOptions({
      onSuccess: useSuccess(slice.idleExempt ? `${slice.holder}'s slice can be reclaimed again when idle` : `${slice.holder}'s slice is exempt from idle reclaim`, () => setOpen(false)),
    }),
  );
  const error = change.error ? describeError(change.error) : undefined;
  const verb = slice.idleExempt ? "Lift exemption" : "Exempt from idle reclaim";
  return (
    <>
      <Button size="sm" variant="secondary" onClick={() => setOpen(true)} aria-label={`${verb}: ${slice.holder}'s slice`}>
        {slice.idleExempt ? "Lift exemption" : "Exempt"}
      </Button>
      {open && (
        <Dialog open title={`${verb}?`} description={`${slice.holder}'s slice.`} onClose={() => setOpen(false)}>
          <ActionForm
            noValidate
            className="space-y-4"
            onSubmit={() => change.mutate({ sliceId: slice.id, exempt: !slice.idleExempt, reason })}
          >
            <Field label="Reason (kept in the audit log)" htmlFor={`${ids}-reason`} error={error?.message}>
              <Input id={`${ids}-reason`} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} placeholder="e.g. loading a 2 TB dataset before training" />
            </Field>
            <div className="flex justify-end gap-2">
              <Button variant="secondary" onClick={() => setOpen(false)}>
                Cancel
              </Button>
              <Button type="submit" loading={change.isPending}>{verb}</Button>
            </div>
          </ActionForm>
        </Dialog>
      )}
    </>
  );
}
