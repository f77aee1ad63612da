"use client";

import { useMutation } from "@tanstack/react-query";
import { useId, useState } from "react";
import { describeRefusal } from "@/components/slices/refusal";
import { RefusalPanel } from "@/components/slices/refusal-panel";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ActionForm, CheckboxLabel, Field, Textarea, toggled } from "@/components/ui/form";
import { useSuccess } from "@/components/use-success";
import { SubmitRow } from "@/components/ui/submit-row";
import { useTRPC } from "@/trpc/react";

type DecisionRequest = {
  sliceId: string;
  machine: string;
  requester: string;
  gpuCount: number;
  machineGpus: { id: string; index: number }[];
  proposedGpuIds: string[];
  quotaOnly: boolean;
  /** The earliest window that fits, worded, for a rejection to suggest. */
  suggestion: string | null;
};

/** Approve with chosen GPUs (the proposed ones preselected), over quota with a written reason, or reject with one. */
export function RequestDecision({ request }: { request: DecisionRequest }) {
  const trpc = useTRPC();
  const ids = useId();
  // The proposal follows the schedule until the admin picks GPUs: approving another request on
  // the same machine refreshes it, and a stale preselection would offer GPUs just taken.
  const [picked, setPicked] = useState<string[] | null>(null);
  const gpuIds = picked ?? request.proposedGpuIds;
  const [override, setOverride] = useState("");
  const [localError, setLocalError] = useState<string | null>(null);
  const [rejecting, setRejecting] = useState(false);
  const approve = useMutation(trpc.slices.approve.mutationOptions({ onSuccess: useSuccess(`Approved: ${request.requester} on ${request.machine}`) }));
  const reject = useMutation(trpc.slices.reject.mutationOptions({ onSuccess: useSuccess(`Rejected: ${request.requester} on ${request.machine}`) }));
  const refusal = approve.error ? describeRefusal(approve.error) : null;
  // The server says when only quotas stand in the way; the form then asks for the override reason.
  const needsOverride = request.quotaOnly || refusal?.field === "overrideReason";
  const chosen = `${gpuIds.length} of ${request.gpuCount} chosen`;

  return (
    <div className="space-y-4 border-t border-slate-200 pt-4">
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">
          Assign {request.gpuCount} GPU{request.gpuCount === 1 ? "" : "s"} on {request.machine} <span className="font-normal text-slate-600">({chosen})</span>
        </legend>
        {request.proposedGpuIds.length === 0 && <p className="mt-1 text-sm text-slate-600">No set of free GPUs was found for this window.</p>}
        <div className="mt-2 flex flex-wrap gap-2">
          {request.machineGpus.map((gpu) => (
            <CheckboxLabel
              key={gpu.id}
              className="rounded-md border border-slate-300 bg-white px-3 py-1.5 has-checked:border-indigo-600 has-checked:bg-indigo-50"
              checked={gpuIds.includes(gpu.id)}
              onChange={(on) => setPicked(toggled(gpuIds, gpu.id, on))}
            >
              GPU {gpu.index}
              {request.proposedGpuIds.includes(gpu.id) && <span className="text-xs text-slate-700">(proposed)</span>}
            </CheckboxLabel>
          ))}
        </div>
      </fieldset>
      {needsOverride && (
        <Field
          label="Override reason (required to approve over quota)"
          htmlFor={`${ids}-override`}
          hint="Kept in the audit log with the quotas it overrides."
          error={localError ?? (refusal?.field === "overrideReason" && refusal.quotas.length === 0 ? refusal.message : undefined)}
          required
        >
          <Textarea id={`${ids}-override`} value={override} onChange={(e) => setOverride(e.target.value)} rows={2} maxLength={500} />
        </Field>
      )}
      {refusal && !(refusal.field === "overrideReason" && refusal.quotas.length === 0) && (
        <RefusalPanel refusal={refusal} title="Not approved" suggestionNote="Only the requester can move the window: reject with this hint, or choose other GPUs." />
      )}
      {!needsOverride && localError && <p role="alert" className="text-sm text-red-700">{localError}</p>}
      <div className="flex flex-wrap justify-end gap-2">
        <Button variant="secondary" onClick={() => setRejecting(true)} aria-label={`Reject the request of ${request.requester} for ${request.machine}`}>
          Reject
        </Button>
        <Button
          loading={approve.isPending}
          aria-label={`${needsOverride ? "Approve over quota" : "Approve"} the request of ${request.requester} for ${request.machine}`}
          onClick={() => {
            if (gpuIds.length !== request.gpuCount) return setLocalError(`Choose exactly ${request.gpuCount} GPU${request.gpuCount === 1 ? "" : "s"} (${chosen}).`);
            if (needsOverride && override.trim().length < 3) return setLocalError("Write why this request may go over quota (at least 3 characters).");
            setLocalError(null);
            approve.mutate({ sliceId: request.sliceId, gpuIds, overrideReason: needsOverride ? override.trim() : undefined });
          }}
        >
          {needsOverride ? "Approve over quota" : "Approve"}
        </Button>
      </div>
      {rejecting && (
        <RejectDialog
          title={`Reject the request of ${request.requester}?`}
          hint={request.suggestion ? `The earliest window that fits is ${request.suggestion}; you may suggest it.` : undefined}
          onClose={() => setRejecting(false)}
          pending={reject.isPending}
          error={reject.error}
          onReject={(reason) => reject.mutate({ sliceId: request.sliceId, reason })}
        />
      )}
    </div>
  );
}

/** Approve or reject a pending extension; an approval over quota asks for the override reason the server wants. */
export function ExtensionDecision({ extension }: { extension: { id: string; requester: string; machine: string } }) {
  const trpc = useTRPC();
  const ids = useId();
  const [override, setOverride] = useState("");
  const [rejecting, setRejecting] = useState(false);
  const [localError, setLocalError] = useState<string | null>(null);
  const decide = useMutation(trpc.slices.decideExtension.mutationOptions({ onSuccess: useSuccess(`Extension approved for ${extension.requester}`) }));
  const reject = useMutation(trpc.slices.decideExtension.mutationOptions({ onSuccess: useSuccess(`Extension rejected for ${extension.requester}`) }));
  const refusal = decide.error ? describeRefusal(decide.error) : null;
  const needsOverride = refusal?.field === "overrideReason";

  return (
    <div className="space-y-4 border-t border-slate-200 pt-4">
      {needsOverride && (
        <Field label="Override reason (required to approve over quota)" htmlFor={`${ids}-override`} hint="Kept in the audit log with the quotas it overrides." error={localError ?? undefined} required>
          <Textarea id={`${ids}-override`} value={override} onChange={(e) => setOverride(e.target.value)} rows={2} maxLength={500} />
        </Field>
      )}
      {refusal && <RefusalPanel refusal={refusal} title={needsOverride ? "Over quota" : "Not approved"} />}
      <div className="flex flex-wrap justify-end gap-2">
        <Button variant="secondary" onClick={() => setRejecting(true)} aria-label={`Reject the extension of ${extension.requester} on ${extension.machine}`}>
          Reject
        </Button>
        <Button
          loading={decide.isPending}
          aria-label={`${needsOverride ? "Approve over quota" : "Approve"} the extension of ${extension.requester} on ${extension.machine}`}
          onClick={() => {
            if (needsOverride && override.trim().length < 3) return setLocalError("Write why this extension may go over quota (at least 3 characters).");
            setLocalError(null);
            decide.mutate({ extensionId: extension.id, approve: true, overrideReason: needsOverride ? override.trim() : undefined });
          }}
        >
          {needsOverride ? "Approve over quota" : "Approve"}
        </Button>
      </div>
      {rejecting && (
        <RejectDialog
          title={`Reject the extension of ${extension.requester}?`}
          onClose={() => setRejecting(false)}
          pending={reject.isPending}
          error={reject.error}
          onReject={(reason) => reject.mutate({ extensionId: extension.id, approve: false, reason })}
        />
      )}
    </div>
  );
}

/** A rejection always says why: the requester reads the reason on their slices page. */
function RejectDialog({
  title,
  hint,
  onClose,
  onReject,
  pending,
  error,
}: {
  title: string;
  hint?: string;
  onClose: () => void;
  onReject: (reason: string) => void;
  pending: boolean;
  error: unknown;
}) {
  const [reason, setReason] = useState("");
  const [tooShort, setTooShort] = useState(false);
  const failure = error ? describeRefusal(error) : null;
  return (
    <Dialog open title={title} description="The requester sees the reason." onClose={onClose}>
      <ActionForm
        className="space-y-4"
        noValidate
        onSubmit={() => {
          const short = reason.trim().length < 3;
          setTooShort(short);
          if (!short) onReject(reason.trim());
        }}
      >
        <Field
          label="Reason"
          htmlFor="reject-reason"
          hint={hint}
          error={tooShort ? "must be at least 3 characters" : failure?.field === "reason" ? failure.message.replace(/^reason: /, "") : undefined}
          required
        >
          <Textarea id="reject-reason" value={reason} onChange={(e) => setReason(e.target.value)} rows={3} maxLength={500} required />
        </Field>
        {failure && failure.field !== "reason" && <p role="alert" className="text-sm text-red-700">{failure.message}</p>}
        <SubmitRow onCancel={onClose} loading={pending} label="Reject" variant="danger" />
      </ActionForm>
    </Dialog>
  );
}
