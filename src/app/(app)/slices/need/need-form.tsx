"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { formatWindow } from "@/components/format";
import { useViewerZone } from "@/components/time/zone-context";
import { fromInputValue } from "@/core/time/zoned";
import { describeError } from "@/components/trpc-error";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { ActionForm, CheckboxLabel, Field, Input, Select, Textarea, toggled } from "@/components/ui/form";
import { useToast } from "@/components/ui/toast";
import { useTRPC } from "@/trpc/react";
import type { RouterInputs } from "@/trpc/types";
import { VerdictList } from "./verdict-list";

type NeedInput = RouterInputs["waitlist"]["request"];
const KINDS = [
  { value: "training", label: "Training", hint: "a run that ends" },
  { value: "interactive", label: "Interactive", hint: "notebooks, debugging" },
  { value: "serving", label: "Serving", hint: "a model answering users around the clock; its own team quota" },
] as const;

export function NeedForm({ models, memories }: { models: { name: string; vramGb: number }[]; memories: number[] }) {
  const trpc = useTRPC();
  const { zone } = useViewerZone();
  const instant = (value: string) => {
    const at = fromInputValue(value, zone);
    return at === null ? undefined : new Date(at);
  };
  const router = useRouter();
  const toast = useToast();
  const [gpuCount, setGpuCount] = useState("1");
  const [memory, setMemory] = useState("");
  const [accepted, setAccepted] = useState<string[]>([]);
  const [hours, setHours] = useState("8");
  const [startAt, setStartAt] = useState("");
  const [latestEnd, setLatestEnd] = useState("");
  const [purpose, setPurpose] = useState("");
  const [kind, setKind] = useState<NeedInput["kind"]>("training");
  const [waitlist, setWaitlist] = useState(true);

  const preview = useMutation(trpc.waitlist.preview.mutationOptions());
  const request = useMutation(
    trpc.waitlist.request.mutationOptions({
      onSuccess: (result) => {
        if (result.outcome === "placed") {
          toast.success(result.slice.status === "approved" ? `Placed on ${result.slice.machine.name}: ${formatWindow(result.slice.start, result.slice.end, zone)}` : `Request sent for ${result.slice.machine.name}; an admin will decide`);
          router.push("/slices");
          router.refresh();
        }
      },
    }),
  );

  const input = (): NeedInput => ({
    gpuCount: Number(gpuCount),
    minGpuMemoryGb: memory ? Number(memory) : undefined,
    gpuModels: accepted.length > 0 ? accepted : undefined,
    durationHours: Number(hours),
    earliestStart: startAt ? instant(startAt) : undefined,
    latestEnd: latestEnd ? instant(latestEnd) : undefined,
    purpose,
    kind,
    waitlist,
  });
  const error = request.error ?? preview.error;
  const problem = error ? describeError(error) : null;
  const fieldError = (field: string) => (problem?.field === field ? problem.message.replace(new RegExp(`^${field}: `), "") : undefined);
  const verdicts = request.data?.verdicts ?? preview.data?.verdicts ?? null;
  const waiting = request.data?.outcome === "waiting" ? request.data.waiting : null;

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_24rem]">
      <Card>
        <CardBody>
          <ActionForm
            noValidate
            className="space-y-6"
            onSubmit={() => request.mutate(input())}
          >
            <div className="grid gap-4 sm:grid-cols-3">
              <Field label="GPUs" htmlFor="need-gpus" error={fieldError("gpuCount")} hint="On one machine." required>
                <Input id="need-gpus" type="number" min={1} step={1} value={gpuCount} onChange={(e) => setGpuCount(e.target.value)} />
              </Field>
              <Field label="Memory per GPU, at least" htmlFor="need-memory" error={fieldError("minGpuMemoryGb")}>
                <Select id="need-memory" value={memory} onChange={(e) => setMemory(e.target.value)}>
                  <option value="">Any</option>
                  {[...new Set([...memories, 16, 20, 24, 32, 48])].sort((a, b) => a - b).map((gb) => (
                    <option key={gb} value={gb}>{gb} GB</option>
                  ))}
                </Select>
              </Field>
              <Field label="For (hours)" htmlFor="need-hours" error={fieldError("durationHours")} required>
                <Input id="need-hours" type="number" min={0.25} step={0.25} value={hours} onChange={(e) => setHours(e.target.value)} />
              </Field>
            </div>
            <fieldset>
              <legend className="text-sm font-medium text-slate-900">Acceptable GPU models</legend>
              <p className="text-sm text-slate-600">None ticked: any model with enough memory.</p>
              <div className="mt-2 flex flex-wrap gap-x-5 gap-y-2">
                {models.map((m) => (
                  <CheckboxLabel key={m.name} checked={accepted.includes(m.name)} onChange={(on) => setAccepted((a) => toggled(a, m.name, on))}>
                    {m.name} ({m.vramGb} GB)
                  </CheckboxLabel>
                ))}
              </div>
            </fieldset>
            <div className="grid gap-4 sm:grid-cols-2">
              <Field label="Earliest start" htmlFor="need-start" error={fieldError("earliestStart")} hint="Empty: as soon as possible.">
                <Input id="need-start" type="datetime-local" value={startAt} onChange={(e) => setStartAt(e.target.value)} />
              </Field>
              <Field label="Latest end" htmlFor="need-end" error={fieldError("latestEnd")} hint="Optional: it must be done by then.">
                <Input id="need-end" type="datetime-local" value={latestEnd} onChange={(e) => setLatestEnd(e.target.value)} />
              </Field>
            </div>
            <Field label="Kind of work" htmlFor="need-kind" hint={KINDS.find((k) => k.value === kind)?.hint}>
              <Select id="need-kind" value={kind} onChange={(e) => setKind(e.target.value as NeedInput["kind"])}>
                {KINDS.map((k) => (
                  <option key={k.value} value={k.value}>{k.label}</option>
                ))}
              </Select>
            </Field>
            <Field label="Purpose" htmlFor="need-purpose" error={fieldError("purpose")} hint="What the GPUs are for." required>
              <Textarea id="need-purpose" rows={2} maxLength={500} value={purpose} onChange={(e) => setPurpose(e.target.value)} />
            </Field>
            <label className="flex items-start gap-2 text-sm text-slate-800">
              <input type="checkbox" className="mt-0.5 size-4 rounded border-slate-300" checked={waitlist} onChange={(e) => setWaitlist(e.target.checked)} />
              <span>
                <span className="font-medium">As soon as possible: wait in the queue if nothing fits now.</span>{" "}
                Unticked, the portal books the earliest window it finds instead.
              </span>
            </label>
            {problem && !["gpuCount", "minGpuMemoryGb", "durationHours", "earliestStart", "latestEnd", "purpose"].includes(problem.field ?? "") && (
              <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900">{problem.message}</p>
            )}
            <div className="flex flex-wrap gap-2">
              <Button type="submit" disabled={request.isPending}>{request.isPending ? "Placing…" : "Request"}</Button>
              <Button type="button" variant="secondary" disabled={preview.isPending} onClick={() => { request.reset(); preview.mutate(input()); }}>
                Check where it would go
              </Button>
            </div>
          </ActionForm>
        </CardBody>
      </Card>
      <div className="space-y-4">
        {waiting && (
          <Card role="status" aria-labelledby="waiting-title">
            <CardHeader title={<span id="waiting-title">You are number {waiting.position} of {waiting.queueLength} in the queue</span>} description={waiting.need} />
            <CardBody className="space-y-3 text-sm text-slate-700">
              <p>{waiting.estimatedStart ? `Estimated start: ${formatWindow(waiting.estimatedStart, new Date(waiting.estimatedStart.getTime() + waiting.durationHours * 3_600_000), zone)}, sooner if someone releases early.` : "No estimate yet: nothing in the schedule ends in time."}</p>
              <p>You will be placed the moment capacity frees; your place and the outcome show under My slices.</p>
              <ButtonLink href="/slices" size="sm" variant="secondary">Go to My slices</ButtonLink>
            </CardBody>
          </Card>
        )}
        <Card aria-labelledby="verdicts-title">
          <CardHeader title={<span id="verdicts-title">Where it would go</span>} description={preview.data?.placement ? `Earliest: ${formatWindow(preview.data.placement.start, preview.data.placement.end, zone)} on ${preview.data.placement.machineName}.` : "Check a need to see each machine's answer."} />
          <CardBody>{verdicts ? <VerdictList verdicts={verdicts} /> : <p className="text-sm text-slate-600">Each machine says why it would or would not be chosen: memory, free GPUs, the earliest start, stranded resources, then cost.</p>}</CardBody>
        </Card>
      </div>
    </div>
  );
}
