"use client";

import { useMutation } from "@tanstack/react-query";
import { useId, useState } from "react";
import type { StoredPolicy } from "@/core/slices/policy";
import { describeError } from "@/components/trpc-error";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ActionForm, Field, Input, Select } from "@/components/ui/form";
import { useTRPC } from "@/trpc/react";
import { PolicyFormFooter } from "./policy-form-footer";
import { LIMIT_FIELDS, parseLimit, showLimit, type LimitKey } from "./quota-fields";
import { useSuccess } from "@/components/use-success";

/** What a blank field falls back to: the built-in values for the fleet row, the fleet's for a team. */
type Inherited = { limits: Partial<Record<LimitKey, number | undefined>>; autoApprove: boolean };

export function FleetQuotaForm({ stored, builtIn }: { stored: StoredPolicy | null; builtIn: Inherited }) {
  return <QuotaForm stored={stored} inherited={builtIn} inheritedFrom="built-in" />;
}

export function EditTeamQuotas({ team, stored, inherited }: { team: { id: string; name: string }; stored: StoredPolicy | null; inherited: Inherited }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="sm" variant="secondary" onClick={() => setOpen(true)} aria-label={`Edit the quotas of ${team.name}`}>
        Edit
      </Button>
      {open && (
        <Dialog open title={`Quotas of ${team.name}`} description="Blank inherits the fleet default; 0 means no limit." onClose={() => setOpen(false)} size="lg" className="text-left">
          <QuotaForm team={team} stored={stored} inherited={inherited} inheritedFrom="fleet" onDone={() => setOpen(false)} />
        </Dialog>
      )}
    </>
  );
}

const text = (value: number | null | undefined) => (value === null || value === undefined ? "" : String(value));
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
  inheritedFrom: "built-in" | "fleet";
  onDone?: () => void;
}) {
  const trpc = useTRPC();
  const ids = useId();
  const [limits, setLimits] = useState<Record<LimitKey, string>>(() => Object.fromEntries(LIMIT_FIELDS.map((f) => [f.key, text(stored?.[f.key])])) as Record<LimitKey, string>);
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
  const source = inheritedFrom === "built-in" ? "built-in value" : "fleet default";

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
        {LIMIT_FIELDS.map((f) => {
          const id = `${ids}-${f.key}`;
          const serverError = error?.field === `values.${f.key}` ? error.message.replace(/^values\.\w+: /, "") : undefined;
          return (
            <Field
              key={f.key}
              label={f.label}
              htmlFor={id}
              hint={`Blank: ${source} (${showLimit(inherited.limits[f.key])}). 0: no limit.`}
              error={invalid.includes(f.key) ? "must be blank, 0 (no limit) or a whole number" : serverError}
            >
              <Input
                id={id}
                inputMode="numeric"
                value={limits[f.key]}
                placeholder={`${showLimit(inherited.limits[f.key])} (${inheritedFrom})`}
                onChange={(e) => setLimits({ ...limits, [f.key]: e.target.value })}
              />
            </Field>
          );
        })}
        <Field label="Auto-approve requests that fit" htmlFor={`${ids}-auto`} hint={`Inherit uses the ${source} (${inherited.autoApprove ? "on" : "off"}).`}>
          <Select id={`${ids}-auto`} value={autoApprove} onChange={(e) => setAutoApprove(e.target.value)}>
            <option value="">Inherit ({inherited.autoApprove ? "on" : "off"})</option>
            <option value="on">On: approve at once when it fits</option>
            <option value="off">Off: an admin decides</option>
          </Select>
        </Field>
      </div>
      <PolicyFormFooter ids={ids} reason={reason} onReason={setReason} error={error} saving={update.isPending} saveLabel={team ? `Save ${team.name}` : "Save fleet defaults"} onDone={onDone} />
    </ActionForm>
  );
}
