"use client";

import { useMutation } from "@tanstack/react-query";
import type { IdlePolicy, StoredIdlePolicy } from "@/core/idle/policy";
import { describeError } from "@/components/trpc-error";
import { ActionForm } from "@/components/ui/form";
import { useSuccess } from "@/components/use-success";
import { useTRPC } from "@/trpc/react";
import { PolicyFormFooter } from "./policy-form-footer";
import { PolicyNumberFields, type InheritedFrom } from "./policy-parts";
import { IDLE_FIELDS, showMinutes } from "./idle-fields";
import { usePolicyForm } from "./use-policy-form";

/** The fleet's idle policy (no team) or a team's overrides, in the team's Edit dialog. */
export function IdleForm({ team, stored, inherited, inheritedFrom }: { team?: { id: string; name: string }; stored: StoredIdlePolicy | null; inherited: IdlePolicy; inheritedFrom: InheritedFrom }) {
  const trpc = useTRPC();
  const form = usePolicyForm(IDLE_FIELDS, stored);
  const update = useMutation(trpc.enforcement.updateIdlePolicy.mutationOptions({ onSuccess: useSuccess(team ? `Idle policy of ${team.name} saved` : "Fleet idle policy saved", form.saved) }));
  const error = update.error ? describeError(update.error) : undefined;

  return (
    <ActionForm
      noValidate
      className="space-y-5"
      onSubmit={() => {
        // At most a week.
        const values = form.parse((minutes) => (minutes ?? 0) <= 10_080);
        if (values) update.mutate({ teamId: team?.id, values, reason: form.reason.trim() || undefined });
      }}
    >
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <PolicyNumberFields form={form} inherited={(key) => showMinutes(inherited[key])} inheritedFrom={inheritedFrom} zero="off" invalidMessage="must be blank, 0 (off) or whole minutes up to a week" error={error} />
      </div>
      <PolicyFormFooter form={form} error={error} saving={update.isPending} saveLabel={team ? `Save ${team.name}` : "Save fleet idle policy"} />
    </ActionForm>
  );
}
