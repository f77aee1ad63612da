"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { describeError } from "@/components/trpc-error";
import { Button } from "@/components/ui/button";
import { ActionForm, Field, Input, Select } from "@/components/ui/form";
import { useSuccess } from "@/components/use-success";
import { useTRPC } from "@/trpc/react";

type Webhook = { url: string; format: "slack" | "json"; secret: string } | null;

export function WebhookForm({ webhook }: { webhook: Webhook }) {
  const trpc = useTRPC();
  const [url, setUrl] = useState(webhook?.url ?? "");
  const [format, setFormat] = useState<"slack" | "json">(webhook?.format ?? "slack");
  const save = useMutation(
    trpc.notifications.saveWebhook.mutationOptions({
      onSuccess: useSuccess(
        (saved) => (saved ? "Webhook saved" : "Webhook removed"),
        (saved) => {
          if (!saved) setUrl("");
        },
      ),
    }),
  );
  const error = save.error ? describeError(save.error) : undefined;
  return (
    <ActionForm
      aria-label="My chat webhook"
      className="space-y-4"
      onSubmit={() => save.mutate({ url, format })}
    >
      <Field label="Webhook URL" htmlFor="webhook-url" hint="Where the portal POSTs your messages." error={error?.message}>
        <Input id="webhook-url" type="url" value={url} onChange={(e) => setUrl(e.target.value)} required placeholder="https://hooks.slack.com/services/…" autoComplete="off" />
      </Field>
      <Field label="Format" htmlFor="webhook-format">
        <Select id="webhook-format" value={format} onChange={(e) => setFormat(e.target.value as "slack" | "json")}>
          <option value="slack">Slack-compatible</option>
          <option value="json">Generic JSON, signed</option>
        </Select>
      </Field>
      {webhook?.format === "json" && (
        <Field label="Signing secret" htmlFor="webhook-secret" hint="Verify X-Rigshare-Signature with it (see the README).">
          <Input id="webhook-secret" readOnly value={webhook.secret} className="font-mono text-xs" onFocus={(e) => e.currentTarget.select()} />
        </Field>
      )}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" loading={save.isPending && save.variables?.url !== null}>Save webhook</Button>
        {webhook && (
          <Button variant="secondary" loading={save.isPending && save.variables?.url === null} onClick={() => save.mutate({ url: null, format })}>
            Remove
          </Button>
        )}
      </div>
    </ActionForm>
  );
}
