"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { describeError } from "@/components/trpc-error";
import { Button } from "@/components/ui/button";
import { ActionForm, Field, Input } from "@/components/ui/form";
import { useSuccess } from "@/components/use-success";
import { WebhookFields, type WebhookFormat } from "@/components/notifications/webhook-fields";
import { useTRPC } from "@/trpc/react";

type Webhook = { url: string; format: WebhookFormat; secret: string } | null;

export function WebhookForm({ webhook }: { webhook: Webhook }) {
  const trpc = useTRPC();
  const [url, setUrl] = useState(webhook?.url ?? "");
  const [format, setFormat] = useState<WebhookFormat>(webhook?.format ?? "slack");
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
      <WebhookFields idPrefix="webhook" url={url} onUrl={setUrl} format={format} onFormat={setFormat} urlHint="Where the portal POSTs your messages." urlError={error?.message} />
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
