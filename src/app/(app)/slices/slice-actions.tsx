"use client";

import { useMutation } from "@tanstack/react-query";
import { useSearchParams } from "next/navigation";
import { useState } from "react";
import { formatDateTime } from "@/components/format";
import { describeRefusal } from "@/components/slices/refusal";
import { RefusalPanel } from "@/components/slices/refusal-panel";
import type { SliceState } from "@/components/slices/slice-state-badge";
import { MS_PER_HOUR } from "@/components/slices/times";
import { useViewerZone } from "@/components/time/zone-context";
import { fromInputValue, toInputValue } from "@/core/time/zoned";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ActionForm, Field, Input, Textarea } from "@/components/ui/form";
import { SubmitRow } from "@/components/ui/submit-row";
import { useSuccess } from "@/components/use-success";
import { useTRPC } from "@/trpc/react";

type ActionSlice = { id: string; machine: string; state: SliceState; effectiveEnd: Date; gpus: string; gpuCount: number; hasPendingExtension: boolean };
type Open = "release" | "cancel" | "extend" | null;

/** Release (active), cancel (pending or upcoming) and ask for an extension (active or upcoming), each behind a dialog. */
export function SliceActions({ slice }: { slice: ActionSlice }) {
  const canExtend = (slice.state === "active" || slice.state === "upcoming") && !slice.hasPendingExtension;
  // "Ends in 30 minutes" messages link to /slices?extend=<id>: that slice's extension dialog opens.
  const extendRequested = useSearchParams().get("extend") === slice.id;
  const [open, setOpen] = useState<Open>(extendRequested && canExtend ? "extend" : null);
  const close = () => setOpen(null);
  if (slice.state !== "active" && slice.state !== "upcoming" && slice.state !== "pending") return null;
  return (
    <div className="flex shrink-0 flex-wrap gap-2">
      {slice.state === "active" && (
        <Button size="sm" variant="secondary" onClick={() => setOpen("release")} aria-label={`Release slice on ${slice.machine}`}>
          Release
        </Button>
      )}
      {canExtend && (
        <Button size="sm" variant="secondary" onClick={() => setOpen("extend")} aria-label={`Ask for extension of the slice on ${slice.machine}`}>
          Ask for extension
        </Button>
      )}
      {(slice.state === "pending" || slice.state === "upcoming") && (
        <Button size="sm" variant="secondary" onClick={() => setOpen("cancel")} aria-label={`${slice.state === "pending" ? "Withdraw request" : "Cancel slice"} on ${slice.machine}`}>
          {slice.state === "pending" ? "Withdraw" : "Cancel"}
        </Button>
      )}
      {open === "release" && <ReleaseDialog slice={slice} onClose={close} />}
      {open === "cancel" && <CancelDialog slice={slice} onClose={close} />}
      {open === "extend" && <ExtendDialog slice={slice} onClose={close} />}
    </div>
  );
}

function ReleaseDialog({ slice, onClose }: { slice: ActionSlice; onClose: () => void }) {
  const trpc = useTRPC();
  const release = useMutation(trpc.slices.release.mutationOptions({ onSuccess: useSuccess(`Slice on ${slice.machine} released`, onClose) }));
  return (
    <Dialog open title={`Release your slice on ${slice.machine}?`} onClose={onClose} size="sm">
      <p className="text-sm text-slate-700">
        It ends now and {slice.gpus} become{slice.gpuCount === 1 ? "s" : ""} free for everyone at once. This cannot be undone.
      </p>
      {release.error && <p role="alert" className="mt-3 text-sm text-red-700">{describeRefusal(release.error).message}</p>}
      <div className="mt-5 flex justify-end gap-2">
        <Button variant="secondary" onClick={onClose}>Keep it</Button>
        <Button variant="danger" loading={release.isPending} onClick={() => release.mutate({ sliceId: slice.id })}>Release now</Button>
      </div>
    </Dialog>
  );
}

function CancelDialog({ slice, onClose }: { slice: ActionSlice; onClose: () => void }) {
  const trpc = useTRPC();
  const [reason, setReason] = useState("");
  const pending = slice.state === "pending";
  const cancel = useMutation(trpc.slices.cancel.mutationOptions({ onSuccess: useSuccess(pending ? "Request withdrawn" : "Slice cancelled", onClose) }));
  const error = cancel.error ? describeRefusal(cancel.error) : undefined;
  return (
    <Dialog open title={pending ? `Withdraw your request for ${slice.machine}?` : `Cancel your slice on ${slice.machine}?`} onClose={onClose} size="sm">
      <ActionForm
        className="space-y-4"
        onSubmit={() => cancel.mutate({ sliceId: slice.id, reason: reason.trim() || undefined })}
      >
        <Field label="Reason (optional, kept in the audit log)" htmlFor="cancel-reason" error={error?.field === "reason" ? error.message : undefined}>
          <Textarea id="cancel-reason" value={reason} onChange={(e) => setReason(e.target.value)} rows={2} maxLength={500} />
        </Field>
        {error && error.field !== "reason" && <p role="alert" className="text-sm text-red-700">{error.message}</p>}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>Keep it</Button>
          <Button type="submit" variant="danger" loading={cancel.isPending}>{pending ? "Withdraw request" : "Cancel slice"}</Button>
        </div>
      </ActionForm>
    </Dialog>
  );
}

function ExtendDialog({ slice, onClose }: { slice: ActionSlice; onClose: () => void }) {
  const trpc = useTRPC();
  const { zone } = useViewerZone();
  // Rounded up to the minute the field edits, so the proposal is never a few seconds short of 4 h.
  const [end, setEnd] = useState(() => toInputValue(Math.ceil((slice.effectiveEnd.getTime() + 4 * MS_PER_HOUR) / 60_000) * 60_000, zone));
  const [reason, setReason] = useState("");
  const [endError, setEndError] = useState<string>();
  const extend = useMutation(trpc.slices.requestExtension.mutationOptions({ onSuccess: useSuccess("Extension asked; an admin will decide", onClose) }));
  const error = extend.error ? describeRefusal(extend.error) : undefined;
  // Reasons from the capacity check go to the panel; a plain bad field goes under its field.
  const structured = error !== undefined && error.capacity.length + error.quotas.length > 0;
  const fieldError = (name: string) => (!structured && error?.field === name ? error.message : undefined);
  return (
    <Dialog open title={`Extend your slice on ${slice.machine}`} description={`It ends ${formatDateTime(slice.effectiveEnd, zone)}. An admin decides on the new end.`} onClose={onClose}>
      <ActionForm
        className="space-y-4"
        onSubmit={() => {
          const endMs = fromInputValue(end, zone);
          if (endMs === null) return setEndError("must be a date and time");
          const newEnd = new Date(endMs);
          if (newEnd <= slice.effectiveEnd) return setEndError(`must be after the current end (${formatDateTime(slice.effectiveEnd, zone)})`);
          setEndError(undefined);
          extend.mutate({ sliceId: slice.id, end: newEnd, reason });
        }}
      >
        <Field label={`New end (${zone})`} htmlFor="extend-end" hint={`Date and time in ${zone}.`} error={endError ?? fieldError("end")} required>
          <Input id="extend-end" type="datetime-local" value={end} onChange={(e) => setEnd(e.target.value)} required />
        </Field>
        <Field label="Why do you need longer?" htmlFor="extend-reason" error={fieldError("reason")} required>
          <Textarea id="extend-reason" value={reason} onChange={(e) => setReason(e.target.value)} rows={2} required minLength={3} maxLength={500} />
        </Field>
        {error && (structured || (error.field !== "end" && error.field !== "reason")) && <RefusalPanel refusal={error} title="The extension cannot be asked for" />}
        <SubmitRow onCancel={onClose} loading={extend.isPending} label="Ask for extension" />
      </ActionForm>
    </Dialog>
  );
}
