import { Field, Input, Select } from "@/components/ui/form";

export type WebhookFormat = "slack" | "json";

/** Where a webhook posts and in which format: the same two fields for a person's and a team's. */
export function WebhookFields(props: { idPrefix: string; url: string; onUrl: (url: string) => void; format: WebhookFormat; onFormat: (format: WebhookFormat) => void; urlHint?: string; urlError?: string }) {
  const { idPrefix } = props;
  return (
    <>
      <Field label="Webhook URL" htmlFor={`${idPrefix}-url`} hint={props.urlHint} error={props.urlError}>
        <Input id={`${idPrefix}-url`} type="url" value={props.url} onChange={(e) => props.onUrl(e.target.value)} required placeholder="https://hooks.slack.com/services/…" autoComplete="off" />
      </Field>
      <Field label="Format" htmlFor={`${idPrefix}-format`}>
        <Select id={`${idPrefix}-format`} value={props.format} onChange={(e) => props.onFormat(e.target.value as WebhookFormat)}>
          <option value="slack">Slack-compatible</option>
          <option value="json">Generic JSON, signed</option>
        </Select>
      </Field>
    </>
  );
}
