"use client";

import { useMutation } from "@tanstack/react-query";
import { useId, useState } from "react";
import type { IdlePolicy, StoredIdlePolicy } from "@/core/idle/policy";
import { describeError } from "@/components/trpc-error";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ActionForm, Field, Input } from "@/components/ui/form";
import { useTRPC } from "@/trpc/react";
import { PolicyFormFooter } from "./policy-form-footer";
import { IDLE_FIELDS, showMinutes, type IdleKey } from "./idle-fields";
import { parseLimit } from "./quota-fields";
import { useSuccess } from "@/components/use-success";

export function FleetIdleForm({ stored, builtIn }: { stored: StoredIdlePolicy | null; builtIn: IdlePolicy }) {
  return <IdleForm stored={stored} inherited={builtIn} inheritedFrom="built-in" />;
}

export function EditTeamIdle({ team, stored, inherited }: { team: { id: string; name: string }; stored: StoredIdlePolicy | null; inherited: IdlePolicy }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="sm" variant="secondary" onClick={() => setOpen(true)} aria-label={`Edit the idle policy of ${team.name}`}>
        Edit
      </Button>
      {open && (
        <Dialog open title={`Idle policy of ${team.name}`} description="Blank inherits the fleet default; 0 turns the step off." onClose={() => setOpen(false)} size="lg" className="text-left">
          <IdleForm team={team} stored={stored} inherited={inherited} inheritedFrom="fleet" onDone={() => setOpen(false)} />
        </Dialog>
      )}
    </>
  );
}

const text = (value: number | null | undefined) => (value === null || value === undefined ? "" : String(value));

function IdleForm({ team, stored, inherited, inheritedFrom, onDone }: { team?: { id: string; name: string }; stored: StoredIdlePolicy | null; inherited: IdlePolicy; inheritedFrom: "built-in" | "fleet"; onDone?: () => void }) {
  const trpc = useTRPC();
  const ids = useId();
  const [values, setValues] = useState<Record<IdleKey, string>>(() => Object.fromEntries(IDLE_FIELDS.map((f) => [f.key, text(stored?.[f.key])])) as Record<IdleKey, string>);
  const [reason, setReason] = useState("");
  const [invalid, setInvalid] = useState<IdleKey[]>([]);
  const update = useMutation(
    trpc.enforcement.updateIdlePolicy.mutationOptions({
      onSuccess: useSuccess(team ? `Idle policy of ${team.name} saved` : "Fleet idle policy saved", () => {
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
        const parsed = IDLE_FIELDS.map((f) => [f.key, parseLimit(values[f.key])] as const);
        const bad = parsed.filter(([, p]) => !p.ok || (p.value ?? 0) > 10_080).map(([key]) => key);
        setInvalid(bad);
        if (bad.length > 0) return;
        const stored = Object.fromEntries(parsed.map(([key, p]) => [key, p.ok ? p.value : null])) as Record<IdleKey, number | null>;
        update.mutate({ teamId: team?.id, values: stored, reason: reason.trim() || undefined });
      }}
    >
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {IDLE_FIELDS.map((f) => {
          const id = `${ids}-${f.key}`;
          const serverError = error?.field === `values.${f.key}` ? error.message.replace(/^values\.\w+: /, "") : undefined;
          return (
            <Field key={f.key} label={f.label} htmlFor={id} hint={`Blank: ${source} (${showMinutes(inherited[f.key])}). 0: off.`} error={invalid.includes(f.key) ? "must be blank, 0 (off) or whole minutes up to a week" : serverError}>
              <Input id={id} inputMode="numeric" value={values[f.key]} placeholder={`${showMinutes(inherited[f.key])} (${inheritedFrom})`} onChange={(e) => setValues({ ...values, [f.key]: e.target.value })} />
            </Field>
          );
        })}
      </div>
      <PolicyFormFooter ids={ids} reason={reason} onReason={setReason} error={error} saving={update.isPending} saveLabel={team ? `Save ${team.name}` : "Save fleet idle policy"} onDone={onDone} />
    </ActionForm>
  );
}
