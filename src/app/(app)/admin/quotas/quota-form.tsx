"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import type { StoredPolicy } from "@/core/slices/policy";
import { describeError } from "@/components/trpc-error";
import { ActionForm, Field, Select } from "@/components/ui/form";
import { useSuccess } from "@/components/use-success";
import { useTRPC } from "@/trpc/react";
import { PolicyFormFooter } from "./policy-form-footer";
import { PolicyNumberFields, sourceOf, type InheritedFrom } from "./policy-parts";
import { LIMIT_FIELDS, showLimit, type LimitKey } from "./quota-fields";
import { usePolicyForm } from "./use-policy-form";

/** What a blank field falls back to: the built-in values for the fleet row, the fleet's for a team. */
type Inherited = { limits: Partial<Record<LimitKey, number | undefined>>; autoApprove: boolean };

const autoText = (value: boolean | null | undefined) => (value === true ? "on" : value === false ? "off" : "");

/** The fleet defaults (no team) or a team's overrides, in the team's Edit dialog. */
export function QuotaForm({ team, stored, inherited, inheritedFrom }: { team?: { id: string; name: string }; stored: StoredPolicy | null; inherited: Inherited; inheritedFrom: InheritedFrom }) {
  const trpc = useTRPC();
  const form = usePolicyForm(LIMIT_FIELDS, stored);
  const { ids } = form;
  const [autoApprove, setAutoApprove] = useState(autoText(stored?.autoApprove));
  const update = useMutation(trpc.quotas.update.mutationOptions({ onSuccess: useSuccess(team ? `Quotas of ${team.name} saved` : "Fleet defaults saved", form.saved) }));
  const error = update.error ? describeError(update.error) : undefined;
  const auto = inherited.autoApprove ? "on" : "off";

  return (
    <ActionForm
      noValidate
      className="space-y-5"
      onSubmit={() => {
        const limits = form.parse();
        if (limits) update.mutate({ teamId: team?.id, values: { ...limits, autoApprove: autoApprove === "" ? null : autoApprove === "on" }, reason: form.reason.trim() || undefined });
      }}
    >
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <PolicyNumberFields form={form} inherited={(key) => showLimit(inherited.limits[key])} inheritedFrom={inheritedFrom} zero="no limit" invalidMessage="must be blank, 0 (no limit) or a whole number" error={error} />
        <Field label="Auto-approve requests that fit" htmlFor={`${ids}-auto`} hint={`Inherit uses the ${sourceOf(inheritedFrom)} (${auto}).`}>
          <Select id={`${ids}-auto`} value={autoApprove} onChange={(e) => setAutoApprove(e.target.value)}>
            <option value="">Inherit ({auto})</option>
            <option value="on">On: approve at once when it fits</option>
            <option value="off">Off: an admin decides</option>
          </Select>
        </Field>
      </div>
      <PolicyFormFooter form={form} error={error} saving={update.isPending} saveLabel={team ? `Save ${team.name}` : "Save fleet defaults"} />
    </ActionForm>
  );
}
