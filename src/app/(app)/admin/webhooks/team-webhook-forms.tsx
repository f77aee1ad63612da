"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { EVENT_KIND_NAMES, EVENT_KINDS, type EventKind } from "@/core/notifications/kinds";
import { describeError } from "@/components/trpc-error";
import { Button } from "@/components/ui/button";
import { ActionForm, CheckboxLabel, Field, Select, toggled } from "@/components/ui/form";
import { useOutcomeToasts, useSuccess } from "@/components/use-success";
import { WebhookFields, type WebhookFormat } from "@/components/notifications/webhook-fields";
import { useTRPC } from "@/trpc/react";

// A team channel hears about its members' slices; admin-wide and leadership kinds have no team.
const TEAM_KINDS = EVENT_KIND_NAMES.filter((k) => EVENT_KINDS[k].audience === "holder" || k === "request-waiting" || k === "quota-exception-asked");

export function CreateTeamWebhookForm({ teams }: { teams: { id: string; name: string }[] }) {
  const trpc = useTRPC();
  const [teamId, setTeamId] = useState(teams[0]?.id ?? "");
  const [url, setUrl] = useState("");
  const [format, setFormat] = useState<WebhookFormat>("slack");
  const [kinds, setKinds] = useState<EventKind[]>(["request-waiting", "slice-approved", "slice-rejected"]);
  const create = useMutation(
    trpc.background.createTeamWebhook.mutationOptions({
      onSuccess: useSuccess((hook) => `Webhook added for ${hook.teamName}`, () => setUrl("")),
    }),
  );
  const error = create.error ? describeError(create.error) : undefined;
  return (
    <ActionForm
      aria-label="Add a team webhook"
      className="space-y-4"
      onSubmit={() => create.mutate({ teamId, url, format, kinds })}
    >
      <Field label="Team" htmlFor="hook-team">
        <Select id="hook-team" value={teamId} onChange={(e) => setTeamId(e.target.value)}>
          {teams.map((t) => (
            <option key={t.id} value={t.id}>{t.name}</option>
          ))}
        </Select>
      </Field>
      <WebhookFields idPrefix="hook" url={url} onUrl={setUrl} format={format} onFormat={setFormat} urlError={error && (error.field === "url" || !error.field) ? error.message : undefined} />
      <fieldset className="space-y-1.5">
        <legend className="text-sm font-medium text-slate-800">Messages</legend>
        {error?.field === "kinds" && <p className="text-sm text-rose-700">{error.message}</p>}
        {TEAM_KINDS.map((k) => (
          <CheckboxLabel key={k} checked={kinds.includes(k)} onChange={(on) => setKinds((list) => toggled(list, k, on))}>
            {EVENT_KINDS[k].label}
          </CheckboxLabel>
        ))}
      </fieldset>
      <Button type="submit" loading={create.isPending} disabled={teams.length === 0}>Add webhook</Button>
    </ActionForm>
  );
}

export function DeleteTeamWebhookButton({ webhook }: { webhook: { id: string; teamName: string } }) {
  const trpc = useTRPC();
  const remove = useMutation(trpc.background.deleteTeamWebhook.mutationOptions(useOutcomeToasts(`Webhook of ${webhook.teamName} removed`)));
  return (
    <Button size="sm" variant="secondary" loading={remove.isPending} onClick={() => remove.mutate({ webhookId: webhook.id })} aria-label={`Remove the webhook of ${webhook.teamName}`}>
      Remove
    </Button>
  );
}
