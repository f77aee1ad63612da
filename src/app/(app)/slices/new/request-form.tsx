"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { describeRefusal } from "@/components/slices/refusal";
import { RefusalPanel } from "@/components/slices/refusal-panel";
import { formatWindow } from "@/components/format";
import { formatDuration } from "@/components/slices/times";
import { useViewerZone } from "@/components/time/zone-context";
import { toInputValue } from "@/core/time/zoned";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { ActionForm, Field, Input, Select, Textarea } from "@/components/ui/form";
import { useToast } from "@/components/ui/toast";
import { useTRPC } from "@/trpc/react";
import { resolveWindow, type WindowFields } from "./request-window";

export interface RequestMachine {
  id: string;
  name: string;
  status: string;
  gpus: string[];
  profile: { threads: number; ramGb: number };
}

const DURATIONS = [
  { label: "4 h", hours: 4 },
  { label: "8 h", hours: 8 },
  { label: "1 day", hours: 24 },
  { label: "3 days", hours: 72 },
  { label: "1 week", hours: 168 },
];
const FORM_FIELDS = ["machineId", "gpuCount", "threads", "ramGb", "start", "end", "purpose", "quotaException"];

/** The clock, read after hydration only (server and browser would disagree), then every 30 s. */
function useNow() {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    const tick = () => setNow(Date.now());
    const first = setTimeout(tick, 0);
    const timer = setInterval(tick, 30_000);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, []);
  return now;
}

export function RequestForm({ machines, initial }: { machines: [RequestMachine, ...RequestMachine[]]; initial: { machineId: string; start: string | null; end: string | null } }) {
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const now = useNow();
  const { zone } = useViewerZone();
  const [machineId, setMachineId] = useState(initial.machineId);
  const [gpuCount, setGpuCount] = useState(1);
  const [threads, setThreads] = useState<string | null>(null);
  const [ramGb, setRamGb] = useState<string | null>(null);
  const [times, setTimes] = useState<WindowFields>(() => ({
    startMode: initial.start ? "at" : "now",
    startAt: initial.start ? toInputValue(Date.parse(initial.start), zone) : "",
    endMode: initial.end ? "at" : "duration",
    durationHours: "4",
    endAt: initial.end ? toInputValue(Date.parse(initial.end), zone) : "",
  }));
  const [purpose, setPurpose] = useState("");
  const [exception, setException] = useState<string | null>(null);
  const [localError, setLocalError] = useState<{ field: string; message: string } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const submitRef = useRef<HTMLButtonElement>(null);

  const machine = machines.find((m) => m.id === machineId) ?? machines[0];
  const defaults = { threads: machine.profile.threads * gpuCount, ramGb: machine.profile.ramGb * gpuCount };
  const request = useMutation(
    trpc.slices.request.mutationOptions({
      onSuccess: (slice) => {
        toast.success(slice.status === "approved" ? `Approved at once: your slice on ${slice.machine.name} is ${slice.state}` : `Request sent for ${slice.machine.name}; an admin will decide`);
        router.push("/slices");
        router.refresh();
      },
    }),
  );
  const refusal = request.error ? describeRefusal(request.error) : null;
  const structured = refusal !== null && refusal.capacity.length + refusal.quotas.length > 0;
  const fieldError = (field: string): string | undefined => {
    if (localError?.field === field) return localError.message;
    if (refusal && !structured && refusal.field === field) return refusal.message.replace(new RegExp(`^${field}: `), "");
    return undefined;
  };

  function update(patch: Partial<WindowFields>) {
    setTimes((w) => ({ ...w, ...patch }));
    setNotice(null);
  }

  function submit(quotaException?: string) {
    const resolved = resolveWindow(times, Date.now(), zone);
    const problem = !resolved.ok ? { field: resolved.field, message: resolved.message } : amountProblem(threads, ramGb) ?? exceptionProblem(quotaException);
    setLocalError(problem);
    if (problem || !resolved.ok) return;
    request.mutate({
      machineId: machine.id,
      gpuCount,
      threads: threads === null ? undefined : Number(threads),
      ramGb: ramGb === null ? undefined : Number(ramGb),
      start: resolved.start ?? undefined,
      end: resolved.end,
      purpose,
      quotaException,
    });
  }

  function applySuggestion(suggestion: { start: Date; end: Date }) {
    const startsNow = suggestion.start.getTime() <= Date.now();
    setTimes((w) => ({
      ...w,
      startMode: startsNow ? "now" : "at",
      startAt: startsNow ? w.startAt : toInputValue(suggestion.start.getTime(), zone),
      exactStart: startsNow ? null : suggestion.start,
      endMode: "at",
      endAt: toInputValue(suggestion.end.getTime(), zone),
      exactEnd: suggestion.end,
    }));
    request.reset();
    setException(null);
    setNotice(`Window set to ${formatWindow(suggestion.start, suggestion.end, zone)}. Check it and press "Request slice".`);
    submitRef.current?.focus();
  }

  const preview = now === null ? null : resolveWindow(times, now, zone);
  const previewText = now !== null && preview?.ok ? windowText(preview.start?.getTime() ?? null, preview.end.getTime(), now, zone) : " ";

  return (
    <Card>
      <CardBody>
        <ActionForm
          noValidate
          className="space-y-6"
          onSubmit={() => submit()}
        >
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label="Machine" htmlFor="machine" error={fieldError("machineId")} required>
              <Select
                id="machine"
                value={machine.id}
                onChange={(e) => {
                  const next = machines.find((m) => m.id === e.target.value);
                  setMachineId(e.target.value);
                  if (next && gpuCount > next.gpus.length) setGpuCount(Math.max(1, next.gpus.length));
                }}
              >
                {machines.map((m) => (
                  <option key={m.id} value={m.id} disabled={m.status !== "active"}>
                    {m.name} · {m.gpus.length} × {m.gpus[0] ?? "GPU"}
                    {m.status !== "active" ? ` (${m.status})` : ""}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label="GPUs" htmlFor="gpu-count" error={fieldError("gpuCount")} hint="Admins assign which ones when they approve." required>
              <Select id="gpu-count" value={gpuCount} onChange={(e) => setGpuCount(Number(e.target.value))}>
                {Array.from({ length: Math.max(1, machine.gpus.length) }, (_, i) => i + 1).map((n) => (
                  <option key={n} value={n}>{n}</option>
                ))}
              </Select>
            </Field>
            <Field
              label="CPU threads"
              htmlFor="threads"
              error={fieldError("threads")}
              hint={<DefaultHint value={defaults.threads} unit="threads" perGpu={machine.profile.threads} overridden={threads !== null} onReset={() => setThreads(null)} />}
            >
              <Input id="threads" type="number" inputMode="numeric" min={0} step={1} value={threads ?? String(defaults.threads)} onChange={(e) => setThreads(e.target.value)} />
            </Field>
            <Field
              label="RAM (GB)"
              htmlFor="ram"
              error={fieldError("ramGb")}
              hint={<DefaultHint value={defaults.ramGb} unit="GB" perGpu={machine.profile.ramGb} overridden={ramGb !== null} onReset={() => setRamGb(null)} />}
            >
              <Input id="ram" type="number" inputMode="numeric" min={0} step={1} value={ramGb ?? String(defaults.ramGb)} onChange={(e) => setRamGb(e.target.value)} />
            </Field>
          </div>

          <div className="grid gap-4 sm:grid-cols-2">
            <Choice
              legend="Start"
              name="start-mode"
              value={times.startMode}
              options={[
                { value: "now", label: "Now" },
                { value: "at", label: "At a set time" },
              ]}
              onChange={(value) => update({ startMode: value as WindowFields["startMode"] })}
            >
              {times.startMode === "at" && (
                <Field label={`Start time (${zone})`} htmlFor="start-at" error={fieldError("start")} hint={`Date and time in ${zone}.`}>
                  <Input id="start-at" type="datetime-local" value={times.startAt} onChange={(e) => update({ startAt: e.target.value, exactStart: null })} />
                </Field>
              )}
              {times.startMode === "now" && fieldError("start") && <p className="text-sm text-red-700">{fieldError("start")}</p>}
            </Choice>
            <Choice
              legend="End"
              name="end-mode"
              value={times.endMode}
              options={[
                { value: "duration", label: "After a duration" },
                { value: "at", label: "At a set time" },
              ]}
              onChange={(value) => update({ endMode: value as WindowFields["endMode"] })}
            >
              {times.endMode === "duration" ? (
                <>
                  <Field label="Duration (hours)" htmlFor="duration" error={fieldError("end")}>
                    <Input id="duration" type="number" inputMode="decimal" min={0.25} step={0.25} value={times.durationHours} onChange={(e) => update({ durationHours: e.target.value })} />
                  </Field>
                  <div className="flex flex-wrap gap-1.5" role="group" aria-label="Common durations">
                    {DURATIONS.map((d) => (
                      <button
                        key={d.hours}
                        type="button"
                        aria-pressed={Number(times.durationHours) === d.hours}
                        onClick={() => update({ durationHours: String(d.hours) })}
                        className="rounded-md border border-slate-300 px-2 py-0.5 text-xs font-medium text-slate-700 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-indigo-600 aria-pressed:border-indigo-600 aria-pressed:bg-indigo-50 aria-pressed:text-indigo-800"
                      >
                        {d.label}
                      </button>
                    ))}
                  </div>
                </>
              ) : (
                <Field label={`End time (${zone})`} htmlFor="end-at" error={fieldError("end")} hint={`Date and time in ${zone}.`}>
                  <Input id="end-at" type="datetime-local" value={times.endAt} onChange={(e) => update({ endAt: e.target.value, exactEnd: null })} />
                </Field>
              )}
            </Choice>
          </div>
          <p className="text-sm text-slate-700" aria-live="polite">
            {previewText}
          </p>

          <Field label="Purpose" htmlFor="purpose" error={fieldError("purpose")} hint="What the GPUs are for, e.g. “fine-tune the ResNet-50 baseline”." required>
            <Textarea id="purpose" value={purpose} onChange={(e) => setPurpose(e.target.value)} rows={2} maxLength={500} required />
          </Field>

          {notice && (
            <p role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
              {notice}
            </p>
          )}
          {refusal && (structured || !FORM_FIELDS.includes(refusal.field ?? "")) && (
            <RefusalPanel refusal={refusal} onUseSuggestion={applySuggestion}>
              {refusal.quotaOnly && exception === null && (
                <Button size="sm" variant="secondary" onClick={() => setException("")}>
                  Ask an admin for an exception
                </Button>
              )}
            </RefusalPanel>
          )}
          {exception !== null && (
            <div className="space-y-3 rounded-lg border border-amber-300 bg-amber-50 p-4">
              <Field
                label="Why do you need more than your quota?"
                htmlFor="quota-exception"
                hint="An admin reads this before approving over quota; it is kept in the audit log."
                error={fieldError("quotaException")}
                required
              >
                <Textarea id="quota-exception" value={exception} onChange={(e) => setException(e.target.value)} rows={2} maxLength={500} autoFocus />
              </Field>
              <Button loading={request.isPending} onClick={() => submit(exception)}>
                Send to an admin as an exception
              </Button>
            </div>
          )}

          <div className="flex flex-wrap justify-end gap-2 border-t border-slate-200 pt-4">
            <ButtonLink variant="secondary" href="/slices">Cancel</ButtonLink>
            <Button ref={submitRef} type="submit" loading={request.isPending && exception === null}>Request slice</Button>
          </div>
        </ActionForm>
      </CardBody>
    </Card>
  );
}

const WHOLE = /^\d+$/;

function amountProblem(threads: string | null, ramGb: string | null) {
  if (threads !== null && !WHOLE.test(threads.trim())) return { field: "threads", message: "must be a whole number, 0 or more" };
  if (ramGb !== null && !WHOLE.test(ramGb.trim())) return { field: "ramGb", message: "must be a whole number of GB, 0 or more" };
  return null;
}

function exceptionProblem(quotaException: string | undefined) {
  return quotaException !== undefined && quotaException.trim().length < 3 ? { field: "quotaException", message: "must say in a few words why you need more" } : null;
}

function windowText(start: number | null, end: number, now: number, zone: string) {
  const from = start ?? now;
  return `Window: ${formatWindow(from, end, zone)} (${formatDuration(end - from)})${start === null ? ", starting now" : ""}.`;
}

function DefaultHint({ value, unit, perGpu, overridden, onReset }: { value: number; unit: string; perGpu: number; overridden: boolean; onReset: () => void }) {
  return (
    <>
      Default {value} {unit} ({perGpu} per GPU, the machine&apos;s profile).{" "}
      {overridden && (
        <button type="button" onClick={onReset} className="font-medium text-indigo-700 underline hover:text-indigo-900">
          Use the default
        </button>
      )}
    </>
  );
}

function Choice({
  legend,
  name,
  value,
  options,
  onChange,
  children,
}: {
  legend: string;
  name: string;
  value: string;
  options: { value: string; label: string }[];
  onChange: (value: string) => void;
  children: ReactNode;
}) {
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      <div className="flex flex-wrap gap-x-5 gap-y-2">
        {options.map((option) => (
          <label key={option.value} className="flex items-center gap-2 text-sm text-slate-800">
            <input type="radio" name={name} value={option.value} checked={value === option.value} onChange={() => onChange(option.value)} className="size-4 accent-indigo-600" />
            {option.label}
          </label>
        ))}
      </div>
      {children}
    </fieldset>
  );
}
