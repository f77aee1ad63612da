"use client";

import { useMutation } from "@tanstack/react-query";
import { useId, useState } from "react";
import type { IdlePolicy, StoredIdlePolicy } from "@/core/idle/policy";
import { describeError } from "@/components/trpc-error";
import { ActionForm } from "@/components/ui/form";
import { useSuccess } from "@/components/use-success";
import { useTRPC } from "@/trpc/react";
import { PolicyFormFooter } from "./policy-form-footer";
import { EditTeamPolicy, inputText, PolicyNumberFields, type InheritedFrom } from "./policy-parts";
import { IDLE_FIELDS, showMinutes, type IdleKey } from "./idle-fields";
import { parseLimit } from "./quota-fields";

export function FleetIdleForm({ stored, builtIn }: { stored: StoredIdlePolicy | null; builtIn: IdlePolicy }) {
  return <IdleForm stored={stored} inherited={builtIn} inheritedFrom="built-in" />;
}

export function EditTeamIdle({ team, stored, inherited }: { team: { id: string; name: string }; stored: StoredIdlePolicy | null; inherited: IdlePolicy }) {
  return (
    <EditTeamPolicy
      team={team}
      what="idle policy"
      description="Blank inherits the fleet default; 0 turns the step off."
      form={(onDone) => <IdleForm team={team} stored={stored} inherited={inherited} inheritedFrom="fleet" onDone={onDone} />}
    />
  );
}

function IdleForm({ team, stored, inherited, inheritedFrom, onDone }: { team?: { id: string; name: string }; stored: StoredIdlePolicy | null; inherited: IdlePolicy; inheritedFrom: InheritedFrom; onDone?: () => void }) {
  const trpc = useTRPC();
  const ids = useId();
  const [values, setValues] = useState<Record<IdleKey, string>>(() => Object.fromEntries(IDLE_FIELDS.map((f) => [f.key, inputText(stored?.[f.key])])) as Record<IdleKey, string>);
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
        <PolicyNumberFields
          ids={ids}
          fields={IDLE_FIELDS}
          values={values}
          onChange={setValues}
          inherited={(key) => showMinutes(inherited[key])}
          inheritedFrom={inheritedFrom}
          zero="off"
          invalid={invalid}
          invalidMessage="must be blank, 0 (off) or whole minutes up to a week"
          error={error}
        />
      </div>
      <PolicyFormFooter ids={ids} reason={reason} onReason={setReason} error={error} saving={update.isPending} saveLabel={team ? `Save ${team.name}` : "Save fleet idle policy"} onDone={onDone} />
    </ActionForm>
  );
}
