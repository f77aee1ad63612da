"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { describeError } from "@/components/trpc-error";
import { Dialog } from "@/components/ui/dialog";
import { ActionForm, Field, Textarea } from "@/components/ui/form";
import { SubmitRow } from "@/components/ui/submit-row";
import { useSuccess } from "@/components/use-success";
import { useTRPC } from "@/trpc/react";

/** Ends every browser session of a person (a lost laptop, someone leaving); their API tokens are managed apart. */
export function SignOutEverywhereDialog({ user, onClose }: { user: { id: string; name: string }; onClose: () => void }) {
  const trpc = useTRPC();
  const [reason, setReason] = useState("");
  const done = useSuccess(`${user.name} is signed out everywhere`, onClose);
  const signOut = useMutation(trpc.users.signOutEverywhere.mutationOptions({ onSuccess: done }));
  const error = signOut.error ? describeError(signOut.error) : undefined;

  return (
    <Dialog open title={`Sign ${user.name} out everywhere?`} onClose={onClose}>
      <ActionForm
        className="space-y-4 text-left"
        onSubmit={() => signOut.mutate({ userId: user.id, reason: reason.trim() || undefined })}
      >
        <p className="text-sm text-slate-600">
          Every browser session of {user.name} ends at its next request. They can sign in again through the identity provider; to stop that,
          deactivate them.
        </p>
        <Field label="Reason (optional, kept in the audit log)" htmlFor="sign-out-reason" error={error?.field === "reason" ? error.message : undefined}>
          <Textarea id="sign-out-reason" value={reason} onChange={(e) => setReason(e.target.value)} rows={2} />
        </Field>
        {error && error.field !== "reason" && <p role="alert" className="text-sm text-red-700">{error.message}</p>}
        <SubmitRow onCancel={onClose} loading={signOut.isPending} label="Sign out everywhere" variant="danger" />
      </ActionForm>
    </Dialog>
  );
}
