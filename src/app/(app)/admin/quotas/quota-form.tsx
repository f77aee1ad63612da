"use client";

import { useMutation } from "@tanstack/react-query";
import { useId, useState } from "react";
import type { StoredPolicy } from "@/core/slices/policy";
import { describeError } from "@/components/trpc-error";
import { ActionForm, Field, Select } from "@/components/ui/form";
import { useSuccess } from "@/components/use-success";
import { useTRPC } from "@/trpc/react";
import { PolicyFormFooter } from "./policy-form-footer";
import { EditTeamPolicy, inputText, PolicyNumberFields, sourceOf, type InheritedFrom } from "./policy-parts";
import { LIMIT_FIELDS, parseLimit, showLimit, type LimitKey } from "./quota-fields";

/** What a blank field falls back to: the built-in values for the fleet row, the fleet's for a team. */
type Inherited = { limits: Partial<Record<LimitKey, number | undefined>>; autoApprove: boolean };

export function FleetQuotaForm({ stored, builtIn }: { stored: StoredPolicy | null; builtIn: Inherited }) {
  return <QuotaForm stored={stored} inherited={builtIn} inheritedFrom="built-in" />;
}

export function EditTeamQuotas({ team, stored, inherited }: { team: { id: string; name: string }; stored: StoredPolicy | null; inherited: Inherited }) {
  return (
    <EditTeamPolicy
      team={team}
      what="quotas"
      description="Blank inherits the fleet default; 0 means no limit."
      form={(onDone) => <QuotaForm team={team} stored={stored} inherited={inherited} inheritedFrom="fleet" onDone={onDone} />}
    />
  );
}

const autoText = (value: boolean | null | undefined) => (value === true ? "on" : value === false ? "off" : "");

function QuotaForm({
  team,
  stored,
  inherited,
  inheritedFrom,
  onDone,
}: {
  team?: { id: string; name: string };
  stored: StoredPolicy | null;
  inherited: Inherited;
  inheritedFrom: InheritedFrom;
  onDone?: () => void;
}) {
  const trpc = useTRPC();
  const ids = useId();
  const [limits, setLimits] = useState<Record<LimitKey, string>>(() => Object.fromEntries(LIMIT_FIELDS.map((f) => [f.key, inputText(stored?.[f.key])])) as Record<LimitKey, string>);
  const [autoApprove, setAutoApprove] = useState(autoText(stored?.autoApprove));
  const [reason, setReason] = useState("");
  const [invalid, setInvalid] = useState<LimitKey[]>([]);
  const update = useMutation(
    trpc.quotas.update.mutationOptions({
      onSuccess: useSuccess(team ? `Quotas of ${team.name} saved` : "Fleet defaults saved", () => {
        setReason("");
        onDone?.();
      }),
    }),
  );
  const error = update.error ? describeError(update.error) : undefined;
  const auto = inherited.autoApprove ? "on" : "off";

  return (
    <ActionForm
      noValidate
      className="space-y-5"
      onSubmit={() => {
        const parsed = LIMIT_FIELDS.map((f) => [f.key, parseLimit(limits[f.key])] as const);
        const bad = parsed.filter(([, p]) => !p.ok).map(([key]) => key);
        setInvalid(bad);
        if (bad.length > 0) return;
        const values = Object.fromEntries(parsed.map(([key, p]) => [key, p.ok ? p.value : null])) as Record<LimitKey, number | null>;
        update.mutate({ teamId: team?.id, values: { ...values, autoApprove: autoApprove === "" ? null : autoApprove === "on" }, reason: reason.trim() || undefined });
      }}
    >
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <PolicyNumberFields
          ids={ids}
          fields={LIMIT_FIELDS}
          values={limits}
          onChange={setLimits}
          inherited={(key) => showLimit(inherited.limits[key])}
          inheritedFrom={inheritedFrom}
          zero="no limit"
          invalid={invalid}
          invalidMessage="must be blank, 0 (no limit) or a whole number"
          error={error}
        />
        <Field label="Auto-approve requests that fit" htmlFor={`${ids}-auto`} hint={`Inherit uses the ${sourceOf(inheritedFrom)} (${auto}).`}>
          <Select id={`${ids}-auto`} value={autoApprove} onChange={(e) => setAutoApprove(e.target.value)}>
            <option value="">Inherit ({auto})</option>
            <option value="on">On: approve at once when it fits</option>
            <option value="off">Off: an admin decides</option>
          </Select>
        </Field>
      </div>
      <PolicyFormFooter ids={ids} reason={reason} onReason={setReason} error={error} saving={update.isPending} saveLabel={team ? `Save ${team.name}` : "Save fleet defaults"} onDone={onDone} />
    </ActionForm>
  );
}
